/**
 * The in-memory org on the package's real metadata: the sample data fits the schema and its
 * rules, the GraphQL schema is generated from force-app, and saves enforce the rules there.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { DatasetRecord } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import { UiApiError, type UiApiRecordErrorBody } from './errors';
import { evaluateFormula, unsupportedFunctions } from './formula';
import { loadPreviewMetadata, type PreviewMetadata } from './loadModel';
import { InMemoryOrg } from './org';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataset = generateDataset();
const { vp, manager, rep } = dataset.meta.personas;

let metadata: PreviewMetadata;

/** The message of the active rule shown on a field (named, when the field has several). */
function ruleMessage(objectApiName: string, displayField: string, name?: string): string {
  const rule = metadata.model.validationRules.find(
    (candidate) =>
      candidate.objectApiName === objectApiName &&
      candidate.displayField === displayField &&
      (name === undefined || candidate.name === name) &&
      candidate.active
  );
  assert.ok(rule, `an active rule on ${objectApiName}.${displayField}`);
  return rule.message;
}

function saveError(error: unknown): UiApiRecordErrorBody {
  assert.ok(error instanceof UiApiError, `expected a UiApiError, got ${String(error)}`);
  assert.ok(!Array.isArray(error.body));
  return error.body;
}

function fieldErrorMessages(error: unknown, field: string): string[] {
  return (saveError(error).output.fieldErrors[field] ?? []).map((entry) => entry.message);
}

void describe('the org on the package metadata', () => {
  before(() => {
    metadata = loadPreviewMetadata(ROOT);
  });

  void it('reads the schema from force-app', () => {
    for (const name of [
      'Coaching_Session__c',
      'Development_Goal__c',
      'Territory_Plan__c',
      'Opportunity'
    ]) {
      assert.ok(metadata.model.objects[name], name);
    }
  });

  void it('has every field and picklist value the sample data uses', () => {
    for (const [objectApiName, rows] of Object.entries(dataset.records)) {
      const object = metadata.model.objects[objectApiName];
      assert.ok(object, `object ${objectApiName}`);
      for (const row of rows) {
        for (const [name, value] of Object.entries(row)) {
          const field = object.fields[name];
          assert.ok(field, `${objectApiName}.${name}`);
          if (value === null || field.picklistValues.length === 0) continue;
          const allowed = new Set(field.picklistValues.map((entry) => entry.value));
          for (const part of field.dataType === 'MultiPicklist'
            ? String(value).split(';')
            : [String(value)]) {
            assert.ok(allowed.has(part), `${objectApiName}.${name} = ${part}`);
          }
        }
      }
    }
  });

  void it('can evaluate every validation rule and formula field, and the sample passes the rules', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    for (const rule of metadata.model.validationRules) {
      assert.deepEqual(
        unsupportedFunctions(rule.formula),
        [],
        `${rule.objectApiName}.${rule.name}`
      );
      if (!rule.active) continue;
      const object = metadata.model.objects[rule.objectApiName];
      for (const record of dataset.records[rule.objectApiName] ?? []) {
        const fails = evaluateFormula(rule.formula, {
          today: dataset.meta.today,
          field: (path) => org.store.readPath(object, record, path, false)
        });
        assert.notEqual(fails, true, `${record.Id} breaks ${rule.objectApiName}.${rule.name}`);
      }
    }
    for (const object of Object.values(metadata.model.objects)) {
      for (const field of Object.values(object.fields)) {
        if (field.formula)
          assert.deepEqual(
            unsupportedFunctions(field.formula),
            [],
            `${object.apiName}.${field.apiName}`
          );
      }
    }
  });

  void it('generates the GraphQL schema from the metadata', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    const session = org.session(vp);
    const misspelled = session.graphql({
      query: '{ uiapi { query { Opportunity { edges { node { Amont { value } } } } } } }'
    });
    assert.equal(
      misspelled.errors?.[0].message,
      'Cannot query field "Amont" on type "Opportunity".'
    );
    for (const objectApiName of Object.keys(dataset.records)) {
      const result = session.graphql({
        query: `{ uiapi { query { ${objectApiName}(first: 1) { totalCount } } } }`
      });
      assert.equal(result.errors, undefined, objectApiName);
    }
    const closed = dataset.records.Opportunity.find(
      (row) => row.IsClosed === true
    ) as DatasetRecord;
    const cycle = session.getRecord(closed.Id, ['Opportunity.Sales_Cycle_Days__c']).fields
      .Sales_Cycle_Days__c.value;
    const days =
      (Date.parse(String(closed.CloseDate)) - Date.parse(String(closed.CreatedDate).slice(0, 10))) /
      86_400_000;
    assert.equal(cycle, days);
  });

  void it('enforces the metadata’s validation rules on save, with their messages', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    const session = org.session(manager);
    const base = {
      Rep__c: rep,
      Coach__c: manager,
      Session_Date__c: '2026-11-20',
      Session_Type__c: 'One-on-One',
      Status__c: 'Completed'
    };
    const created = session.createRecord({ apiName: 'Coaching_Session__c', fields: base });
    assert.equal(created.fields.OwnerId.value, rep, 'the before-save flow makes the rep the owner');
    const numbers = dataset.records.Coaching_Session__c.map((row) => String(row.Name));
    assert.ok(
      numbers.every((name) => /^CS-\d{6}$/.test(name)),
      'sample sessions follow the display format'
    );
    assert.equal(created.fields.Name.value, `CS-${String(numbers.length + 1).padStart(6, '0')}`);

    assert.throws(
      () =>
        session.createRecord({
          apiName: 'Coaching_Session__c',
          fields: { ...base, Follow_Up_Date__c: '2026-11-01' }
        }),
      (error: unknown) =>
        fieldErrorMessages(error, 'Follow_Up_Date__c').includes(
          ruleMessage('Coaching_Session__c', 'Follow_Up_Date__c')
        )
    );
    assert.throws(
      () => session.updateRecord({ fields: { Id: created.id, Rep_Rating__c: 6 } }),
      (error: unknown) =>
        fieldErrorMessages(error, 'Rep_Rating__c').includes(
          ruleMessage('Coaching_Session__c', 'Rep_Rating__c')
        )
    );
    assert.throws(
      () =>
        session.createRecord({ apiName: 'Coaching_Session__c', fields: { ...base, Rep__c: null } }),
      (error: unknown) =>
        fieldErrorMessages(error, 'Rep__c').includes(ruleMessage('Coaching_Session__c', 'Rep__c'))
    );
    const goal = dataset.records.Development_Goal__c.find(
      (row) => row.Rep__c === rep
    ) as DatasetRecord;
    assert.throws(
      () => session.updateRecord({ fields: { Id: goal.Id, Progress__c: 150 } }),
      (error: unknown) =>
        fieldErrorMessages(error, 'Progress__c').includes(
          ruleMessage('Development_Goal__c', 'Progress__c')
        )
    );
    const plan = dataset.records.Territory_Plan__c.find(
      (row) => row.Plan_Owner__c === rep && row.Status__c === 'Active'
    ) as DatasetRecord;
    assert.throws(
      () => session.updateRecord({ fields: { Id: plan.Id, Target_Amount__c: 0 } }),
      (error: unknown) =>
        fieldErrorMessages(error, 'Target_Amount__c').includes(
          ruleMessage('Territory_Plan__c', 'Target_Amount__c', 'Target_Amount_Positive')
        )
    );
    // More digits than Currency(16, 2) holds: refused as the platform does, never stored.
    assert.throws(
      () => session.updateRecord({ fields: { Id: plan.Id, Target_Amount__c: 1e15 } }),
      (error: unknown) =>
        fieldErrorMessages(error, 'Target_Amount__c').some((message) =>
          message.includes('value outside of valid range')
        )
    );
  });

  void it('records target and status changes of a plan in its history', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    const plan = dataset.records.Territory_Plan__c.find(
      (row) => row.Plan_Owner__c === rep && row.Status__c === 'Active'
    ) as DatasetRecord;
    org.session(manager).updateRecord({
      fields: { Id: plan.Id, Target_Amount__c: 321000, Status__c: 'Under Review' }
    });
    const result = org.session(manager).graphql({
      query: `query H($id: ID) { uiapi { query { Territory_Plan__History(first: 50, where: { ParentId: { eq: $id } }, orderBy: { CreatedDate: { order: DESC } }) {
        edges { node { Field { value } NewValue { ...AnyValue } } } } } } }
      fragment AnyValue on AnyType {
        ... on StringValue { text: value }
        ... on DoubleValue { number: value }
        ... on BooleanValue { flag: value }
        ... on DateValue { date: value }
        ... on DateTimeValue { dateTime: value }
      }`,
      variables: { id: plan.Id }
    });
    assert.equal(result.errors, undefined);
    const changes = (
      result.data as {
        uiapi: {
          query: {
            Territory_Plan__History: {
              edges: {
                node: { Field: { value: string }; NewValue: Record<string, unknown> };
              }[];
            };
          };
        };
      }
    ).uiapi.query.Territory_Plan__History.edges.map(
      // An anyType value arrives under the alias of the type it is (a number, a string …).
      (edge) => `${edge.node.Field.value}:${String(Object.values(edge.node.NewValue)[0])}`
    );
    assert.ok(changes.includes('Target_Amount__c:321000'));
    assert.ok(changes.includes('Status__c:Under Review'));
  });

  void it('makes the plan owner the owner of a plan their manager creates, as the Flow does', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    const peer = dataset.records.User.find(
      (user) => user.ManagerId === manager && user.Id !== rep
    ) as DatasetRecord;
    const created = org.session(manager).createRecord({
      apiName: 'Territory_Plan__c',
      fields: {
        Name: 'Q1 2027 plan',
        Plan_Owner__c: rep,
        Manager__c: manager,
        Period_Start__c: '2027-01-01',
        Period_End__c: '2027-03-31',
        Target_Amount__c: 150000,
        Status__c: 'Draft'
      }
    });
    assert.equal(created.fields.OwnerId.value, rep, 'owned by the rep, not by the manager');

    const plansOf = (userId: string): string[] => {
      const result = org.session(userId).graphql({
        query: `query P($id: ID) { uiapi { query { Territory_Plan__c(where: { Id: { eq: $id } }) {
          edges { node { Id } } } } } }`,
        variables: { id: created.id }
      });
      assert.equal(result.errors, undefined);
      return (
        result.data as {
          uiapi: { query: { Territory_Plan__c: { edges: { node: { Id: string } }[] } } };
        }
      ).uiapi.query.Territory_Plan__c.edges.map((edge) => edge.node.Id);
    };
    assert.deepEqual(plansOf(rep), [created.id], 'the rep sees the plan that defines their target');
    assert.deepEqual(plansOf(manager), [created.id], 'the manager sees it through the hierarchy');
    assert.deepEqual(plansOf(vp), [created.id]);
    assert.deepEqual(plansOf(peer.Id), [], 'a peer sees nothing');

    // Handing the plan to another rep hands them the record; an owner changed by hand is put back.
    org.session(manager).updateRecord({ fields: { Id: created.id, Plan_Owner__c: peer.Id } });
    assert.deepEqual(plansOf(peer.Id), [created.id]);
    assert.deepEqual(plansOf(rep), []);
    const moved = org
      .session(manager)
      .updateRecord({ fields: { Id: created.id, OwnerId: manager } });
    assert.equal(moved.fields.OwnerId.value, peer.Id);
  });

  void it('holds the sample data as the before-save Flows would have saved it', () => {
    assert.ok(metadata.model.recordFlows.length >= 3);
    for (const flow of metadata.model.recordFlows) {
      for (const record of dataset.records[flow.objectApiName] ?? []) {
        const met = flow.conditions.every(
          (condition) => (record[condition.field] === null) === condition.value
        );
        if (!met) continue;
        for (const assignment of flow.assignments) {
          assert.equal(
            record[assignment.field],
            record[assignment.fromField],
            `${record.Id}: ${flow.name} sets ${assignment.field} to ${assignment.fromField}`
          );
        }
      }
    }
  });

  void it('rejects a second scorecard for the same manager and period', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    const existing = dataset.records.Manager_Scorecard__c[0];
    assert.throws(
      () =>
        org.session(existing.Manager__c as string).createRecord({
          apiName: 'Manager_Scorecard__c',
          fields: {
            Name: 'Again',
            Manager__c: existing.Manager__c,
            Period_Start__c: existing.Period_Start__c,
            Period_End__c: existing.Period_End__c,
            Period_Key__c: existing.Period_Key__c
          }
        }),
      (error: unknown) =>
        saveError(error).output.fieldErrors.Period_Key__c?.[0]?.errorCode === 'DUPLICATE_VALUE'
    );
  });
});
