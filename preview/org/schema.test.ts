/**
 * The preview's GraphQL schema against Salesforce's own definitions: every type of the
 * published shared UI API schema is part of it unchanged, queries that the real API accepts
 * validate, and the divergences an earlier hand-written schema had are rejected here as the
 * org rejects them.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { parse, printType, validate, type GraphQLSchema } from 'graphql';
import type { DatasetRecord } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import { loadPreviewMetadata, type PreviewMetadata } from './loadModel';
import { InMemoryOrg } from './org';
import { buildSchema } from './schema';
import { sharedSchema } from './uiApiBase';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dataset = generateDataset();
const { manager } = dataset.meta.personas;

let metadata: PreviewMetadata;
let schema: GraphQLSchema;

function errorsOf(query: string): string[] {
  return validate(schema, parse(query)).map((error) => error.message);
}

function assertValid(query: string): void {
  assert.deepEqual(errorsOf(query), [], query);
}

function assertInvalid(query: string, message: RegExp): void {
  const errors = errorsOf(query);
  assert.ok(
    errors.some((error) => message.test(error)),
    `expected ${String(message)} for ${query}; got ${JSON.stringify(errors)}`
  );
}

before(() => {
  metadata = loadPreviewMetadata(ROOT);
  schema = buildSchema(metadata.model, metadata.model.profiles.manager);
});

void describe('the shared UI API schema', () => {
  void it('is part of the generated schema, every type unchanged', () => {
    const shared = sharedSchema();
    const names = Object.keys(shared.schema.getTypeMap()).filter((name) => !name.startsWith('__'));
    assert.ok(names.length > 100, `${names.length} shared types`);
    for (const name of names) {
      const generated = schema.getType(name);
      assert.ok(generated, `${name} is in the generated schema`);
      assert.equal(printType(generated), printType(shared.schema.getType(name)!), name);
    }
    // Generic templates are instantiated per object instead.
    assert.deepEqual(shared.genericTypeNames.sort(), ['CompoundField', 'RecordScope']);
    assert.ok(schema.getType('Opportunity'));
  });
});

void describe('queries the real API accepts', () => {
  const valid: Record<string, string> = {
    'a semi-join on a child object': `{ uiapi { query { User(where: { Id: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "OwnerId" } } }) { edges { node { Id } } } } } }`,
    'an anti-join': `{ uiapi { query { User(where: { Id: { ninq: { Coaching_Session__c: { Status__c: { eq: "Completed" } }, ApiName: "Rep__c" } } }) { totalCount } } } }`,
    'a date-function filter': `{ uiapi { query { Opportunity(where: { CloseDate: { CALENDAR_YEAR: { value: { eq: 2026 } } } }) { totalCount } } } }`,
    'an n_*_ago range': `{ uiapi { query { Opportunity(where: { CloseDate: { eq: { range: { n_quarters_ago: 1 } } } }) { totalCount } } } }`,
    'the Record interface fields': `{ uiapi { query { Opportunity(first: 1) { edges { node { SystemModstamp { value } LastModifiedById { value } LastModifiedDate { value } RecordTypeId(fallback: true) { value } } } } } } }`,
    'convertCurrency on a currency value': `{ uiapi { query { Opportunity(first: 1) { edges { node { Amount { value convertCurrency } } } } } } }`,
    'max and min of an ID': `{ uiapi { aggregate { Opportunity { edges { node { aggregate { OwnerId { max { value } min { value } } } } } } } } }`,
    'a polymorphic Owner through inline fragments': `{ uiapi { query { Territory_Plan__c(first: 1) { edges { node { Owner { ... on User { Name { value } } } } } } } } }`,
    'a polymorphic Owner filter': `{ uiapi { query { Territory_Plan__c(where: { Owner: { User: { Name: { like: "A%" } } } }) { totalCount } } } }`,
    'history values through AnyType fragments': `{ uiapi { query { Territory_Plan__History(first: 5) { edges { node { Field { value } NewValue { ... on DoubleValue { number: value } ... on StringValue { text: value } } } } } } } }`,
    'a DateTime grouped through a date function': `{ uiapi { aggregate { Opportunity(groupBy: { CreatedDate: { function: CALENDAR_YEAR } }) { totalCount } } } }`,
    objectInfos: `{ uiapi { objectInfos(apiNames: ["Opportunity"]) { ApiName fields { ApiName dataType } } } }`,
    'the order names of the real schema': `query Q($order: ResultsOrder, $nulls: NullsOrder) { uiapi { query { Opportunity(orderBy: { Amount: { order: $order, nulls: $nulls } }) { totalCount } } } }`,
    'the URL operators of the real schema': `query Q($url: URLOperators) { uiapi { query { User(where: { SmallPhotoUrl: $url }) { totalCount } } } }`,
    'an integer standard field compared with an integer': `{ uiapi { query { Opportunity(where: { PushCount: { gt: 1 }, FiscalYear: { eq: 2026 } }) { totalCount } } } }`,
    'an update mutation with an IdOrRef id': `mutation U($id: IdOrRef!) { uiapi { Coaching_Session__cUpdate(input: { Id: $id, Coaching_Session__c: { Rep_Acknowledged__c: true } }) { Record { Id } } } }`
  };
  for (const [name, query] of Object.entries(valid)) {
    void it(name, () => assertValid(query));
  }
});

void describe('queries the real API rejects', () => {
  const invalid: [string, string, RegExp][] = [
    [
      'value selected directly on an anyType field',
      `{ uiapi { query { Territory_Plan__History { edges { node { OldValue { value } } } } } } }`,
      /Cannot query field "value" on type "AnyType"/
    ],
    [
      'label on a value wrapper other than text and picklist',
      `{ uiapi { query { Opportunity { edges { node { Amount { label } } } } } } }`,
      /Cannot query field "label" on type "CurrencyValue"/
    ],
    [
      'count on a Boolean aggregate',
      `{ uiapi { aggregate { Opportunity { edges { node { aggregate { IsWon { count { value } } } } } } } } }`,
      /Cannot query field "count" on type "BooleanAggregate"/
    ],
    [
      'grouping on a Currency aggregate',
      `{ uiapi { aggregate { Opportunity { edges { node { aggregate { Amount { grouping { value } } } } } } } } }`,
      /Cannot query field "grouping" on type "CurrencyAggregate"/
    ],
    [
      'a custom object Owner read as a User',
      `{ uiapi { query { Territory_Plan__c { edges { node { Owner { Name { value } } } } } } } }`,
      /Cannot query field "Name" on type "Territory_Plan__c_Owner"/
    ],
    [
      'like on an ID filter',
      `{ uiapi { query { Opportunity(where: { OwnerId: { like: "005%" } }) { totalCount } } } }`,
      /Field "like" is not defined by type "IDOperators"/
    ],
    [
      'a DateTime grouped without a date function',
      `{ uiapi { aggregate { Opportunity(groupBy: { CreatedDate: { group: true } }) { totalCount } } } }`,
      /Field "group" is not defined by type "GroupByDateFunction"/
    ],
    [
      'a filter on a history value',
      `{ uiapi { query { Territory_Plan__History(where: { NewValue: { eq: "x" } }) { totalCount } } } }`,
      /Field "NewValue" is not defined by type "Territory_Plan__History_Filter"/
    ],
    [
      'an order by a history value',
      `{ uiapi { query { Territory_Plan__History(orderBy: { OldValue: { order: ASC } }) { totalCount } } } }`,
      /Field "OldValue" is not defined by type "Territory_Plan__History_OrderBy"/
    ],
    [
      'a mutation id typed ID',
      `mutation U($id: ID!) { uiapi { Coaching_Session__cUpdate(input: { Id: $id, Coaching_Session__c: { Rep_Acknowledged__c: true } }) { Record { Id } } } }`,
      /Variable "\$id" of type "ID!" used in position expecting type "IdOrRef!"/
    ],
    [
      'an operator type named as the old hand-written schema did',
      `query Q($url: UrlOperators) { uiapi { query { Opportunity { totalCount } } } }`,
      /Unknown type "UrlOperators"/
    ],
    [
      'a fraction compared with an integer field',
      `{ uiapi { query { Opportunity(where: { PushCount: { gt: 1.5 } }) { totalCount } } } }`,
      /Int cannot represent non-integer value: 1.5/
    ]
  ];
  for (const [name, query, message] of invalid) {
    void it(name, () => assertInvalid(query, message));
  }
});

void describe('the new operators run', () => {
  const opportunities = dataset.records.Opportunity;

  void it('a semi-join keeps the users who own a won deal', () => {
    const session = new InMemoryOrg(metadata.model, dataset).session(manager);
    const result = session.graphql({
      query: `{ uiapi { query { User(first: 2000, where: { Id: { inq: { Opportunity: { IsWon: { eq: true } }, ApiName: "OwnerId" } } }) { edges { node { Id } } } } } }`
    });
    assert.equal(result.errors, undefined);
    const ids = (
      result.data as { uiapi: { query: { User: { edges: { node: { Id: string } }[] } } } }
    ).uiapi.query.User.edges.map((edge) => edge.node.Id);
    const owners = new Set(
      opportunities.filter((row: DatasetRecord) => row.IsWon === true).map((row) => row.OwnerId)
    );
    assert.ok(ids.length > 0);
    assert.deepEqual(new Set(ids), owners);
  });

  void it('a date-function filter counts the deals closing in a calendar year', () => {
    const session = new InMemoryOrg(metadata.model, dataset).session(manager);
    const query = (year: number) =>
      session.graphql({
        query: `{ uiapi { query { Opportunity(scope: EVERYTHING, where: { CloseDate: { CALENDAR_YEAR: { value: { eq: ${year} } } } }) { totalCount } } } }`
      });
    const inYear = query(2026);
    const byRange = session.graphql({
      query: `{ uiapi { query { Opportunity(scope: EVERYTHING, where: { CloseDate: { gte: { value: "2026-01-01" }, lte: { value: "2026-12-31" } } }) { totalCount } } } }`
    });
    assert.equal(inYear.errors, undefined);
    const count = (result: typeof inYear) =>
      (result.data as { uiapi: { query: { Opportunity: { totalCount: number } } } }).uiapi.query
        .Opportunity.totalCount;
    assert.ok(count(inYear) > 0);
    assert.equal(count(inYear), count(byRange));
  });
});
