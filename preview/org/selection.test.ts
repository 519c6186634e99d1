/**
 * The in-memory org at scale: filters read only the records an index selects, yet answer as a
 * scan of every record would; writes drop the indexes; record connections page as far as the
 * UI API lets them (4,000 records without upperBound).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SAMPLE_DATA_PATH } from '../../data/cli';
import type { Dataset } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import { InMemoryOrg } from './org';
import {
  RECORD_CONNECTION_REACH,
  candidatePositions,
  compileFilter,
  selectRows,
  type Filter
} from './query';
import { fixtureModel } from './testing/fixtureModel';

const dataset = JSON.parse(readFileSync(SAMPLE_DATA_PATH, 'utf8')) as Dataset;
const { manager, rep } = dataset.meta.personas;

void describe('selection through indexes', () => {
  const org = new InMemoryOrg(fixtureModel(), dataset);
  const { store } = org;
  const reps = dataset.records.User.filter((user) => user.ManagerId === manager).map(
    (user) => user.Id
  );
  const cases: [string, string, Filter][] = [
    ['a lookup', 'Opportunity', { OwnerId: { eq: rep } }],
    ['a 15-character id', 'Opportunity', { OwnerId: { eq: rep.slice(0, 15) } }],
    ['a list of owners', 'Opportunity', { OwnerId: { in: reps } }],
    ['a checkbox', 'Opportunity', { IsClosed: { eq: false } }],
    [
      'a date range',
      'Opportunity',
      { CloseDate: { gte: { value: '2026-10-01' }, lte: { value: '2026-12-31' } } }
    ],
    [
      'strict bounds',
      'Opportunity',
      { CloseDate: { gt: { value: '2026-10-01' }, lt: { value: '2026-12-31' } } }
    ],
    ['one day', 'Coaching_Session__c', { Session_Date__c: { eq: { value: '2026-11-02' } } }],
    [
      'owners and a window together',
      'Opportunity',
      {
        OwnerId: { in: reps },
        and: [{ CloseDate: { gte: { value: '2026-07-01' } } }, { IsWon: { eq: true } }]
      }
    ],
    ['a picklist, any case', 'Coaching_Session__c', { Status__c: { eq: 'cancelled' } }],
    ['nothing matches', 'Opportunity', { CloseDate: { gte: { value: '2099-01-01' } } }]
  ];
  for (const [name, objectApiName, filter] of cases) {
    void it(`reads ${name} through an index and answers as a scan does`, () => {
      const object = store.object(objectApiName);
      assert.ok(object);
      const scan = store.tableOf(objectApiName).filter(compileFilter(store, object, filter));
      const positions = candidatePositions(store, object, filter);
      assert.ok(positions !== null, 'an index narrows the table');
      assert.ok(positions.length < store.count(objectApiName));
      assert.deepEqual(
        selectRows(store, object, filter, () => true).map((row) => row.Id),
        scan.map((row) => row.Id)
      );
    });
  }

  void it('scans when no condition is indexed, and after a write sees the new record', () => {
    const object = store.object('Opportunity');
    assert.ok(object);
    assert.equal(candidatePositions(store, object, { Name: { like: '%Renewal%' } }), null);
    assert.equal(candidatePositions(store, object, { IsClosed: { eq: true } }), null, 'most');
    const sessions = store.object('Coaching_Session__c');
    assert.ok(sessions);
    const filter = { Rep__c: { eq: rep }, Session_Date__c: { eq: { value: '2026-11-20' } } };
    const before = selectRows(store, sessions, filter, () => true).length;
    org.session(manager).createRecord({
      apiName: 'Coaching_Session__c',
      fields: {
        Rep__c: rep,
        Coach__c: manager,
        Session_Date__c: '2026-11-20',
        Session_Type__c: 'One-on-One',
        Status__c: 'Completed',
        Focus_Areas__c: 'Discovery'
      }
    });
    assert.equal(selectRows(store, sessions, filter, () => true).length, before + 1);
  });
});

void describe('how far record connections page', () => {
  // 10,000 opportunities a manager sees: past the 4,000 relay paging reaches.
  const large = generateDataset({ scale: 'team' });
  const org = new InMemoryOrg(fixtureModel(), large);
  const session = org.session(large.meta.personas.manager);
  const QUERY = `query Deals($after: String, $upperBound: Int) { uiapi { query {
    Opportunity(first: 2000, after: $after, upperBound: $upperBound, orderBy: { Id: { order: ASC } }) {
      edges { node { Id } } totalCount pageInfo { hasNextPage endCursor } } } } }`;
  type Page = {
    edges: { node: { Id: string } }[];
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const readAll = (upperBound: number | null): { ids: string[]; total: number } => {
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const result = session.graphql({ query: QUERY, variables: { after, upperBound } });
      assert.equal(result.errors, undefined, JSON.stringify(result.errors));
      const page = (result.data as { uiapi: { query: { Opportunity: Page } } }).uiapi.query
        .Opportunity;
      ids.push(...page.edges.map((edge) => edge.node.Id));
      total = page.totalCount;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { ids, total };
  };

  void it('stops at 4,000 records without upperBound, counting them all', () => {
    const { ids, total } = readAll(null);
    assert.equal(total, large.records.Opportunity.length);
    assert.ok(total > RECORD_CONNECTION_REACH);
    assert.equal(ids.length, RECORD_CONNECTION_REACH);
  });

  void it('pages to the end with upperBound', () => {
    const { ids, total } = readAll(50_000);
    assert.equal(ids.length, total);
    assert.equal(new Set(ids).size, total);
  });

  void it('refuses pages under 200 with upperBound, as the API does', () => {
    const result = session.graphql({
      query: `{ uiapi { query { Opportunity(first: 100, upperBound: 5000) { edges { node { Id } } } } } }`
    });
    assert.match(result.errors?.[0]?.message ?? '', /between 200 and 2000/);
  });
});
