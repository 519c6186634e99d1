import {
  computeRepKpis,
  computeRepKpisFromAggregates,
  indexByOwner,
  targetsByOwner
} from 'c/coachingMetrics';
import {
  type Connection,
  type OpportunityAggregateNode,
  type OpportunityQueryData,
  type ScorecardAggregatesData,
  type TeamCoachingData,
  type TeamFollowUpsData,
  type TeamMembersData,
  SINGLE_CURRENCY,
  aggregateRowsFromConnection,
  amountInUserCurrency,
  coachingFromData,
  currencyContextFromData,
  followUpSessionsFilter,
  goalCountsByRep,
  goalFactsFromConnection,
  nextCursor,
  nodesOf,
  opportunityFactSetFromConnection,
  opportunityFactsFromConnection,
  opportunityRowsFromConnection,
  ownerAggregatesFromData,
  ownersScorecardVariables,
  scorecardWindowVariables,
  sessionFactsFromConnection,
  splitMultiPicklist,
  teamCoachingVariables,
  teamFromData,
  withCorporateAmounts,
  withCorporateTargets
} from 'c/opportunityData';
import { toEpochDay } from 'c/periods';
import openOpportunities from './data/openOpportunities.json';
import scorecardAggregates from './data/scorecardAggregates.json';
import teamCoaching from './data/teamCoaching.json';
import teamFollowUps from './data/teamFollowUps.json';
import teamMembers from './data/teamMembers.json';

const d = toEpochDay;
const REP1 = '0055g00000REP0001';
const REP2 = '0055g00000REP0002';
const Q1 = { start: '2025-01-01', end: '2025-03-31' };
const TODAY = '2025-02-15';

/** The data of a fixture response (each fixture is a successful UI API response). */
function dataOf<T>(response: unknown): T {
  return (response as { data: T }).data;
}

describe('opportunity records', () => {
  const connection = dataOf<OpportunityQueryData>(openOpportunities).uiapi?.query?.Opportunity;

  it('normalises nodes to facts, dates to epoch days (DateTimes by their UTC date)', () => {
    const [first] = opportunityFactsFromConnection(connection);
    expect(first).toEqual({
      id: '0065g00000AAAAAAA1',
      ownerId: REP1,
      accountId: '0015g00000ACC0001',
      amount: 125000,
      stage: 'Negotiation/Review',
      probability: 90,
      isClosed: false,
      isWon: false,
      closeDay: d('2025-02-01'),
      createdDay: d('2024-11-03'),
      pushCount: 2,
      lastStageChangeDay: d('2025-01-10'),
      lastActivityDay: d('2025-02-10')
    });
  });

  it('tolerates null and missing optional fields, and skips nodes without a close date or null edges', () => {
    const facts = opportunityFactsFromConnection(connection);
    expect(facts.map((fact) => fact.id)).toEqual(['0065g00000AAAAAAA1', '0065g00000AAAAAAA2']);
    expect(facts[1]).toMatchObject({
      accountId: null,
      amount: null,
      probability: null,
      pushCount: 0,
      lastStageChangeDay: null,
      lastActivityDay: null
    });
    expect(nodesOf(connection)).toHaveLength(3);
    expect(opportunityFactsFromConnection(null)).toEqual([]);
  });

  it('reads the page cursor and the rows a deal list shows', () => {
    expect(nextCursor(connection)).toBe('djE6Mw==');
    expect(nextCursor({ pageInfo: { hasNextPage: false, endCursor: 'x' } })).toBeNull();
    expect(nextCursor(undefined)).toBeNull();
    const [row, second] = opportunityRowsFromConnection(connection);
    expect(row).toMatchObject({
      name: 'Acme Renewal',
      accountName: 'Acme',
      ownerName: 'Rita Rep',
      amountDisplay: '$125,000.00',
      closeDate: '2025-02-01',
      nextStep: 'Legal review'
    });
    expect(second).toMatchObject({ accountName: null, amountDisplay: null, nextStep: null });
  });

  it('builds the columns the KPIs read as it normalises, with the same KPIs as the facts', () => {
    const set = opportunityFactSetFromConnection(connection, ['0055g00000REP0009']);
    expect(set.facts).toEqual(opportunityFactsFromConnection(connection));
    expect(set.columns?.closeDays.length).toBe(set.facts.length);
    const request = { period: Q1, today: TODAY };
    const fromColumns = computeRepKpis(set, request);
    const fromFacts = computeRepKpis(indexByOwner(set.facts, ['0055g00000REP0009']), request);
    expect(fromColumns.map((rep) => rep.repId)).toEqual(fromFacts.map((rep) => rep.repId));
    expect(fromColumns).toEqual(fromFacts);
    expect(fromColumns[0].repId).toBe('0055g00000REP0009');
    expect(fromColumns[1].openPipeline).toBe(125000);
  });

  it('feeds the engine: hygiene of the normalised deals', () => {
    const [rep] = computeRepKpis(opportunityFactsFromConnection(connection), {
      period: Q1,
      today: TODAY
    });
    expect(rep.openPipeline).toBe(125000);
    expect(rep.weightedPipeline).toBe(112500);
    // Deal 1: past its close date, pushed, stage changed 36 days ago; deal 2 never had activity.
    expect(rep.hygiene).toEqual({
      pastCloseDate: 1,
      pushed: 1,
      staleInStage: 1,
      noRecentActivity: 1
    });
  });
});

describe('scorecard aggregates', () => {
  const aggregates = ownerAggregatesFromData(dataOf<ScorecardAggregatesData>(scorecardAggregates));

  it('reads one row per owner of each kind of deal (won, lost, open), with sums and counts', () => {
    expect(aggregates.current).toEqual([
      {
        ownerId: REP1,
        isClosed: true,
        isWon: true,
        count: 2,
        amountSum: 4000,
        expectedRevenueSum: null,
        salesCycleAvg: 45.5,
        salesCycleCount: 2
      },
      {
        ownerId: REP2,
        isClosed: true,
        isWon: true,
        count: 1,
        amountSum: null,
        expectedRevenueSum: null,
        salesCycleAvg: null,
        salesCycleCount: null
      },
      {
        ownerId: REP1,
        isClosed: true,
        isWon: false,
        count: 3,
        amountSum: 6000,
        expectedRevenueSum: null,
        salesCycleAvg: null,
        salesCycleCount: null
      },
      {
        ownerId: REP1,
        isClosed: false,
        isWon: false,
        count: 4,
        amountSum: 30000,
        expectedRevenueSum: 12000,
        salesCycleAvg: null,
        salesCycleCount: null
      }
    ]);
    expect(aggregates.pushed).toEqual([
      { ownerId: REP1, count: 2 },
      { ownerId: REP2, count: 1 }
    ]);
    expect(aggregates.staleInStage).toEqual([]);
  });

  it('gives per-rep KPIs, with the hidden sales cycle (FLS) not computable rather than zero', () => {
    const [rep1, rep2, rep3] = computeRepKpisFromAggregates(aggregates, {
      period: Q1,
      ownerIds: [REP1, REP2, '0055g00000REP0003']
    });
    expect(rep1.input.current).toEqual({
      wonCount: 2,
      wonAmount: 4000,
      closedCount: 5,
      closedAmount: 10000,
      openCount: 4,
      openAmount: 30000,
      weightedPipeline: 12000,
      wonCycleDays: 91,
      wonCycleCount: 2
    });
    expect(rep1.winRateByCount).toEqual({ ok: true, value: 0.4 });
    expect(rep1.salesCycleDays).toEqual({ ok: true, value: 45.5 });
    expect(rep1.growth).toEqual({ ok: true, value: 1 });
    expect(rep1.previousWinRateByCount).toEqual({ ok: true, value: 1 });
    expect(rep1.hygiene).toEqual({
      pastCloseDate: 1,
      pushed: 2,
      staleInStage: 0,
      noRecentActivity: 3
    });
    expect(rep2.wonCount).toBe(1);
    expect(rep2.closedWon).toBe(0);
    expect(rep2.salesCycleDays).toEqual({ ok: false, reason: 'no-won-deals' });
    expect(rep3.closedCount).toBe(0);
  });

  it('accepts numeric strings (Long values) and skips groups without an owner', () => {
    const connection: Connection<OpportunityAggregateNode> = {
      edges: [
        {
          node: {
            aggregate: {
              OwnerId: { value: REP1 },
              IsClosed: { value: true },
              IsWon: { value: false },
              Id: { count: { value: '7' } }
            }
          }
        },
        { node: { aggregate: { OwnerId: { value: null }, Id: { count: { value: 3 } } } } },
        { node: { aggregate: null } }
      ]
    };
    expect(aggregateRowsFromConnection(connection)).toEqual([
      {
        ownerId: REP1,
        isClosed: true,
        isWon: false,
        count: 7,
        amountSum: null,
        expectedRevenueSum: null,
        salesCycleAvg: null,
        salesCycleCount: null
      }
    ]);
  });

  it('builds variables for three windows and the hygiene cut-offs', () => {
    expect(scorecardWindowVariables(Q1, TODAY)).toEqual({
      start: '2025-01-01',
      end: '2025-03-31',
      previousStart: '2024-10-01',
      previousEnd: '2024-12-31',
      lastYearStart: '2024-01-01',
      lastYearEnd: '2024-03-31',
      today: TODAY,
      stageChangedBefore: '2025-01-16T00:00:00.000Z',
      activityBefore: '2025-02-01'
    });
    expect(
      scorecardWindowVariables(Q1, TODAY, { staleStageDays: 10, noActivityDays: 7 })
    ).toMatchObject({
      stageChangedBefore: '2025-02-05T00:00:00.000Z',
      activityBefore: '2025-02-08'
    });
    expect(ownersScorecardVariables([REP1, REP2], Q1, TODAY).ownerIds).toEqual([REP1, REP2]);
  });
});

describe('team and coaching data', () => {
  it('reads reports and reports of reports', () => {
    const team = teamFromData(dataOf<TeamMembersData>(teamMembers));
    expect(team.reports).toEqual([
      {
        id: '0055g00000MGR0001',
        name: 'Maya Manager',
        managerId: '0055g00000VPS0001',
        title: 'Sales Manager',
        photoUrl: '/profilephoto/005/T'
      },
      {
        id: '0055g00000MGR0002',
        name: 'Omar Manager',
        managerId: '0055g00000VPS0001',
        title: null,
        photoUrl: null
      }
    ]);
    expect(team.reportsOfReports.map((user) => [user.id, user.managerId])).toEqual([
      [REP1, '0055g00000MGR0001']
    ]);
    expect(teamFromData(undefined)).toEqual({ reports: [], reportsOfReports: [] });
  });

  it('reads cadence, goals and plan targets per rep from aggregates', () => {
    const coaching = coachingFromData(dataOf<TeamCoachingData>(teamCoaching), Q1);
    expect([...coaching.completed]).toEqual([[REP1, 1]]);
    expect([...coaching.planned]).toEqual([[REP2, 1]]);
    // A rep whose aggregate has no date has no last One-on-One.
    expect([...coaching.lastOneOnOne]).toEqual([[REP1, d('2025-01-20')]]);
    expect([...coaching.lastCompleted]).toEqual([[REP1, d('2025-01-20')]]);
    expect([...coaching.goals]).toEqual([[REP1, 2]]);
    expect(coaching.goalsAchieved.size).toBe(0);
    // Within the quarter: the full target; across its start (1 Dec – 30 Jan): 30 of 61 days.
    const targets = targetsByOwner(coaching.plans, Q1);
    expect(targets.get(REP1)).toBe(250000);
    expect(targets.get(REP2)).toBeCloseTo((60000 * 30) / 61, 6);
  });

  it('reads the follow-ups: sessions of the last completed day, goals past their date', () => {
    const data = dataOf<TeamFollowUpsData>(teamFollowUps);
    const sessions = sessionFactsFromConnection(data.uiapi?.query?.sessions);
    expect(sessions[0]).toEqual({
      id: 'a005g00000SES0001',
      repId: REP1,
      coachId: null,
      day: d('2025-01-20'),
      type: null,
      status: 'Completed',
      focusAreas: [],
      commitments: 'Book the demo with the CFO',
      followUpDay: d('2025-02-01'),
      opportunityId: null,
      goalId: null
    });
    const goals = goalFactsFromConnection(data.uiapi?.query?.goals);
    const counts = goalCountsByRep(
      { goals: new Map([[REP1, 5]]), goalsAchieved: new Map([[REP1, 1]]) },
      goals.slice(0, 1)
    );
    expect(counts.get(REP1)).toEqual({ total: 5, achieved: 1, pastTarget: 1 });
  });

  it('asks for the period and today, and for each rep’s last completed day only', () => {
    expect(teamCoachingVariables([REP1], Q1, TODAY)).toEqual({
      repIds: [REP1],
      start: '2025-01-01',
      end: '2025-03-31',
      today: TODAY
    });
    const filter = followUpSessionsFilter(
      new Map([
        [REP2, d('2025-02-03')],
        [REP1, d('2025-02-03')],
        ['0055g00000REP0003', d('2025-01-20')]
      ]),
      TODAY
    );
    expect(filter).toEqual({
      Status__c: { eq: 'Completed' },
      Follow_Up_Date__c: { lt: { value: TODAY } },
      or: [
        { Rep__c: { in: ['0055g00000REP0003'] }, Session_Date__c: { eq: { value: '2025-01-20' } } },
        { Rep__c: { in: [REP1, REP2] }, Session_Date__c: { eq: { value: '2025-02-03' } } }
      ]
    });
    // Nobody has completed a session: a valid filter that matches none.
    expect(followUpSessionsFilter(new Map(), TODAY)).toEqual({ Id: { eq: null } });
  });

  it('splits multi-select picklist values', () => {
    expect(splitMultiPicklist('Prospecting; Closing;;')).toEqual(['Prospecting', 'Closing']);
    expect(splitMultiPicklist(null)).toEqual([]);
  });
});

describe('currencies', () => {
  const v = <T>(value: T) => ({ value });
  const connection = <T>(nodes: T[]) => ({ edges: nodes.map((node) => ({ node })) });
  const byId = (field: 'Amount' | 'Target_Amount__c', entries: [string, number][]) =>
    connection(
      entries.map(([id, amount]) => ({ aggregate: { Id: v(id), [field]: { sum: v(amount) } } }))
    );
  const deal = (id: string, amount: { value: number; convertCurrency?: number | null }) => ({
    Id: id,
    OwnerId: v(REP1),
    CloseDate: v('2025-02-01'),
    IsClosed: v(true),
    IsWon: v(true),
    Amount: amount,
    CurrencyIsoCode: v('JPY')
  });

  it('adds up amounts in the user’s currency: convertCurrency where the org converts', () => {
    expect(amountInUserCurrency({ value: 1_000_000, convertCurrency: 6173.45 })).toBe(6173.45);
    expect(amountInUserCurrency({ value: 500, convertCurrency: '620.5' })).toBe(620.5);
    // One currency (or convertCurrency left out by @optional): the value is in it.
    expect(amountInUserCurrency({ value: 500 })).toBe(500);
    expect(amountInUserCurrency({ value: 500, convertCurrency: null })).toBe(500);
    expect(amountInUserCurrency(undefined)).toBeNull();
  });

  it('gives facts converted amounts and rows the record’s own amount and currency', () => {
    const data = {
      Opportunity: connection([deal('006A', { value: 1_000_000, convertCurrency: 6200 })])
    };
    const [fact] = opportunityFactsFromConnection(data.Opportunity);
    expect(fact.amount).toBe(6200);
    const [row] = opportunityRowsFromConnection(data.Opportunity);
    expect(row.amount).toBe(1_000_000);
    expect(row.currencyIsoCode).toBe('JPY');
    expect(row.fact.amount).toBe(6200);
  });

  it('swaps in corporate amounts from an aggregate per Id, keeping the others', () => {
    const facts = opportunityFactsFromConnection(
      connection([deal('006A', { value: 1_000_000 }), deal('006B', { value: 700 })])
    );
    const swapped = withCorporateAmounts(facts, byId('Amount', [['006A', 5500]]));
    expect(swapped.map((fact) => fact.amount)).toEqual([5500, 700]);
    expect(facts[0].amount).toBe(1_000_000);
  });

  it('reads plan targets in the corporate currency; a plan without one has none', () => {
    const plans = [
      {
        id: 'P1',
        ownerId: REP1,
        managerId: null,
        startDay: 0,
        endDay: 89,
        target: 32_400_000,
        status: 'Active'
      },
      {
        id: 'P2',
        ownerId: REP2,
        managerId: null,
        startDay: 0,
        endDay: 89,
        target: 100,
        status: 'Active'
      }
    ];
    const corporate = withCorporateTargets(plans, byId('Target_Amount__c', [['P1', 200_000]]));
    expect(corporate.map((plan) => plan.target)).toEqual([200_000, null]);
  });

  it('knows a single-currency org from one that answers with currencies', () => {
    expect(
      currencyContextFromData({ uiapi: { query: { me: connection([{ Id: 'U' }]) } } })
    ).toEqual(SINGLE_CURRENCY);
    expect(currencyContextFromData(undefined)).toEqual(SINGLE_CURRENCY);
    const me = connection([{ Id: 'U', DefaultCurrencyIsoCode: v('USD') }]);
    expect(
      currencyContextFromData({
        uiapi: { query: { me, corporate: connection([{ Id: 'C', IsoCode: v('EUR') }]) } }
      })
    ).toEqual({ multiCurrency: true, corporate: 'EUR', user: 'USD' });
    // CurrencyType unreadable: multiple currencies, the corporate one unnamed.
    expect(
      currencyContextFromData({ uiapi: { query: { me, corporate: connection([]) } } })
    ).toEqual({ multiCurrency: true, corporate: null, user: 'USD' });
  });
});
