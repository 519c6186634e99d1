import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Dataset } from '../../data/dataset';
import { withAuditFieldsOnCreate } from './auditFields';
import { buildDataPlan, DataPlanError, serializeDataPlan, type DataPlan } from './dataPlan';
import type { Schema } from './schema';
import { checkDataPlan } from './schemaCheck';
import { fixtureDataset, fixtureSchema, ids } from './testing/fixture';
import { isInOrg, planUsers, resolveUser } from './users';

const ADMIN_ID = '005ADMIN000000AAAA';
const MANAGER_ID = '005MANAGER0000AAAA';
const REP_ID = '005REP00000000AAAA';

function build(
  dataset: Dataset = fixtureDataset(),
  maxUsers = 2,
  schema: Schema = fixtureSchema()
): DataPlan {
  const users = planUsers(dataset, { maxUsers, orgAlias: 'SC' });
  const orgIds = {
    admin: ADMIN_ID,
    users: new Map([
      [ids.m1, MANAGER_ID],
      [ids.r1b, REP_ID]
    ])
  };
  return buildDataPlan({
    dataset,
    schema,
    userId: (sampleId) => resolveUser(users, sampleId, orgIds),
    isInOrg: (sampleId) => isInOrg(users, sampleId)
  });
}

const recordsOf = (dataPlan: DataPlan, object: string) =>
  dataPlan.files.get(`${object}.json`) ?? [];

void describe('buildDataPlan', () => {
  void it('lists one file per object, parents before the records that reference them', () => {
    assert.deepEqual(build().plan, [
      { sobject: 'Account', files: ['Account.json'] },
      { sobject: 'Opportunity', files: ['Opportunity.json'] },
      { sobject: 'Territory_Plan__c', files: ['Territory_Plan__c.json'] },
      { sobject: 'Territory_Plan_Account__c', files: ['Territory_Plan_Account__c.json'] },
      { sobject: 'Development_Goal__c', files: ['Development_Goal__c.json'] },
      { sobject: 'Coaching_Session__c', files: ['Coaching_Session__c.json'] },
      { sobject: 'Coaching_Private_Note__c', files: ['Coaching_Private_Note__c.json'] },
      { sobject: 'Manager_Scorecard__c', files: ['Manager_Scorecard__c.json'] },
      { sobject: 'Scorecard_Entry__c', files: ['Scorecard_Entry__c.json'] }
    ]);
  });

  void it('leaves out read-only standard fields, audit fields where not allowed, and nulls; links with @references', () => {
    const [won, open] = recordsOf(build(), 'Opportunity');
    assert.deepEqual(won, {
      attributes: { type: 'Opportunity', referenceId: 'OpportunityRef1' },
      Name: 'Summit Labs - Pilot',
      AccountId: '@AccountRef1',
      OwnerId: REP_ID,
      StageName: 'Closed Won',
      Probability: 100,
      Amount: 25000,
      CloseDate: '2026-10-02'
    });
    assert.equal('Amount' in open, false, 'a null Amount is left out, not sent as null');
  });

  void it('puts the org Id of the created user each sample owner maps onto in every user lookup', () => {
    const dataPlan = build();
    const [session1, session2] = recordsOf(dataPlan, 'Coaching_Session__c');
    assert.equal(session1.Rep__c, REP_ID); // r1a → the created rep
    assert.equal(session1.Coach__c, MANAGER_ID);
    assert.equal(session1.Opportunity__c, '@OpportunityRef1');
    assert.equal(session1.Focus_Areas__c, 'Closing;Negotiation');
    assert.equal(session2.Rep__c, MANAGER_ID); // m2 → the created manager
    assert.equal(session2.Coach__c, ADMIN_ID); // the VP → the admin
    assert.equal(session2.Development_Goal__c, '@Development_Goal__cRef1');
    const [plan] = recordsOf(dataPlan, 'Territory_Plan__c');
    assert.equal(plan.Plan_Owner__c, REP_ID);
    assert.equal(plan.Manager__c, MANAGER_ID);
    const [planAccount] = recordsOf(dataPlan, 'Territory_Plan_Account__c');
    assert.equal(planAccount.Territory_Plan__c, '@Territory_Plan__cRef1');
    assert.equal(planAccount.Account__c, '@AccountRef1');
  });

  void it('imports private notes after their sessions, owned by the user their author maps onto', () => {
    const dataPlan = build();
    const order = dataPlan.plan.map((entry) => entry.sobject);
    assert.ok(order.indexOf('Coaching_Private_Note__c') > order.indexOf('Coaching_Session__c'));
    assert.deepEqual(recordsOf(dataPlan, 'Coaching_Private_Note__c'), [
      {
        attributes: {
          type: 'Coaching_Private_Note__c',
          referenceId: 'Coaching_Private_Note__cRef1'
        },
        Coaching_Session__c: '@Coaching_Session__cRef1',
        OwnerId: MANAGER_ID,
        Body__c: 'Ready for larger deals.'
      },
      {
        // The VP's note about a manager stays the VP's (the admin), not the session owner's.
        attributes: {
          type: 'Coaching_Private_Note__c',
          referenceId: 'Coaching_Private_Note__cRef2'
        },
        Coaching_Session__c: '@Coaching_Session__cRef2',
        OwnerId: ADMIN_ID,
        Body__c: 'Watch for burnout.'
      }
    ]);
  });

  void it('keeps only the saved scorecards of created managers, with their entries', () => {
    const dataPlan = build();
    const scorecards = recordsOf(dataPlan, 'Manager_Scorecard__c');
    assert.deepEqual(
      scorecards.map((record) => record.Name),
      ['Mona East - Q3 2026']
    );
    assert.equal(
      scorecards[0].Period_Key__c,
      `${MANAGER_ID}:2026-07-01:2026-09-30`,
      'the period key names the org user, so saving the period again updates this snapshot'
    );
    assert.equal('Percent_To_Plan__c' in scorecards[0], false, 'formula fields are left out');
    const entries = recordsOf(dataPlan, 'Scorecard_Entry__c');
    assert.equal(entries.length, 1);
    assert.equal(entries[0].Manager_Scorecard__c, '@Manager_Scorecard__cRef1');
    assert.equal(entries[0].Rep__c, REP_ID);
  });

  void it('reports everything it leaves out, and why', () => {
    const omitted = build().omitted;
    const find = (object: string, field?: string) =>
      omitted.find((entry) => entry.object === object && entry.field === field);
    assert.match(find('User')?.reason ?? '', /sf org create user/);
    assert.equal(find('User')?.records, 8);
    assert.match(find('Territory_Plan__History')?.reason ?? '', /history/);
    for (const field of [
      'IsClosed',
      'IsWon',
      'PushCount',
      'LastStageChangeDate',
      'LastActivityDate'
    ]) {
      assert.ok(find('Opportunity', field), `Opportunity.${field} is reported`);
    }
    assert.match(
      find('Opportunity', 'CreatedDate')?.reason ?? '',
      /audit field.*"securitySettings": \{ "enableAuditFieldsInactiveOwner": true \}/
    );
    assert.match(find('Opportunity', 'CreatedDate')?.affects ?? '', /sales cycle/);
    assert.match(find('Opportunity', 'PushCount')?.affects ?? '', /pushed deals/);
    assert.match(find('Opportunity', 'LastStageChangeDate')?.affects ?? '', /days in stage/);
    assert.match(find('Opportunity', 'LastActivityDate')?.affects ?? '', /without activity/);
    assert.match(find('Territory_Plan__History')?.affects ?? '', /history table starts empty/);
    assert.equal(find('Opportunity', 'IsClosed')?.affects, undefined, 'derived from the stage');
    assert.match(find('Manager_Scorecard__c', 'Percent_To_Plan__c')?.reason ?? '', /formula/);
    const scorecards = omitted.find(
      (entry) => entry.object === 'Manager_Scorecard__c' && entry.field === undefined
    );
    assert.equal(scorecards?.records, 1);
    const entries = omitted.find((entry) => entry.object === 'Scorecard_Entry__c');
    assert.deepEqual(entries, {
      object: 'Scorecard_Entry__c',
      records: 1,
      reason: 'their parent record is left out'
    });
  });

  void it('imports the sample’s history where setting audit fields is on', () => {
    const dataPlan = build(fixtureDataset(), 2, withAuditFieldsOnCreate(fixtureSchema()));
    const [won] = recordsOf(dataPlan, 'Opportunity');
    assert.equal(won.CreatedDate, '2026-08-01T09:00:00.000Z');
    assert.equal(won.LastModifiedDate, '2026-10-02T17:00:00.000Z');
    assert.equal('PushCount' in won, false, 'still stamped by the platform');
    assert.equal(
      recordsOf(dataPlan, 'Coaching_Session__c')[0].CreatedDate,
      '2026-09-15T16:00:00.000Z'
    );
    assert.equal(
      recordsOf(dataPlan, 'Territory_Plan__c')[0].CreatedDate,
      '2026-09-25T09:00:00.000Z'
    );
    assert.equal(
      dataPlan.omitted.some((entry) => entry.field === 'CreatedDate'),
      false
    );
    assert.deepEqual(checkDataPlan(dataPlan, withAuditFieldsOnCreate(fixtureSchema())), []);
  });

  void it('drops sessions and goals whose coach and rep fold onto one org user', () => {
    // One licence: the admin plays the VP and Mona East, so the VP's session with Milo West
    // (who folds onto the admin too) would be the admin coaching themselves.
    const dataPlan = build(fixtureDataset(), 1);
    const sessions = recordsOf(dataPlan, 'Coaching_Session__c');
    assert.deepEqual(
      sessions.map((session) => session.Name),
      ['Deal Review - Ann Able - 2026-09-15']
    );
    assert.deepEqual(
      dataPlan.omitted.find((entry) => entry.object === 'Coaching_Session__c' && !entry.field),
      {
        object: 'Coaching_Session__c',
        records: 1,
        reason:
          'coach and rep fold onto the same org user (e.g. a manager coached by the VP, both played by the admin)'
      }
    );
    assert.equal(recordsOf(dataPlan, 'Development_Goal__c').length, 1, 'rep and coach differ');
    assert.deepEqual(
      recordsOf(dataPlan, 'Manager_Scorecard__c').map((record) => record.Manager__c),
      [ADMIN_ID],
      'the admin plays Mona East, so her snapshot stays'
    );
  });

  void it('imports every scorecard once every manager is created', () => {
    const dataset = fixtureDataset();
    const users = planUsers(dataset, { maxUsers: 100, orgAlias: 'SC' });
    const dataPlan = buildDataPlan({
      dataset,
      schema: fixtureSchema(),
      userId: (sampleId) => sampleId,
      isInOrg: (sampleId) => isInOrg(users, sampleId)
    });
    assert.equal(recordsOf(dataPlan, 'Manager_Scorecard__c').length, 2);
    assert.equal(recordsOf(dataPlan, 'Scorecard_Entry__c').length, 2);
  });

  void it('passes the schema check', () => {
    assert.deepEqual(checkDataPlan(build(), fixtureSchema()), []);
  });

  void it('fails on a lookup to a record that is not in the sample', () => {
    const dataset = fixtureDataset();
    dataset.records.Coaching_Session__c[0].Opportunity__c = '006Dp0000000999AAA';
    assert.throws(
      () => build(dataset),
      (error: unknown) =>
        error instanceof DataPlanError &&
        /Coaching_Session__c .*Opportunity__c points to 006Dp0000000999AAA/.test(error.message)
    );
  });

  void it('leaves out standard fields the package does not use, but keeps unknown custom fields for the check to catch', () => {
    const dataset = fixtureDataset();
    dataset.records.Opportunity[0].LeadSource = 'Web';
    dataset.records.Opportunity[0].Legacy_Score__c = 7;
    const dataPlan = build(dataset);
    const [won] = recordsOf(dataPlan, 'Opportunity');
    assert.equal('LeadSource' in won, false);
    assert.deepEqual(
      dataPlan.omitted.find((entry) => entry.field === 'LeadSource'),
      {
        object: 'Opportunity',
        field: 'LeadSource',
        reason: 'a standard field the package does not use (not in the object model)'
      }
    );
    assert.equal(won.Legacy_Score__c, 7);
    assert.deepEqual(checkDataPlan(dataPlan, fixtureSchema()), [
      'Opportunity.json OpportunityRef1: field Opportunity.Legacy_Score__c does not exist'
    ]);
  });

  void it('serializes the plan and the data files as sf data tree JSON', () => {
    const files = serializeDataPlan(build());
    assert.deepEqual([...files.keys()].slice(0, 2), ['plan.json', 'Account.json']);
    const plan = JSON.parse(files.get('plan.json') ?? '') as unknown[];
    assert.equal(plan.length, 9);
    const accounts = JSON.parse(files.get('Account.json') ?? '') as { records: unknown[] };
    assert.deepEqual(accounts.records[1], {
      attributes: { type: 'Account', referenceId: 'AccountRef2' },
      Name: 'Harbor Foods',
      OwnerId: REP_ID
    });
  });
});
