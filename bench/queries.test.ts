/**
 * The opportunityData documents against the in-memory org built from the package metadata:
 * each parses and validates against the generated UI API schema, and on the sample org the
 * aggregates route gives the same per-owner KPIs as the records route.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../data/dataset';
import { SAMPLE_DATA_PATH } from '../data/cli';
import { loadPreviewMetadata } from '../preview/org/loadModel';
import { InMemoryOrg } from '../preview/org/org';
import {
  computeRepKpis,
  computeRepKpisFromAggregates,
  indexByOwner,
  type OpportunityFact
} from '../force-app/main/default/lwc/coachingMetrics/coachingMetrics';
import { thisQuarter } from '../force-app/main/default/lwc/periods/periods';
import {
  followUpSessionsFilter,
  ownersScorecardVariables,
  teamCoachingVariables
} from '../force-app/main/default/lwc/opportunityData/variables';
import {
  coachingFromData,
  opportunityFactsFromConnection,
  ownerAggregatesFromData,
  teamFromData,
  type OpportunityQueryData,
  type ScorecardAggregatesData,
  type TeamCoachingData,
  type TeamMembersData
} from '../force-app/main/default/lwc/opportunityData/uiApi';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = readFileSync(
  join(ROOT, 'force-app/main/default/lwc/opportunityData/opportunityData.ts'),
  'utf8'
);

/** The gql documents of opportunityData.ts by their exported constant name. */
function documents(): Map<string, string> {
  const docs = new Map<string, string>();
  for (const match of SOURCE.matchAll(/export const (\w+) = gql`([^`]*)`/g)) {
    docs.set(match[1], match[2]);
  }
  return docs;
}

const dataset = JSON.parse(readFileSync(SAMPLE_DATA_PATH, 'utf8')) as Dataset;
const { manager } = dataset.meta.personas;

function newOrg(): InMemoryOrg {
  const { model } = loadPreviewMetadata(ROOT);
  return new InMemoryOrg(model, dataset);
}

type Session = ReturnType<InMemoryOrg['session']>;

function run<TData>(session: Session, name: string, variables: Record<string, unknown>): TData {
  const query = documents().get(name);
  assert.ok(query, `no document ${name}`);
  const response = session.graphql({ query, variables }) as {
    data?: TData | null;
    errors?: readonly { message: string }[];
  };
  assert.deepEqual(
    (response.errors ?? []).map((error) => error.message),
    [],
    name
  );
  assert.ok(response.data, `${name}: no data`);
  return response.data;
}

/** Every opportunity of the owner through the paged records document. */
function allOpportunitiesOf(session: Session, ownerId: string): OpportunityFact[] {
  const facts: OpportunityFact[] = [];
  let after: string | null = null;
  for (;;) {
    const data: OpportunityQueryData = run<OpportunityQueryData>(
      session,
      'OWNER_OPPORTUNITIES_IN_RANGE',
      {
        ownerId,
        start: '2000-01-01',
        end: '2100-12-31',
        after
      }
    );
    const connection = data.uiapi?.query?.Opportunity;
    facts.push(...opportunityFactsFromConnection(connection));
    after = connection?.pageInfo?.hasNextPage ? (connection.pageInfo.endCursor ?? null) : null;
    if (after === null) return facts;
  }
}

void describe('opportunityData documents on the in-memory org', () => {
  void it('every document validates and runs without errors', () => {
    const org = newOrg();
    const session = org.session(manager);
    const today = org.today;
    const period = thisQuarter(today);
    const docs = documents();
    const team = teamFromData(
      run<TeamMembersData>(session, 'TEAM_MEMBERS', { managerId: manager })
    );
    const repIds = team.reports.map((user) => user.id);
    assert.ok(repIds.length > 0);
    const coaching = coachingFromData(
      run<TeamCoachingData>(session, 'TEAM_COACHING_DATA', {
        ...teamCoachingVariables(repIds, period, today)
      }),
      period
    );
    const variables: Record<string, Record<string, unknown>> = {
      OWNERS_SCORECARD_AGGREGATES: { ...ownersScorecardVariables(repIds, period, today) },
      OWNER_WON_DEALS: { ownerId: repIds[0], since: '2000-01-01' },
      OPPORTUNITY_BY_ID: { recordId: dataset.records.Opportunity[0].Id },
      OPEN_OPPORTUNITIES_OF_OWNER: { ownerId: repIds[0], after: null, corporateAfter: null },
      OWNER_OPPORTUNITIES_IN_RANGE: { ownerId: repIds[0], start: period.start, end: period.end },
      TEAM_MEMBERS: { managerId: manager },
      TEAM_COACHING_DATA: { ...teamCoachingVariables(repIds, period, today) },
      TEAM_FOLLOW_UPS: {
        sessionsWhere: followUpSessionsFilter(coaching.lastCompleted, today),
        repIds,
        today,
        sessionsAfter: null,
        goalsAfter: null
      },
      CURRENCY_CONTEXT: { userId: manager }
    };
    // Every document of opportunityData runs here, each with its variables.
    assert.deepEqual([...docs.keys()].sort(), Object.keys(variables).sort());
    for (const name of docs.keys()) run(session, name, variables[name]);
    assert.ok(coaching.completed.size > 0);
    assert.ok(coaching.goals.size > 0);
    assert.ok(coaching.lastOneOnOne.size > 0);
    assert.ok(coaching.plans.length > 0);
  });

  void it('aggregates route equals records route on the sample org', () => {
    const org = newOrg();
    const session = org.session(manager);
    const today = org.today;
    const period = thisQuarter(today);
    const team = teamFromData(
      run<TeamMembersData>(session, 'TEAM_MEMBERS', { managerId: manager })
    );
    const repIds = team.reports.map((user) => user.id);
    const coaching = coachingFromData(
      run<TeamCoachingData>(session, 'TEAM_COACHING_DATA', {
        ...teamCoachingVariables(repIds, period, today)
      }),
      period
    );
    const facts = repIds.flatMap((repId) => allOpportunitiesOf(session, repId));
    assert.ok(facts.length > 100);
    const request = { period, today, plans: coaching.plans };
    const fromRecords = computeRepKpis(indexByOwner(facts, repIds), request);
    // What each window's aliases read: every sum of the current window, the closed deals of
    // the previous one (its win rate), the won deals of last year's (growth).
    const compared = {
      current: Object.keys(fromRecords[0].input.current),
      previous: ['wonCount', 'wonAmount', 'closedCount', 'closedAmount'],
      lastYear: ['wonCount', 'wonAmount']
    };
    const name = 'OWNERS_SCORECARD_AGGREGATES';
    const variables = ownersScorecardVariables(repIds, period, today);
    const aggregates = ownerAggregatesFromData(
      run<ScorecardAggregatesData>(session, name, { ...variables })
    );
    const fromAggregates = computeRepKpisFromAggregates(aggregates, {
      ...request,
      ownerIds: repIds
    });
    assert.equal(fromAggregates.length, fromRecords.length);
    for (let i = 0; i < fromRecords.length; i++) {
      const a = fromRecords[i];
      const b = fromAggregates[i];
      assert.equal(b.repId, a.repId);
      for (const window of ['current', 'previous', 'lastYear'] as const) {
        for (const key of compared[window]) {
          const value = a.input[window][key as keyof typeof a.input.current];
          const other = b.input[window][key as keyof typeof a.input.current];
          assert.ok(
            Math.abs(other - value) < 1e-6,
            `${name} ${a.repId} ${window}.${key}: ${other} vs ${value}`
          );
        }
      }
      assert.deepEqual(b.hygiene, a.hygiene, `${name} ${a.repId} hygiene`);
      assert.equal(b.target, a.target);
    }
    // The comparison above must have compared something in every part.
    const total = (pick: (rep: (typeof fromRecords)[number]) => number): number =>
      fromRecords.reduce((sum, rep) => sum + pick(rep), 0);
    assert.ok(total((rep) => rep.input.current.wonCount) > 0);
    assert.ok(total((rep) => rep.input.current.openCount) > 0);
    assert.ok(total((rep) => rep.input.previous.closedCount) > 0);
    assert.ok(total((rep) => rep.input.lastYear.wonCycleCount) > 0);
    assert.ok(total((rep) => rep.hygiene.pastCloseDate) > 0);
    assert.ok(total((rep) => rep.hygiene.pushed) > 0);
    assert.ok(total((rep) => rep.hygiene.staleInStage) > 0);
    assert.ok(total((rep) => rep.hygiene.noRecentActivity) > 0);
    const withTarget = fromRecords.filter((rep) => rep.percentToPlan.ok);
    assert.ok(withTarget.length > 0, 'sample plans give targets');
  });
});
