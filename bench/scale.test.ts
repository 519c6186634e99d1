/**
 * The scorecard at scale, against the preview's in-memory org: an organisation past each limit
 * of the UI API (2,000 records or groups per page; 4,000 records relay paging reaches without
 * upperBound), read as managerScorecard reads it (bench/scorecardRead.ts). Nothing is left out,
 * and every figure equals an independent computation over the records (bench/independent.ts).
 * Sizes are just past the limits; the million opportunities belong to `npm run bench`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Dataset, DatasetRecord } from '../data/dataset';
import { generateDataset } from '../data/generate';
import type { ScaleSpec } from '../data/scales';
import { recordId } from '../data/ids';
import { loadPreviewMetadata } from '../preview/org/loadModel';
import { InMemoryOrg } from '../preview/org/org';
import {
  lastQuarter,
  previousPeriod,
  samePeriodLastYear,
  thisQuarter
} from '../force-app/main/default/lwc/periods/periods';
import { managerRows } from '../force-app/main/default/lwc/managerScorecard/scorecardModel';
import {
  type Reading,
  readingNodes,
  startReading
} from '../force-app/main/default/lwc/opportunityData/paging';
import {
  DRILLDOWN_ALIASES,
  type DrilldownNodes,
  nodesOf
} from '../force-app/main/default/lwc/opportunityData/uiApi';
import {
  DRILLDOWN_MAX_PAGES,
  IN_RANGE_MAX_PAGES,
  MAX_PAGE_SIZE
} from '../force-app/main/default/lwc/opportunityData/variables';
import { differences, expectedRep, independentScorecard } from './independent';
import { computedRep, drive, readScorecard, scorecardDocument } from './scorecardRead';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** 41 teams of 49: 2,009 reps, past one page of users and one request of owners. */
const PAST_A_PAGE: ScaleSpec = {
  name: 'past-a-page',
  managers: 41,
  repsPerManager: 49,
  opportunities: 40_000,
  oneOnOneDays: [14],
  otherSessionDays: [20, 40]
};

function orgOf(dataset: Dataset): InMemoryOrg {
  const { model } = loadPreviewMetadata(ROOT);
  return new InMemoryOrg(model, dataset);
}

void describe('a VP over 2,009 reps', () => {
  const dataset = generateDataset({ scale: PAST_A_PAGE });
  const org = orgOf(dataset);
  const { vp } = dataset.meta.personas;
  const read = readScorecard(org, vp);
  const today = org.today;
  const period = thisQuarter(today);
  const repIds = read.ownerIds;

  void it('reads every rep: the team in two pages, each aggregate in one request per 2,000', () => {
    assert.equal(repIds.length, 2009);
    assert.deepEqual(read.requestsBy, {
      TEAM_MEMBERS: 2,
      OWNERS_SCORECARD_AGGREGATES: 2,
      TEAM_COACHING_DATA: 2,
      TEAM_FOLLOW_UPS: 2,
      MANAGER_SNAPSHOTS: 1,
      CURRENCY_CONTEXT: 1
    });
    assert.deepEqual(read.truncated, []);
    assert.equal(read.repKpis.length, 2009);
  });

  void it('gives every rep the figures an independent computation over the records gives', () => {
    const expected = independentScorecard(
      dataset,
      repIds,
      { current: period, previous: previousPeriod(period), lastYear: samePeriodLastYear(period) },
      today
    );
    const problems = repIds.flatMap((repId) =>
      differences(repId, computedRep(read, repId), expectedRep(expected.get(repId)!, today))
    );
    assert.deepEqual(problems.slice(0, 10), []);
    // The comparison compared something in every part.
    const sum = (pick: (rep: ReturnType<typeof expectedRep>) => number): number =>
      repIds.reduce((total, repId) => total + pick(expectedRep(expected.get(repId)!, today)), 0);
    for (const pick of [
      (rep: ReturnType<typeof expectedRep>) => rep.closedWon,
      (rep: ReturnType<typeof expectedRep>) => rep.target ?? 0,
      (rep: ReturnType<typeof expectedRep>) => rep.openCount,
      (rep: ReturnType<typeof expectedRep>) => rep.hygiene.staleInStage,
      (rep: ReturnType<typeof expectedRep>) => rep.completed,
      (rep: ReturnType<typeof expectedRep>) => rep.planned,
      (rep: ReturnType<typeof expectedRep>) => rep.overdue,
      (rep: ReturnType<typeof expectedRep>) => rep.goals.pastTarget
    ])
      assert.ok(sum(pick) > 0);
  });

  void it('rolls each manager’s team up from the reps: sums, and ratios of the sums', () => {
    const users = read.team.reportsOfReports;
    const managers = read.team.reports.map((user) => ({ id: user.id, name: user.name }));
    const rows = managerRows(read.repKpis, users, managers, {
      cadence: read.cadence,
      goals: read.goals,
      today,
      thresholds: {}
    });
    assert.equal(rows.length, PAST_A_PAGE.managers);
    const expected = independentScorecard(
      dataset,
      repIds,
      { current: period, previous: previousPeriod(period), lastYear: samePeriodLastYear(period) },
      today
    );
    for (const row of rows) {
      const team = users
        .filter((user) => user.managerId === row.id)
        .map((user) => expected.get(user.id)!);
      const won = team.reduce((total, rep) => total + rep.closedWon, 0);
      const target = team.reduce((total, rep) => total + (rep.target ?? 0), 0);
      const wonCount = team.reduce((total, rep) => total + rep.wonCount, 0);
      const closed = team.reduce((total, rep) => total + rep.closedCount, 0);
      assert.equal(row.teamSize, PAST_A_PAGE.repsPerManager);
      assert.ok(Math.abs(row.kpis.closedWon - won) < 1e-6, row.name);
      assert.ok(Math.abs((row.kpis.target ?? 0) - target) < 1e-6, row.name);
      const winRate = row.kpis.winRateByCount;
      assert.ok(winRate.ok && Math.abs(winRate.value - wonCount / closed) < 1e-12, row.name);
      assert.equal(
        row.sessions,
        team.reduce((total, rep) => total + rep.completed, 0)
      );
      assert.equal(
        row.overdueCommitments,
        team.reduce((total, rep) => total + rep.overdue, 0)
      );
    }
  });
});

/** A copy of the sample with `extra` records added to an object. */
function withRecords(
  dataset: Dataset,
  objectApiName: string,
  extra: (index: number, id: string) => DatasetRecord,
  count: number
): Dataset {
  const existing = dataset.records[objectApiName];
  const added = Array.from({ length: count }, (_, index) =>
    extra(index, recordId(objectApiName, existing.length + index + 1))
  );
  return { ...dataset, records: { ...dataset.records, [objectApiName]: [...existing, ...added] } };
}

void describe('follow-ups past a page', () => {
  const sample = generateDataset();
  const { manager } = sample.meta.personas;
  const today = sample.meta.today;
  // 2,300 completed sessions (most with commitments) on one day, the rep's last, follow-ups past;
  // and 2,100 open goals past their date. The rep: one of the team not coached since before it.
  const day = '2026-11-22';
  const lastCompleted = (repId: string): string =>
    sample.records.Coaching_Session__c.filter(
      (session) =>
        session.Rep__c === repId &&
        session.Status__c === 'Completed' &&
        String(session.Session_Date__c) <= today
    ).reduce(
      (last, session) =>
        String(session.Session_Date__c) > last ? String(session.Session_Date__c) : last,
      ''
    );
  const rep = sample.records.User.find(
    (user) => user.ManagerId === manager && lastCompleted(user.Id) < day
  )!.Id;
  let dataset = withRecords(
    sample,
    'Coaching_Session__c',
    (index, id) => ({
      Id: id,
      Name: `CS-9${String(index).padStart(5, '0')}`,
      Rep__c: rep,
      Coach__c: manager,
      OwnerId: rep,
      Session_Date__c: day,
      Session_Type__c: 'Deal Review',
      Status__c: 'Completed',
      Focus_Areas__c: 'Closing',
      Commitments__c: index % 10 === 0 ? null : 'Send the proposal',
      Follow_Up_Date__c: day
    }),
    2300
  );
  dataset = withRecords(
    dataset,
    'Development_Goal__c',
    (index, id) => ({
      Id: id,
      Name: `Goal ${index}`,
      Rep__c: rep,
      Coach__c: manager,
      OwnerId: rep,
      Skill_Area__c: 'Closing',
      Status__c: 'In Progress',
      Start_Date__c: '2026-01-01',
      Target_Date__c: '2026-10-31'
    }),
    2100
  );
  const org = orgOf(dataset);
  const read = readScorecard(org, manager);

  void it('reads every overdue commitment and every goal past its date, page after page', () => {
    assert.equal(read.requestsBy.TEAM_FOLLOW_UPS, 2);
    assert.deepEqual(read.truncated, []);
    const expected = independentScorecard(
      dataset,
      read.ownerIds,
      {
        current: thisQuarter(today),
        previous: lastQuarter(today),
        lastYear: samePeriodLastYear(thisQuarter(today))
      },
      today
    ).get(rep)!;
    assert.ok(expected.overdue > MAX_PAGE_SIZE);
    assert.equal(computedRep(read, rep).overdue, expected.overdue);
    assert.ok(expected.goals.pastTarget > MAX_PAGE_SIZE);
    assert.deepEqual(computedRep(read, rep).goals, expected.goals);
  });
});

void describe('a rep’s deals past a page', () => {
  const sample = generateDataset();
  const { manager, rep } = sample.meta.personas;
  const account = sample.records.Account.find((row) => row.OwnerId === rep)!.Id;
  const openDeals = (count: number): Dataset =>
    withRecords(
      sample,
      'Opportunity',
      (index, id) => ({
        Id: id,
        Name: `Volume deal ${index}`,
        AccountId: account,
        OwnerId: rep,
        StageName: 'Prospecting',
        Probability: 10,
        Amount: 1000 + index,
        CloseDate: `2027-0${1 + (index % 6)}-15`,
        IsClosed: false,
        IsWon: false,
        ForecastCategoryName: 'Pipeline',
        PushCount: 0,
        CreatedDate: '2026-11-01T09:00:00.000Z',
        LastStageChangeDate: '2026-11-01T09:00:00.000Z',
        LastActivityDate: '2026-11-20'
      }),
      count
    );

  const drilldown = (org: InMemoryOrg): Reading<DrilldownNodes> =>
    drive<DrilldownNodes>(
      org.session(manager),
      'OPEN_OPPORTUNITIES_OF_OWNER',
      startReading(DRILLDOWN_ALIASES),
      (reading) => ({
        ownerId: rep,
        after: reading.request.after.Opportunity,
        corporateAfter: reading.request.after.corporate
      }),
      (data) => {
        const uiapi = (data as { uiapi: { query: unknown; aggregate: unknown } }).uiapi;
        return {
          Opportunity: (uiapi.query as { Opportunity: unknown }).Opportunity,
          corporate: (uiapi.aggregate as { corporate: unknown }).corporate
        };
      },
      { paged: DRILLDOWN_ALIASES, maxPages: DRILLDOWN_MAX_PAGES }
    );

  void it('ranks every open deal of a rep with 2,500, each with its corporate amount', () => {
    const dataset = openDeals(2500);
    const reading = drilldown(orgOf(dataset));
    const open = dataset.records.Opportunity.filter(
      (deal) => deal.OwnerId === rep && deal.IsClosed === false
    );
    const { Opportunity: deals, corporate } = readingNodes(reading);
    assert.equal(reading.answers, 2);
    assert.equal(deals.length, open.length);
    assert.deepEqual(
      corporate.map((node) => node.aggregate?.Id?.value),
      deals.map((node) => node.Id),
      'the corporate amounts are of the same deals, in the same order'
    );
    assert.equal(reading.connections.Opportunity.truncated, false);
  });

  void it('stops at 4,000 and says how many of how many', () => {
    const reading = drilldown(orgOf(openDeals(4100)));
    const deals = reading.connections.Opportunity;
    assert.equal(deals.nodes.length, DRILLDOWN_MAX_PAGES * MAX_PAGE_SIZE);
    assert.equal(deals.truncated, true);
    assert.ok(deals.total > deals.nodes.length);
  });

  void it('reads a territory plan’s deals past the 4,000 relay paging reaches', () => {
    const dataset = openDeals(4500);
    const session = orgOf(dataset).session(manager);
    const reading = drive<{ Opportunity: unknown }>(
      session,
      'OWNER_OPPORTUNITIES_IN_RANGE',
      startReading(['Opportunity']),
      (state) => ({
        ownerId: rep,
        start: '2027-01-01',
        end: '2027-06-30',
        after: state.request.after.Opportunity
      }),
      (data) => (data as { uiapi: { query: Record<string, unknown> } }).uiapi.query,
      { paged: ['Opportunity'], maxPages: IN_RANGE_MAX_PAGES }
    );
    const inRange = dataset.records.Opportunity.filter(
      (deal) =>
        deal.OwnerId === rep &&
        String(deal.CloseDate) >= '2027-01-01' &&
        String(deal.CloseDate) <= '2027-06-30'
    );
    assert.ok(inRange.length > 4000);
    assert.equal(reading.connections.Opportunity.nodes.length, inRange.length);
  });
});

void describe('saved scorecards', () => {
  const dataset = generateDataset({ scale: 'team' });
  const org = orgOf(dataset);
  const { manager } = dataset.meta.personas;

  void it('reads the entries of the period in view only: one per rep', () => {
    const quarter = lastQuarter(dataset.meta.today);
    const result = org.session(manager).graphql({
      query: scorecardDocument('MANAGER_SNAPSHOTS'),
      variables: { scorecardManagerId: manager, periodStart: quarter.start, periodEnd: quarter.end }
    });
    assert.equal(result.errors, undefined);
    const query = (result.data as { uiapi: { query: Record<string, { totalCount: number }> } })
      .uiapi.query;
    const entries = nodesOf(query.entries as never);
    assert.equal(entries.length, 20);
    assert.equal(query.entries.totalCount, 20);
    assert.equal(query.snapshots.totalCount, 4);
  });
});
