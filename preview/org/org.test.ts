import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Dataset, DatasetRecord } from '../../data/dataset';
import { SAMPLE_DATA_PATH } from '../../data/cli';
import { INJECTED_FAILURE_MESSAGE, UiApiError, type UiApiRecordErrorBody } from './errors';
import { InMemoryOrg } from './org';
import { fixtureModel } from './testing/fixtureModel';

const dataset = JSON.parse(readFileSync(SAMPLE_DATA_PATH, 'utf8')) as Dataset;
const { vp, manager, rep } = dataset.meta.personas;
const users = dataset.records.User;
const opportunities = dataset.records.Opportunity;
const teamOf = (managerId: string): Set<string> =>
  new Set(users.filter((user) => user.ManagerId === managerId).map((user) => user.Id));

function newOrg(): InMemoryOrg {
  return new InMemoryOrg(fixtureModel(), dataset);
}

interface Edge {
  node: Record<
    string,
    { value: unknown; displayValue?: string | null } | string | Record<string, unknown>
  >;
  cursor: string;
}
interface ConnectionResult {
  edges: Edge[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

function connection(result: { data?: unknown }, objectApiName: string): ConnectionResult {
  const data = result.data as { uiapi: { query: Record<string, ConnectionResult> } };
  return data.uiapi.query[objectApiName];
}

function valueOf(edge: Edge, field: string): unknown {
  return (edge.node[field] as { value: unknown }).value;
}

function saveError(error: unknown): UiApiRecordErrorBody {
  assert.ok(error instanceof UiApiError, 'expected a UiApiError');
  assert.ok(!Array.isArray(error.body));
  return error.body;
}

void describe('record queries', () => {
  void it('returns a page of the rep’s own opportunities, newest close date first', () => {
    const session = newOrg().session(rep);
    const result = session.graphql({
      query: `query Deals($first: Int) { uiapi { query { Opportunity(first: $first, orderBy: { CloseDate: { order: DESC } }) {
        edges { node { Id Name { value } Amount { value displayValue } CloseDate { value displayValue } OwnerId { value } } cursor }
        totalCount pageInfo { hasNextPage endCursor } } } } }`,
      variables: { first: 5 }
    });
    assert.equal(result.errors, undefined);
    const page = connection(result, 'Opportunity');
    const own = opportunities.filter((opportunity) => opportunity.OwnerId === rep);
    assert.equal(page.totalCount, own.length);
    assert.equal(page.edges.length, 5);
    assert.equal(page.pageInfo.hasNextPage, true);
    const dates = page.edges.map((edge) => String(valueOf(edge, 'CloseDate')));
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.equal(
      dates[0],
      own
        .map((opportunity) => String(opportunity.CloseDate))
        .sort()
        .reverse()[0]
    );
    for (const edge of page.edges) assert.equal(valueOf(edge, 'OwnerId'), rep);
    const first = page.edges[0].node.CloseDate as { value: string; displayValue: string };
    const [year, month, day] = first.value.split('-').map(Number);
    assert.equal(first.displayValue, `${month}/${day}/${year}`);
  });

  void it('defaults to pages of 10 and pages through everything without overlap', () => {
    const session = newOrg().session(manager);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    const query = `query Page($after: String) { uiapi { query { Coaching_Session__c(after: $after, orderBy: { Session_Date__c: { order: ASC } }) {
      edges { node { Id } } totalCount pageInfo { hasNextPage endCursor } } } } }`;
    for (;;) {
      const page = connection(
        session.graphql({ query, variables: { after } }),
        'Coaching_Session__c'
      );
      assert.ok(page.edges.length <= 10);
      seen.push(...page.edges.map((edge) => edge.node.Id as string));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    const team = teamOf(manager);
    const expected = dataset.records.Coaching_Session__c.filter(
      (session) => team.has(String(session.OwnerId)) || session.OwnerId === manager
    );
    assert.equal(seen.length, expected.length);
    assert.equal(new Set(seen).size, seen.length);
    assert.equal(pages, Math.ceil(expected.length / 10));
  });

  void it('rejects a page larger than the UI API allows', () => {
    const result = newOrg().session(vp).graphql({
      query: '{ uiapi { query { Opportunity(first: 2001) { edges { node { Id } } } } } }'
    });
    assert.match(result.errors?.[0].message ?? '', /between 0 and 2000/);
  });

  void it('filters with comparison, list, like and boolean operators', () => {
    const session = newOrg().session(vp);
    const result = session.graphql({
      query: `query Won($stages: [Picklist]) { uiapi { query { Opportunity(first: 2000, where: {
        and: [ { StageName: { in: $stages } }, { Amount: { gte: 50000 } }, { Name: { like: "%Renewal%" } } ],
        not: { IsWon: { eq: false } } }) { edges { node { Id } } totalCount } } } }`,
      variables: { stages: ['Closed Won', 'Closed Lost'] }
    });
    assert.equal(result.errors, undefined);
    const expected = opportunities.filter(
      (opportunity) =>
        opportunity.IsWon === true &&
        Number(opportunity.Amount) >= 50000 &&
        String(opportunity.Name).includes('Renewal')
    );
    assert.ok(expected.length > 0);
    assert.equal(connection(result, 'Opportunity').totalCount, expected.length);
  });

  void it('filters on dates by value and by literal, and through a parent relationship', () => {
    const session = newOrg().session(vp);
    const result = session.graphql({
      query: `query Team($manager: ID, $from: Date) { uiapi { query {
        byValue: Opportunity(first: 2000, where: { CloseDate: { gte: { value: $from } }, Owner: { ManagerId: { eq: $manager } } }) { totalCount }
        thisQuarter: Opportunity(where: { CloseDate: { eq: { literal: THIS_QUARTER } } }) { totalCount }
        lastDays: Opportunity(where: { CloseDate: { gte: { range: { last_n_days: 30 } } } }) { totalCount } } } }`,
      variables: { manager, from: '2026-10-01' }
    });
    assert.equal(result.errors, undefined);
    const query = (result.data as { uiapi: { query: Record<string, { totalCount: number }> } })
      .uiapi.query;
    const team = teamOf(manager);
    assert.equal(
      query.byValue.totalCount,
      opportunities.filter(
        (o) => team.has(String(o.OwnerId)) && String(o.CloseDate) >= '2026-10-01'
      ).length
    );
    assert.equal(
      query.thisQuarter.totalCount,
      opportunities.filter(
        (o) => String(o.CloseDate) >= '2026-10-01' && String(o.CloseDate) <= '2026-12-31'
      ).length
    );
    assert.equal(
      query.lastDays.totalCount,
      opportunities.filter((o) => String(o.CloseDate) >= '2026-10-24').length
    );
  });

  void it('orders by several keys in the order the query names them', () => {
    const result = newOrg()
      .session(vp)
      .graphql({
        query: `{ uiapi { query { Opportunity(first: 200, orderBy: { StageName: { order: ASC }, Amount: { order: DESC, nulls: LAST } }) {
          edges { node { StageName { value } Amount { value } } } } } } }`
      });
    const rows = connection(result, 'Opportunity').edges.map((edge) => ({
      stage: String(valueOf(edge, 'StageName')),
      amount: valueOf(edge, 'Amount') as number | null
    }));
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      assert.ok(a.stage.toLowerCase() <= b.stage.toLowerCase());
      if (a.stage === b.stage && a.amount !== null && b.amount !== null)
        assert.ok(a.amount >= b.amount);
      if (a.stage === b.stage && a.amount === null) assert.equal(b.amount, null);
    }
  });

  void it('reads parent fields and child relationships', () => {
    const plan = dataset.records.Territory_Plan__c.find(
      (row) => row.Plan_Owner__c === rep
    ) as DatasetRecord;
    const result = newOrg()
      .session(rep)
      .graphql({
        query: `query Plan($id: ID) { uiapi { query { Territory_Plan__c(where: { Id: { eq: $id } }) { edges { node {
          Plan_Owner__r { Name { value } Manager { Name { value } } }
          Territory_Plan_Accounts__r(first: 10) { edges { node { Account__r { Name { value } } Planned_Amount__c { value } } } totalCount }
        } } } } } }`,
        variables: { id: plan.Id }
      });
    assert.equal(result.errors, undefined);
    const node = connection(result, 'Territory_Plan__c').edges[0].node as unknown as {
      Plan_Owner__r: { Name: { value: string }; Manager: { Name: { value: string } } };
      Territory_Plan_Accounts__r: { totalCount: number };
    };
    const repUser = users.find((user) => user.Id === rep) as DatasetRecord;
    const managerUser = users.find((user) => user.Id === repUser.ManagerId) as DatasetRecord;
    assert.equal(node.Plan_Owner__r.Name.value, repUser.Name);
    assert.equal(node.Plan_Owner__r.Manager.Name.value, managerUser.Name);
    assert.equal(
      node.Territory_Plan_Accounts__r.totalCount,
      dataset.records.Territory_Plan_Account__c.filter((row) => row.Territory_Plan__c === plan.Id)
        .length
    );
  });

  void it('fails validation like an org when a query names a field that does not exist', () => {
    const result = newOrg().session(manager).graphql({
      query: '{ uiapi { query { Opportunity { edges { node { Amont { value } } } } } } }'
    });
    assert.equal(result.data, undefined);
    assert.equal(result.errors?.[0].message, 'Cannot query field "Amont" on type "Opportunity".');
  });
});

void describe('aggregate queries', () => {
  void it('sums, counts and averages per group', () => {
    const result = newOrg()
      .session(manager)
      .graphql({
        query: `{ uiapi { aggregate { Opportunity(groupBy: { OwnerId: { group: true } }, where: { IsWon: { eq: true } }) {
          edges { node { aggregate { OwnerId { value } Amount { sum { value displayValue } avg { value } max { value } count { value } }
          Id { count { value } } } } } totalCount } } } }`
      });
    assert.equal(result.errors, undefined);
    const aggregate = (
      result.data as {
        uiapi: {
          aggregate: {
            Opportunity: {
              edges: {
                node: {
                  aggregate: Record<string, Record<string, { value: number }>> & {
                    OwnerId: { value: string };
                  };
                };
              }[];
              totalCount: number;
            };
          };
        };
      }
    ).uiapi.aggregate.Opportunity;
    const team = teamOf(manager);
    const won = opportunities.filter((o) => o.IsWon === true && team.has(String(o.OwnerId)));
    const owners = new Set(won.map((o) => String(o.OwnerId)));
    assert.equal(aggregate.totalCount, owners.size);
    for (const edge of aggregate.edges) {
      const row = edge.node.aggregate;
      const theirs = won.filter((o) => o.OwnerId === row.OwnerId.value);
      const amounts = theirs.map((o) => Number(o.Amount ?? 0));
      const sum = amounts.reduce((total, amount) => total + amount, 0);
      assert.equal(row.Amount.sum.value, sum);
      assert.equal(row.Amount.count.value, theirs.filter((o) => o.Amount !== null).length);
      assert.equal(row.Id.count.value, theirs.length);
      assert.equal(row.Amount.max.value, Math.max(...amounts));
      assert.ok(
        Math.abs(row.Amount.avg.value - sum / theirs.filter((o) => o.Amount !== null).length) < 1e-6
      );
    }
  });

  void it('groups by a date function and without groupBy returns one row', () => {
    const session = newOrg().session(vp);
    // Group By Schema: DateTime fields group through a date function only.
    const rejected = session.graphql({
      query: `{ uiapi { aggregate { Opportunity(groupBy: { CreatedDate: { group: true } }) { totalCount } } } }`
    });
    assert.match(
      String(rejected.errors?.[0]?.message),
      /"group" is not defined by type "GroupByDateFunction"/
    );
    const byQuarter = session.graphql({
      query: `{ uiapi { aggregate { Opportunity(where: { CloseDate: { CALENDAR_YEAR: { value: { eq: 2026 } } } }, groupBy: { CloseDate: { function: CALENDAR_QUARTER } }) {
        edges { node { aggregate { CloseDate { calendarQuarter { value } } Id { count { value } } } } } } } } }`
    });
    assert.equal(byQuarter.errors, undefined);
    const edges = (
      byQuarter.data as {
        uiapi: {
          aggregate: {
            Opportunity: {
              edges: {
                node: {
                  aggregate: {
                    CloseDate: { calendarQuarter: { value: number } };
                    Id: { count: { value: number } };
                  };
                };
              }[];
            };
          };
        };
      }
    ).uiapi.aggregate.Opportunity.edges;
    assert.deepEqual(
      edges.map((edge) => edge.node.aggregate.CloseDate.calendarQuarter.value),
      [1, 2, 3, 4]
    );
    const q4 = opportunities.filter(
      (o) => String(o.CloseDate) >= '2026-10-01' && String(o.CloseDate) <= '2026-12-31'
    );
    assert.equal(edges[3].node.aggregate.Id.count.value, q4.length);

    const total = session.graphql({
      query:
        '{ uiapi { aggregate { Opportunity { edges { node { aggregate { Amount { sum { value } } } } } totalCount } } } }'
    });
    const totalData = total.data as {
      uiapi: {
        aggregate: {
          Opportunity: {
            totalCount: number;
            edges: { node: { aggregate: { Amount: { sum: { value: number } } } } }[];
          };
        };
      };
    };
    assert.equal(totalData.uiapi.aggregate.Opportunity.totalCount, 1);
    const sum = opportunities.reduce((acc, o) => acc + Number(o.Amount ?? 0), 0);
    assert.ok(
      Math.abs(
        totalData.uiapi.aggregate.Opportunity.edges[0].node.aggregate.Amount.sum.value - sum
      ) < 1e-6
    );
  });

  void it('orders groups by an aggregate function', () => {
    const result = newOrg()
      .session(vp)
      .graphql({
        query: `{ uiapi { aggregate { Opportunity(where: { IsWon: { eq: true } }, groupBy: { OwnerId: { group: true } },
          orderBy: { Amount: { order: DESC, function: SUM } }, first: 5) {
          edges { node { aggregate { OwnerId { value } Amount { sum { value } } } } } } } } }`
      });
    assert.equal(result.errors, undefined);
    const sums = (
      result.data as {
        uiapi: {
          aggregate: {
            Opportunity: {
              edges: { node: { aggregate: { Amount: { sum: { value: number } } } } }[];
            };
          };
        };
      }
    ).uiapi.aggregate.Opportunity.edges.map((edge) => edge.node.aggregate.Amount.sum.value);
    assert.equal(sums.length, 5);
    assert.deepEqual(
      sums,
      [...sums].sort((a, b) => b - a)
    );
    const totals = new Map<string, number>();
    for (const o of opportunities.filter((row) => row.IsWon === true)) {
      totals.set(String(o.OwnerId), (totals.get(String(o.OwnerId)) ?? 0) + Number(o.Amount ?? 0));
    }
    assert.equal(sums[0], Math.max(...totals.values()));
  });

  void it('refuses to read an ungrouped value', () => {
    const result = newOrg().session(vp).graphql({
      query:
        '{ uiapi { aggregate { Opportunity { edges { node { aggregate { StageName { value } } } } } } } }'
    });
    assert.match(result.errors?.[0].message ?? '', /must be grouped or aggregated/);
  });
});

void describe('sharing and field-level security', () => {
  void it('shows a rep their own records, a manager the team, the VP everyone', () => {
    const org = newOrg();
    const count = (userId: string): number =>
      connection(
        org
          .session(userId)
          .graphql({ query: '{ uiapi { query { Opportunity { totalCount } } } }' }),
        'Opportunity'
      ).totalCount;
    assert.equal(count(rep), opportunities.filter((o) => o.OwnerId === rep).length);
    assert.equal(
      count(manager),
      opportunities.filter((o) => teamOf(manager).has(String(o.OwnerId))).length
    );
    assert.equal(count(vp), opportunities.length);
  });

  void it('answers "not found" for a record the user cannot see', () => {
    const org = newOrg();
    const someoneElses = dataset.records.Coaching_Session__c.find(
      (row) => row.OwnerId !== rep
    ) as DatasetRecord;
    assert.throws(
      () => org.session(rep).getRecord(someoneElses.Id, ['Coaching_Session__c.Name']),
      (error: unknown) => {
        assert.ok(error instanceof UiApiError);
        assert.equal(error.status, 404);
        return true;
      }
    );
  });

  void it('hides a field the rep is not granted in GraphQL, object info and getRecord', () => {
    const org = newOrg();
    const repSession = org.session(rep);
    const hidden = repSession.graphql({
      query:
        '{ uiapi { query { Coaching_Session__c { edges { node { Internal_Notes__c { value } } } } } } }'
    });
    assert.equal(
      hidden.errors?.[0].message,
      'Cannot query field "Internal_Notes__c" on type "Coaching_Session__c".'
    );
    const optional = repSession.graphql({
      query:
        '{ uiapi { query { Coaching_Session__c(first: 1) { edges { node { Id Internal_Notes__c @optional { value } } } } } } }'
    });
    assert.equal(optional.errors, undefined);
    assert.equal(
      'Internal_Notes__c' in connection(optional, 'Coaching_Session__c').edges[0].node,
      false
    );
    assert.equal(
      'Internal_Notes__c' in repSession.getObjectInfo('Coaching_Session__c').fields,
      false
    );
    assert.equal(
      'Internal_Notes__c' in org.session(manager).getObjectInfo('Coaching_Session__c').fields,
      true
    );
    const own = dataset.records.Coaching_Session__c.find(
      (row) => row.OwnerId === rep
    ) as DatasetRecord;
    const record = repSession.getRecord(
      own.Id,
      ['Coaching_Session__c.Name'],
      ['Coaching_Session__c.Internal_Notes__c']
    );
    assert.equal('Internal_Notes__c' in record.fields, false);
    assert.equal(record.fields.Name.value, own.Name);
  });
});

void describe('writes', () => {
  const sessionFields = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    Rep__c: rep,
    Coach__c: manager,
    Session_Date__c: '2026-11-20',
    Session_Type__c: 'One-on-One',
    Status__c: 'Completed',
    Focus_Areas__c: 'Discovery;Closing',
    ...overrides
  });

  void it('creates a session owned by the rep (before-save flow) that the rep can then read', () => {
    const org = newOrg();
    const created = org
      .session(manager)
      .createRecord({ apiName: 'Coaching_Session__c', fields: sessionFields() });
    assert.match(created.id, /^a01[A-Za-z0-9]{15}$/);
    assert.equal(created.fields.OwnerId.value, rep);
    assert.equal(
      org.session(rep).getRecord(created.id, ['Coaching_Session__c.Rep__c']).fields.Rep__c.value,
      rep
    );
    assert.equal(org.journal.length, 1);
  });

  void it('rejects a follow-up before the session with the rule’s message on the field', () => {
    const org = newOrg();
    assert.throws(
      () =>
        org.session(manager).createRecord({
          apiName: 'Coaching_Session__c',
          fields: sessionFields({ Follow_Up_Date__c: '2026-11-01' })
        }),
      (error: unknown) => {
        const body = saveError(error);
        const [fieldError] = body.output.fieldErrors.Follow_Up_Date__c;
        assert.equal(fieldError.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
        assert.equal(fieldError.message, 'The follow-up date cannot be before the session date.');
        return true;
      }
    );
    assert.equal(org.journal.length, 0);
  });

  void it('reports missing required fields and bad picklist values', () => {
    const org = newOrg();
    assert.throws(
      () =>
        org.session(manager).createRecord({
          apiName: 'Coaching_Session__c',
          fields: sessionFields({ Rep__c: null })
        }),
      (error: unknown) => {
        const body = saveError(error);
        assert.equal(body.output.fieldErrors.Rep__c[0].errorCode, 'REQUIRED_FIELD_MISSING');
        return true;
      }
    );
    assert.throws(
      () =>
        org.session(manager).createRecord({
          apiName: 'Coaching_Session__c',
          fields: sessionFields({ Session_Type__c: 'Coffee' })
        }),
      (error: unknown) => {
        const body = saveError(error);
        assert.equal(
          body.output.fieldErrors.Session_Type__c[0].errorCode,
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'
        );
        return true;
      }
    );
  });

  void it('lets a rep rate a session 1–5 but not edit what the coach wrote', () => {
    const org = newOrg();
    const own = dataset.records.Coaching_Session__c.find(
      (row) => row.OwnerId === rep && row.Status__c === 'Completed'
    ) as DatasetRecord;
    const session = org.session(rep);
    const rated = session.updateRecord({
      fields: { Id: own.Id, Rep_Acknowledged__c: true, Rep_Rating__c: 4 }
    });
    assert.equal(rated.fields.Rep_Rating__c.value, 4);
    assert.throws(
      () => session.updateRecord({ fields: { Id: own.Id, Rep_Rating__c: 7 } }),
      (error: unknown) =>
        saveError(error).output.fieldErrors.Rep_Rating__c[0].message ===
        'Rate the session from 1 to 5.'
    );
    assert.throws(
      () => session.updateRecord({ fields: { Id: own.Id, Session_Date__c: '2026-01-01' } }),
      (error: unknown) =>
        saveError(error).output.errors[0].errorCode === 'INVALID_FIELD_FOR_INSERT_UPDATE'
    );
    assert.throws(
      () => session.createRecord({ apiName: 'Coaching_Session__c', fields: sessionFields() }),
      (error: unknown) =>
        saveError(error).output.errors[0].errorCode === 'INSUFFICIENT_ACCESS_OR_READONLY'
    );
  });

  void it('records history for tracked fields only', () => {
    const org = newOrg();
    const plan = dataset.records.Territory_Plan__c.find(
      (row) => row.Plan_Owner__c === rep && row.Status__c === 'Active'
    ) as DatasetRecord;
    const before = [...org.store.rows('Territory_Plan__History')].length;
    org
      .session(manager)
      .updateRecord({ fields: { Id: plan.Id, Target_Amount__c: 250000, Name: 'Renamed plan' } });
    const rows = [...org.store.rows('Territory_Plan__History')];
    assert.equal(rows.length, before + 1);
    const last = rows[rows.length - 1];
    assert.equal(last.ParentId, plan.Id);
    assert.equal(last.Field, 'Target_Amount__c');
    assert.equal(last.OldValue, plan.Target_Amount__c);
    assert.equal(last.NewValue, 250000);
    assert.throws(
      () => org.session(manager).updateRecord({ fields: { Id: plan.Id, Target_Amount__c: 0 } }),
      (error: unknown) =>
        saveError(error).output.errors[0].message === 'The target must be greater than zero.'
    );
  });

  void it('creates through a GraphQL mutation, and keeps nothing when it fails', () => {
    const org = newOrg();
    const session = org.session(manager);
    const mutation = `mutation Log($input: Coaching_Session__cCreateInput!) { uiapi { Coaching_Session__cCreate(input: $input) {
      Record { Id OwnerId { value } Session_Date__c { value } } } } }`;
    const ok = session.graphql({
      query: mutation,
      variables: { input: { Coaching_Session__c: sessionFields() } }
    });
    assert.equal(ok.errors, undefined);
    const created = (
      ok.data as {
        uiapi: {
          Coaching_Session__cCreate: { Record: { Id: string; OwnerId: { value: string } } };
        };
      }
    ).uiapi.Coaching_Session__cCreate.Record;
    assert.equal(created.OwnerId.value, rep);
    const countBefore = org.store.count('Coaching_Session__c');
    const failed = session.graphql({
      query: mutation,
      variables: {
        input: { Coaching_Session__c: sessionFields({ Follow_Up_Date__c: '2026-01-01' }) }
      }
    });
    assert.equal(
      failed.errors?.[0].message,
      'The follow-up date cannot be before the session date.'
    );
    assert.equal(failed.errors?.[0].extensions?.errorCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
    assert.equal(org.store.count('Coaching_Session__c'), countBefore);
  });
});

void describe('formula fields', () => {
  void it('computes the sales cycle of closed deals and the expected revenue on read', () => {
    const session = newOrg().session(vp);
    const closed = opportunities.find(
      (o) => o.IsClosed === true && o.Amount !== null
    ) as DatasetRecord;
    const open = opportunities.find(
      (o) => o.IsClosed === false && o.Amount !== null
    ) as DatasetRecord;
    const read = (id: string) =>
      session.getRecord(id, ['Opportunity.Sales_Cycle_Days__c', 'Opportunity.ExpectedRevenue']);
    const days =
      (Date.parse(String(closed.CloseDate)) - Date.parse(String(closed.CreatedDate).slice(0, 10))) /
      86_400_000;
    assert.equal(read(closed.Id).fields.Sales_Cycle_Days__c.value, days);
    assert.equal(read(open.Id).fields.Sales_Cycle_Days__c.value, null);
    assert.equal(
      read(open.Id).fields.ExpectedRevenue.value,
      (Number(open.Amount) * Number(open.Probability)) / 100
    );
  });
});

void describe('fault injection and accounting', () => {
  void it('fails the next query, then recovers', () => {
    const org = newOrg();
    const session = org.session(rep);
    org.failNext('query');
    const failed = session.graphql({ query: '{ uiapi { query { Opportunity { totalCount } } } }' });
    assert.equal(failed.errors?.[0].message, INJECTED_FAILURE_MESSAGE);
    const ok = session.graphql({ query: '{ uiapi { query { Opportunity { totalCount } } } }' });
    assert.equal(ok.errors, undefined);
  });

  void it('fails the next write with a 503', () => {
    const org = newOrg();
    org.failNext('write');
    assert.throws(
      () => org.session(manager).updateRecord({ fields: { Id: opportunities[0].Id, Name: 'x' } }),
      (error: unknown) => error instanceof UiApiError && error.status === 503
    );
  });

  void it('fails a later write: the ones before it go through', () => {
    const org = newOrg();
    const session = org.session(manager);
    org.failNext('write', 1, 2);
    const rename = (name: string) =>
      session.updateRecord({ fields: { Id: opportunities[0].Id, Name: name } });
    assert.doesNotThrow(() => rename('first'));
    assert.doesNotThrow(() => rename('second'));
    assert.throws(
      () => rename('third'),
      (error: unknown) => error instanceof UiApiError && error.status === 503
    );
    assert.doesNotThrow(() => rename('fourth'));
  });

  void it('recovers: failures injected earlier stop', () => {
    const org = newOrg();
    const session = org.session(rep);
    const count = 'query Anything { uiapi { query { Opportunity { totalCount } } } }';
    org.failOperation('Anything');
    org.failNext('query', 3);
    org.recover();
    assert.equal(session.graphql({ query: count }).errors, undefined);
  });

  void it('counts requests and response bytes', () => {
    const org = newOrg();
    const session = org.session(manager);
    const result = session.graphql({
      query: '{ uiapi { query { Opportunity(first: 50) { edges { node { Id } } } } } }'
    });
    assert.equal(org.stats.requests, 1);
    assert.equal(org.stats.graphqlQueries, 1);
    assert.equal(org.stats.responseBytes, Buffer.byteLength(JSON.stringify(result)));
  });
});
