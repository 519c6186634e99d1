import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { withAuditFieldsOnCreate } from './auditFields';
import type { DataPlan, TreeRecord } from './dataPlan';
import { checkDataPlan } from './schemaCheck';
import { fixtureSchema } from './testing/fixture';

const USER_ID = '005Dp0000000001IAA';

function account(n: number, fields: Record<string, string | number | boolean> = {}): TreeRecord {
  return {
    attributes: { type: 'Account', referenceId: `AccountRef${n}` },
    Name: `A${n}`,
    ...fields
  };
}

function opportunity(
  n: number,
  fields: Record<string, string | number | boolean> = {}
): TreeRecord {
  return {
    attributes: { type: 'Opportunity', referenceId: `OpportunityRef${n}` },
    Name: `O${n}`,
    StageName: 'Prospecting',
    CloseDate: '2026-12-01',
    ...fields
  };
}

function planOf(...objects: [string, TreeRecord[]][]): DataPlan {
  return {
    plan: objects.map(([sobject]) => ({ sobject, files: [`${sobject}.json`] })),
    files: new Map(objects.map(([sobject, records]) => [`${sobject}.json`, records])),
    omitted: []
  };
}

const check = (dataPlan: DataPlan) => checkDataPlan(dataPlan, fixtureSchema());

void describe('checkDataPlan', () => {
  void it('accepts a plan whose fields exist, are createable and whose references resolve', () => {
    assert.deepEqual(
      check(
        planOf(
          ['Account', [account(1, { OwnerId: USER_ID })]],
          ['Opportunity', [opportunity(1, { AccountId: '@AccountRef1', OwnerId: USER_ID })]]
        )
      ),
      []
    );
  });

  void it('reports a field that does not exist and one that cannot be set on insert', () => {
    assert.deepEqual(
      check(planOf(['Opportunity', [opportunity(1, { Stage__c: 'x', IsWon: true })]])),
      [
        'Opportunity.json OpportunityRef1: field Opportunity.Stage__c does not exist',
        'Opportunity.json OpportunityRef1: field Opportunity.IsWon cannot be set on insert'
      ]
    );
  });

  void it('takes audit fields only where setting them is on, and only in order', () => {
    const dated = planOf([
      'Opportunity',
      [
        opportunity(1, {
          CreatedDate: '2026-08-01T09:00:00.000Z',
          LastModifiedDate: '2026-10-02T17:00:00.000Z'
        }),
        opportunity(2, {
          CreatedDate: '2026-09-14T17:52:00.000Z',
          LastModifiedDate: '2026-09-14T17:00:00.000Z'
        })
      ]
    ]);
    assert.deepEqual(checkDataPlan(dated, withAuditFieldsOnCreate(fixtureSchema())), [
      'Opportunity.json OpportunityRef2: LastModifiedDate 2026-09-14T17:00:00.000Z is before CreatedDate 2026-09-14T17:52:00.000Z'
    ]);
    assert.deepEqual(
      check(dated).filter((problem) => problem.includes('cannot be set on insert')),
      [
        'Opportunity.json OpportunityRef1: field Opportunity.CreatedDate cannot be set on insert',
        'Opportunity.json OpportunityRef1: field Opportunity.LastModifiedDate cannot be set on insert',
        'Opportunity.json OpportunityRef2: field Opportunity.CreatedDate cannot be set on insert',
        'Opportunity.json OpportunityRef2: field Opportunity.LastModifiedDate cannot be set on insert'
      ]
    );
  });

  void it('reports a missing required field', () => {
    const record = opportunity(1);
    delete record.CloseDate;
    assert.deepEqual(check(planOf(['Opportunity', [record]])), [
      'Opportunity.json OpportunityRef1: required field Opportunity.CloseDate is missing'
    ]);
  });

  void it('reports references that do not resolve, resolve later, or point to the wrong object', () => {
    const planAccount = (n: number, plan: string, account: string): TreeRecord => ({
      attributes: {
        type: 'Territory_Plan_Account__c',
        referenceId: `Territory_Plan_Account__cRef${n}`
      },
      Territory_Plan__c: plan,
      Account__c: account
    });
    const problems = check(
      planOf(
        ['Opportunity', [opportunity(1, { AccountId: '@AccountRef1' })]],
        ['Account', [account(1)]],
        [
          'Territory_Plan_Account__c',
          [
            planAccount(1, '@Territory_Plan__cRef9', '@AccountRef1'),
            planAccount(2, '@OpportunityRef1', '@AccountRef1')
          ]
        ]
      )
    );
    assert.deepEqual(problems, [
      'Opportunity.json OpportunityRef1: AccountId → @AccountRef1 does not resolve to a record of an earlier file or the same file',
      'Territory_Plan_Account__c.json Territory_Plan_Account__cRef1: Territory_Plan__c → @Territory_Plan__cRef9 does not resolve to a record of an earlier file or the same file',
      'Territory_Plan_Account__c.json Territory_Plan_Account__cRef2: Territory_Plan__c → @OpportunityRef1 is a Opportunity, but the lookup allows Territory_Plan__c'
    ]);
  });

  void it('wants user Ids in user lookups and @references in every other lookup', () => {
    assert.deepEqual(
      check(
        planOf(
          ['Account', [account(1, { OwnerId: '001Dp0000000001AAA' })]],
          ['Opportunity', [opportunity(1, { AccountId: '001Dp0000000001AAA', Amount: 5 })]]
        )
      ),
      [
        'Account.json AccountRef1: OwnerId holds 001Dp0000000001AAA; a lookup to User needs an @reference',
        'Opportunity.json OpportunityRef1: AccountId holds 001Dp0000000001AAA; a lookup to Account needs an @reference'
      ]
    );
  });

  void it('reports malformed and duplicate reference Ids and a mismatched type', () => {
    const dataPlan = planOf([
      'Account',
      [
        account(1),
        account(1),
        { attributes: { type: 'Account', referenceId: 'first' }, Name: 'x' },
        { attributes: { type: 'Contact', referenceId: 'AccountRef7' }, Name: 'y' }
      ]
    ]);
    assert.deepEqual(check(dataPlan), [
      'Account.json AccountRef1: referenceId AccountRef1 is used twice',
      'Account.json first: referenceId must look like <Object>Ref<n>',
      'Account.json AccountRef7: attributes.type is Contact, expected Account'
    ]);
  });

  void it('reports unknown objects and files missing from, or not listed in, the plan', () => {
    const dataPlan: DataPlan = {
      plan: [
        { sobject: 'Lead', files: ['Lead.json'] },
        { sobject: 'Account', files: ['Missing.json'] }
      ],
      files: new Map([['Stray.json', [account(1)]]]),
      omitted: []
    };
    assert.deepEqual(check(dataPlan), [
      'plan entry 1: object Lead is not in the org schema',
      'plan entry Account: file Missing.json is not in the plan',
      'file Stray.json is not listed in the plan'
    ]);
    assert.deepEqual(check({ plan: [], files: new Map(), omitted: [] }), [
      'the plan has no entries'
    ]);
  });

  void it('flags an @reference in a field that is not a lookup', () => {
    assert.deepEqual(check(planOf(['Account', [account(1, { BillingCity: '@AccountRef1' })]])), [
      'Account.json AccountRef1: BillingCity is not a lookup but holds the reference @AccountRef1'
    ]);
  });
});
