/**
 * The team scorecard's period view, replayed in Node against the preview's in-memory org: the
 * same documents (read from the component sources), the same variables and the same readings
 * (c/opportunityData paging) as managerScorecard sends, request after request until every
 * reading is complete. The benchmarks count its requests and bytes; the scale tests check that
 * nothing is left out and that the figures equal an independent computation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type {
  CadenceKpis,
  GoalCounts,
  GoalFact,
  RepKpis,
  Thresholds
} from '../force-app/main/default/lwc/coachingMetrics/coachingMetrics';
import {
  type Reading,
  chunked,
  continueReading,
  readingNodes,
  startReading,
  truncatedConnections
} from '../force-app/main/default/lwc/opportunityData/paging';
import {
  type Team,
  aggregatesVariablesOf,
  cadenceOf,
  coachingVariablesOf,
  followUpsOf,
  followUpsVariablesOf,
  goalCountsOf,
  ownerIdsOf,
  repKpisOf
} from '../force-app/main/default/lwc/opportunityData/scorecardData';
import {
  type ScorecardAggregateNodes,
  type TeamCoaching,
  type TeamCoachingNodes,
  type TeamFollowUpNodes,
  type TeamMemberNodes,
  FOLLOW_UP_ALIASES,
  SCORECARD_AGGREGATE_ALIASES,
  TEAM_ALIASES,
  TEAM_COACHING_ALIASES,
  coachingFromNodes,
  teamFromNodes
} from '../force-app/main/default/lwc/opportunityData/uiApi';
import {
  FOLLOW_UPS_MAX_PAGES,
  OWNERS_PER_REQUEST,
  TEAM_MAX_PAGES
} from '../force-app/main/default/lwc/opportunityData/variables';
import {
  type IsoDate,
  type Period,
  thisQuarter
} from '../force-app/main/default/lwc/periods/periods';
import type { InMemoryOrg, OrgSession } from '../preview/org/org';
import type { ComputedRep } from './independent';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The gql documents of a source file by exported constant name. */
export function documents(path: string): Map<string, string> {
  const source = readFileSync(join(ROOT, path), 'utf8');
  const docs = new Map<string, string>();
  for (const match of source.matchAll(/export const (\w+) = gql`([^`]*)`/g))
    docs.set(match[1], match[2]);
  return docs;
}

const DATA_DOCS = documents('force-app/main/default/lwc/opportunityData/opportunityData.ts');
const OWN_DOCS = documents('force-app/main/default/lwc/managerScorecard/scorecardQueries.ts');

export function scorecardDocument(name: string): string {
  const text = DATA_DOCS.get(name) ?? OWN_DOCS.get(name);
  if (!text) throw new Error(`no document ${name}`);
  return text;
}

export interface ScorecardRead {
  requests: number;
  /** Requests per document. */
  requestsBy: Record<string, number>;
  bytes: number;
  ms: number;
  team: Team;
  ownerIds: string[];
  repKpis: RepKpis[];
  coaching: TeamCoaching;
  cadence: CadenceKpis[];
  goals: Map<string, GoalCounts>;
  goalsPastTarget: GoalFact[];
  /** Connections that stopped with records left, by document. */
  truncated: { document: string; alias: string; shown: number; total: number }[];
}

export interface ReadOptions {
  period?: Period;
  today?: IsoDate;
  thresholds?: Partial<Thresholds>;
}

/** Asks the org for the reading's pages until it is complete, as the component's wire does. */
export function drive<TNodes extends Record<string, unknown>>(
  session: OrgSession,
  name: string,
  start: Reading<TNodes>,
  variables: (reading: Reading<TNodes>) => Record<string, unknown>,
  answer: (data: unknown) => Record<string, unknown>,
  options: { paged?: readonly (keyof TNodes & string)[]; maxPages?: number } = {},
  counts: Record<string, number> = {}
): Reading<TNodes> {
  const query = scorecardDocument(name);
  let reading = start;
  while (!reading.complete) {
    const result = session.graphql({ query, variables: variables(reading) });
    counts[name] = (counts[name] ?? 0) + 1;
    if (result.errors?.length) {
      throw new Error(`${name}: ${result.errors.map((error) => error.message).join('; ')}`);
    }
    reading = continueReading(reading, answer(result.data) as never, options);
  }
  return reading;
}

/** Everything a period view reads, in the order the component's wires read it. */
export function readScorecard(
  org: InMemoryOrg,
  userId: string,
  options: ReadOptions = {}
): ScorecardRead {
  const session = org.session(userId);
  const today = options.today ?? org.today;
  const period = options.period ?? thisQuarter(today);
  const thresholds = options.thresholds ?? {};
  const before = { ...org.stats };
  const started = performance.now();
  const counts: Record<string, number> = {};
  type Data = { uiapi?: { query?: Record<string, unknown>; aggregate?: Record<string, unknown> } };

  const teamReading = drive<TeamMemberNodes>(
    session,
    'TEAM_MEMBERS',
    startReading(TEAM_ALIASES),
    (reading) => ({
      managerId: userId,
      reportsAfter: reading.request.after.reports,
      reportsOfReportsAfter: reading.request.after.reportsOfReports
    }),
    (data) => (data as Data).uiapi?.query ?? {},
    { paged: TEAM_ALIASES, maxPages: TEAM_MAX_PAGES },
    counts
  );
  const team = teamFromNodes(readingNodes(teamReading));
  const ownerIds = ownerIdsOf(team);
  const chunks = chunked(ownerIds, OWNERS_PER_REQUEST);

  const aggregatesReading = drive<ScorecardAggregateNodes>(
    session,
    'OWNERS_SCORECARD_AGGREGATES',
    startReading(SCORECARD_AGGREGATE_ALIASES, chunks.length),
    (reading) => ({
      ...aggregatesVariablesOf(chunks[reading.request.unit], period, today, thresholds)
    }),
    (data) => (data as Data).uiapi?.aggregate ?? {},
    {},
    counts
  );
  const coachingReading = drive<TeamCoachingNodes>(
    session,
    'TEAM_COACHING_DATA',
    startReading(TEAM_COACHING_ALIASES, chunks.length),
    (reading) => ({ ...coachingVariablesOf(chunks[reading.request.unit], period, today) }),
    (data) => (data as Data).uiapi?.aggregate ?? {},
    {},
    counts
  );
  const coaching = coachingFromNodes(readingNodes(coachingReading), period);
  const followUpsReading = drive<TeamFollowUpNodes>(
    session,
    'TEAM_FOLLOW_UPS',
    startReading(FOLLOW_UP_ALIASES, chunks.length),
    (reading) => ({
      ...followUpsVariablesOf(
        chunks[reading.request.unit],
        coaching.lastCompleted,
        today,
        reading.request.after
      )
    }),
    (data) => (data as Data).uiapi?.query ?? {},
    { paged: FOLLOW_UP_ALIASES, maxPages: FOLLOW_UPS_MAX_PAGES },
    counts
  );
  for (const [name, variables] of [
    [
      'MANAGER_SNAPSHOTS',
      { scorecardManagerId: userId, periodStart: period.start, periodEnd: period.end }
    ],
    ['CURRENCY_CONTEXT', { userId }]
  ] as const) {
    const result = session.graphql({ query: scorecardDocument(name), variables });
    counts[name] = (counts[name] ?? 0) + 1;
    if (result.errors?.length) throw new Error(`${name}: ${result.errors[0].message}`);
  }
  const ms = performance.now() - started;

  const followUps = followUpsOf(readingNodes(followUpsReading), today);
  const truncated = [
    ...truncatedConnections(teamReading).map((entry) => ({ document: 'TEAM_MEMBERS', ...entry })),
    ...truncatedConnections(aggregatesReading).map((entry) => ({
      document: 'OWNERS_SCORECARD_AGGREGATES',
      ...entry
    })),
    ...truncatedConnections(coachingReading).map((entry) => ({
      document: 'TEAM_COACHING_DATA',
      ...entry
    })),
    ...truncatedConnections(followUpsReading).map((entry) => ({
      document: 'TEAM_FOLLOW_UPS',
      ...entry
    }))
  ];
  return {
    requests: org.stats.requests - before.requests,
    requestsBy: counts,
    bytes: org.stats.responseBytes - before.responseBytes,
    ms,
    team,
    ownerIds,
    repKpis: repKpisOf(readingNodes(aggregatesReading), coaching, ownerIds, period),
    coaching,
    cadence: cadenceOf(coaching, followUps.sessions, ownerIds, today),
    goals: goalCountsOf(coaching, followUps.goals),
    goalsPastTarget: followUps.goals,
    truncated
  };
}

/** One rep's figures as the component computed them, in plain numbers. */
export function computedRep(read: ScorecardRead, repId: string): ComputedRep {
  const kpis = read.repKpis.find((rep) => rep.repId === repId);
  const cadence = read.cadence.find((row) => row.repId === repId);
  if (!kpis || !cadence) throw new Error(`no figures for ${repId}`);
  const value = (ratio: { ok: boolean; value?: number }): number | null =>
    ratio.ok && typeof ratio.value === 'number' ? ratio.value : null;
  return {
    closedWon: kpis.closedWon,
    wonCount: kpis.wonCount,
    closedCount: kpis.closedCount,
    target: kpis.target,
    percentToPlan: value(kpis.percentToPlan),
    closedWonLastYear: kpis.closedWonLastYear,
    growth: value(kpis.growth),
    winRate: value(kpis.winRateByCount),
    previousWinRate: value(kpis.previousWinRateByCount),
    openPipeline: kpis.openPipeline,
    openCount: kpis.openCount,
    weightedPipeline: kpis.weightedPipeline,
    coverage: value(kpis.pipelineCoverage),
    averageDealSize: value(kpis.averageDealSize),
    salesCycleDays: value(kpis.salesCycleDays),
    hygiene: kpis.hygiene,
    completed: cadence.completedInPeriod,
    planned: cadence.plannedInPeriod,
    daysSinceOneOnOne: cadence.daysSinceLastOneOnOne,
    overdue: cadence.overdueCommitments,
    goals: read.goals.get(repId) ?? { total: 0, achieved: 0, pastTarget: 0 }
  };
}
