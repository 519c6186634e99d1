import {
  type OpportunityFact,
  type TerritoryPlanFact,
  computeKpis,
  computeRepKpis,
  computeRepKpisFromAggregates,
  computeTeamKpis,
  divide,
  indexByOwner,
  resolveThresholds,
  sumByOwner,
  targetsByOwner,
  windowsFor,
  DEFAULT_THRESHOLDS
} from 'c/coachingMetrics';
import { toEpochDay } from 'c/periods';

const Q1 = { start: '2025-01-01', end: '2025-03-31' };
const TODAY = '2025-02-15';
const d = toEpochDay;

let nextId = 0;
function opp(
  ownerId: string,
  fields: Partial<OpportunityFact> & { close: string; created?: string }
): OpportunityFact {
  const { close, created, ...rest } = fields;
  return {
    id: `006${String(nextId++).padStart(6, '0')}`,
    ownerId,
    accountId: null,
    amount: 0,
    stage: 'Prospecting',
    probability: 10,
    isClosed: false,
    isWon: false,
    closeDay: d(close),
    createdDay: d(created ?? '2024-10-01'),
    pushCount: 0,
    lastStageChangeDay: null,
    lastActivityDay: d(TODAY),
    ...rest
  };
}
const won = (amount: number | null): Partial<OpportunityFact> => ({
  amount,
  isClosed: true,
  isWon: true,
  stage: 'Closed Won',
  probability: 100
});
const lost = (amount: number | null): Partial<OpportunityFact> => ({
  amount,
  isClosed: true,
  isWon: false,
  stage: 'Closed Lost',
  probability: 0
});

// Rep A: every kind of deal, including deals exactly on the period's first and last day.
const REP_A: OpportunityFact[] = [
  opp('A', { ...won(1000), close: '2025-01-01', created: '2024-12-02' }),
  opp('A', { ...won(3000), close: '2025-03-31', created: '2025-01-30' }),
  opp('A', { ...lost(2000), close: '2025-02-01' }),
  opp('A', { ...lost(null), close: '2025-02-02' }),
  opp('A', {
    amount: 10000,
    probability: 50,
    close: '2025-03-15',
    lastStageChangeDay: d('2025-02-01'),
    lastActivityDay: d('2025-02-14')
  }),
  opp('A', {
    amount: null,
    probability: 20,
    close: '2025-03-20',
    created: '2025-01-01',
    lastActivityDay: null
  }),
  opp('A', {
    amount: 5000,
    probability: 10,
    close: '2025-02-01',
    created: '2024-11-01',
    pushCount: 2,
    lastActivityDay: d('2025-02-10')
  }),
  opp('A', { ...won(2000), close: '2024-12-31' }),
  opp('A', { ...lost(1000), close: '2024-11-15' }),
  opp('A', { ...won(2000), close: '2024-03-31' }),
  opp('A', { ...won(500), close: '2025-04-01' })
];
// Rep C: only an open deal, and a plan with a zero target.
const REP_C: OpportunityFact[] = [opp('C', { amount: 1000, probability: 40, close: '2025-03-01' })];

const PLANS: TerritoryPlanFact[] = [
  {
    id: 'p1',
    ownerId: 'A',
    managerId: 'M',
    startDay: d('2025-01-01'),
    endDay: d('2025-03-31'),
    target: 10000,
    status: 'Active'
  },
  {
    id: 'p2',
    ownerId: 'A',
    managerId: 'M',
    startDay: d('2025-01-01'),
    endDay: d('2025-03-31'),
    target: 99999,
    status: 'Draft'
  },
  {
    id: 'p3',
    ownerId: 'C',
    managerId: 'M',
    startDay: d('2025-01-01'),
    endDay: d('2025-03-31'),
    target: 0,
    status: 'Active'
  }
];

function kpisByRep() {
  const rows = computeRepKpis(indexByOwner([...REP_A, ...REP_C], ['A', 'B', 'C']), {
    period: Q1,
    today: TODAY,
    plans: PLANS
  });
  return Object.fromEntries(rows.map((row) => [row.repId, row]));
}

describe('per-rep KPIs from records (hand-computed)', () => {
  it('sums the period, including deals on its first and last day', () => {
    const a = kpisByRep().A;
    expect(a.input.current).toEqual({
      wonCount: 2,
      wonAmount: 4000,
      closedCount: 4,
      closedAmount: 6000,
      openCount: 3,
      openAmount: 15000,
      weightedPipeline: 5500,
      wonCycleDays: 90,
      wonCycleCount: 2
    });
    expect(a.closedWon).toBe(4000);
    expect(a.winRateByCount).toEqual({ ok: true, value: 0.5 });
    expect(a.winRateByAmount.ok && a.winRateByAmount.value).toBeCloseTo(4000 / 6000, 12);
    expect(a.averageDealSize).toEqual({ ok: true, value: 2000 });
    expect(a.salesCycleDays).toEqual({ ok: true, value: 45 });
    expect(a.openPipeline).toBe(15000);
    expect(a.weightedPipeline).toBe(5500);
  });

  it('compares with the previous period and the same period last year', () => {
    const a = kpisByRep().A;
    expect(a.input.previous.wonAmount).toBe(2000);
    expect(a.previousWinRateByCount).toEqual({ ok: true, value: 0.5 });
    expect(a.closedWonLastYear).toBe(2000);
    expect(a.growth).toEqual({ ok: true, value: 1 });
  });

  it('measures against the active plan and derives coverage from the rep’s own win rate', () => {
    const a = kpisByRep().A;
    expect(a.target).toBe(10000);
    expect(a.percentToPlan).toEqual({ ok: true, value: 0.4 });
    expect(a.gapToTarget).toBe(6000);
    expect(a.pipelineCoverage).toEqual({ ok: true, value: 2.5 });
    expect(a.requiredCoverage.ok && a.requiredCoverage.value).toBeCloseTo(1.5, 12);
  });

  it('counts hygiene of open deals as of today', () => {
    expect(kpisByRep().A.hygiene).toEqual({
      pastCloseDate: 1,
      pushed: 1,
      staleInStage: 2,
      noRecentActivity: 1
    });
  });

  it('says why, instead of NaN, for a rep without deals or plan', () => {
    const b = kpisByRep().B;
    expect(b.closedWon).toBe(0);
    expect(b.target).toBeNull();
    expect(b.percentToPlan).toEqual({ ok: false, reason: 'no-target' });
    expect(b.winRateByCount).toEqual({ ok: false, reason: 'no-closed-deals' });
    expect(b.winRateByAmount).toEqual({ ok: false, reason: 'no-closed-deals' });
    expect(b.averageDealSize).toEqual({ ok: false, reason: 'no-won-deals' });
    expect(b.salesCycleDays).toEqual({ ok: false, reason: 'no-won-deals' });
    expect(b.growth).toEqual({ ok: false, reason: 'no-prior-value' });
    expect(b.pipelineCoverage).toEqual({ ok: false, reason: 'no-target' });
    expect(b.requiredCoverage).toEqual({ ok: false, reason: 'no-closed-deals' });
    expect(b.gapToTarget).toBeNull();
  });

  it('treats a zero target as no target, and only-open deals as no closed deals', () => {
    const c = kpisByRep().C;
    expect(c.target).toBeNull();
    expect(c.percentToPlan).toEqual({ ok: false, reason: 'no-target' });
    expect(c.openPipeline).toBe(1000);
    expect(c.weightedPipeline).toBe(400);
    expect(c.winRateByCount).toEqual({ ok: false, reason: 'no-closed-deals' });
  });

  it('reports a met target instead of a coverage ratio', () => {
    const kpis = computeKpis({
      ...sumByOwner([opp('X', { ...won(12000), close: '2025-01-10' })], windowsFor(Q1), {
        today: TODAY,
        staleStageDays: 30,
        noActivityDays: 14
      })[0],
      target: 10000
    });
    expect(kpis.percentToPlan).toEqual({ ok: true, value: 1.2 });
    expect(kpis.gapToTarget).toBe(-2000);
    expect(kpis.pipelineCoverage).toEqual({ ok: false, reason: 'target-met' });
  });

  it('does not compute a win rate by amount when closed deals have no amount', () => {
    const [row] = computeRepKpis(
      [
        opp('X', { ...lost(null), close: '2025-01-10' }),
        opp('X', { ...won(null), close: '2025-01-11' })
      ],
      {
        period: Q1,
        today: TODAY
      }
    );
    expect(row.winRateByCount).toEqual({ ok: true, value: 0.5 });
    expect(row.winRateByAmount).toEqual({ ok: false, reason: 'no-data' });
    expect(row.averageDealSize).toEqual({ ok: true, value: 0 });
    expect(row.requiredCoverage).toEqual({ ok: false, reason: 'no-data' });
  });

  it('does not compute required coverage when nothing was won', () => {
    const [row] = computeRepKpis([opp('X', { ...lost(500), close: '2025-01-10' })], {
      period: Q1,
      today: TODAY
    });
    expect(row.winRateByAmount).toEqual({ ok: true, value: 0 });
    expect(row.requiredCoverage).toEqual({ ok: false, reason: 'no-won-deals' });
  });

  it('handles periods across the year end and leap days', () => {
    const deals = [
      opp('X', { ...won(100), close: '2024-02-29' }),
      opp('X', { ...won(200), close: '2023-02-28' }),
      opp('X', { ...won(400), close: '2024-12-31' }),
      opp('X', { ...won(800), close: '2025-01-01' })
    ];
    const [feb] = computeRepKpis(deals, {
      period: { start: '2024-02-01', end: '2024-02-29' },
      today: TODAY
    });
    expect(feb.closedWon).toBe(100);
    expect(feb.closedWonLastYear).toBe(200);
    const [yearEnd] = computeRepKpis(deals, {
      period: { start: '2024-12-15', end: '2025-01-14' },
      today: TODAY
    });
    expect(yearEnd.closedWon).toBe(1200);
  });

  it('uses explicit previous and last-year windows when given', () => {
    const [row] = computeRepKpis(REP_A, {
      period: Q1,
      today: TODAY,
      previous: { start: '2024-03-01', end: '2024-03-31' },
      lastYear: { start: '2024-12-31', end: '2024-12-31' }
    });
    expect(row.input.previous.wonAmount).toBe(2000);
    expect(row.closedWonLastYear).toBe(2000);
  });
});

describe('territory plan targets', () => {
  const plan = (
    id: string,
    start: string,
    end: string,
    target: number | null,
    status = 'Active'
  ): TerritoryPlanFact => ({
    id,
    ownerId: 'A',
    managerId: null,
    startDay: d(start),
    endDay: d(end),
    target,
    status
  });

  it('sums several plans and prorates plans that only partly overlap the period', () => {
    const plans = [
      plan('y', '2025-01-01', '2025-12-31', 36500),
      plan('q', '2025-01-01', '2025-03-31', 1000)
    ];
    // The annual plan shares 90 of its 365 days with Q1.
    expect(targetsByOwner(plans, Q1).get('A')).toBeCloseTo(9000 + 1000, 9);
    expect(targetsByOwner(plans, { start: '2025-01-01', end: '2025-12-31' }).get('A')).toBeCloseTo(
      37500,
      9
    );
  });

  it('ignores plans that are not active, not overlapping, or without a positive target', () => {
    const plans = [
      plan('draft', '2025-01-01', '2025-03-31', 1000, 'Draft'),
      plan('closed', '2025-01-01', '2025-03-31', 1000, 'Closed'),
      plan('before', '2024-10-01', '2024-12-31', 1000),
      plan('zero', '2025-01-01', '2025-03-31', 0),
      plan('none', '2025-01-01', '2025-03-31', null)
    ];
    expect(targetsByOwner(plans, Q1).has('A')).toBe(false);
    expect(targetsByOwner([], Q1).size).toBe(0);
  });
});

describe('teams and roll-ups', () => {
  it('recomputes team ratios from summed numerators and denominators', () => {
    const reps = Object.values(kpisByRep());
    const team = computeTeamKpis('M', reps);
    expect(team.closedWon).toBe(4000);
    expect(team.input.current.closedCount).toBe(4);
    expect(team.openPipeline).toBe(16000);
    // A has a 10000 target, B none, C a zero target: the team target is A's.
    expect(team.target).toBe(10000);
    expect(team.winRateByCount).toEqual({ ok: true, value: 0.5 });
    expect(team.pipelineCoverage.ok && team.pipelineCoverage.value).toBeCloseTo(16000 / 6000, 12);
    expect(team.hygiene).toEqual({
      pastCloseDate: 1,
      pushed: 1,
      staleInStage: 3,
      noRecentActivity: 1
    });
  });
});

describe('aggregates route', () => {
  it('gives the same KPIs as the records route for hand-written aggregate rows', () => {
    const fromAggregates = computeRepKpisFromAggregates(
      {
        current: [
          {
            ownerId: 'A',
            isClosed: true,
            isWon: true,
            count: 2,
            amountSum: 4000,
            expectedRevenueSum: 4000,
            salesCycleAvg: 45
          },
          {
            ownerId: 'A',
            isClosed: true,
            isWon: false,
            count: 2,
            amountSum: 2000,
            expectedRevenueSum: 0,
            salesCycleAvg: 12
          },
          {
            ownerId: 'A',
            isClosed: false,
            isWon: false,
            count: 3,
            amountSum: 15000,
            expectedRevenueSum: 5500,
            salesCycleAvg: null
          }
        ],
        previous: [
          {
            ownerId: 'A',
            isClosed: true,
            isWon: true,
            count: 1,
            amountSum: 2000,
            expectedRevenueSum: 2000,
            salesCycleAvg: 91
          },
          {
            ownerId: 'A',
            isClosed: true,
            isWon: false,
            count: 1,
            amountSum: 1000,
            expectedRevenueSum: 0,
            salesCycleAvg: 45
          }
        ],
        lastYear: [
          {
            ownerId: 'A',
            isClosed: true,
            isWon: true,
            count: 1,
            amountSum: 2000,
            expectedRevenueSum: 2000,
            salesCycleAvg: 182
          }
        ],
        pastCloseDate: [{ ownerId: 'A', count: 1 }],
        pushed: [{ ownerId: 'A', count: 1 }],
        staleInStage: [{ ownerId: 'A', count: 2 }],
        noRecentActivity: [{ ownerId: 'A', count: 1 }]
      },
      { period: Q1, plans: PLANS, ownerIds: ['A', 'B'] }
    );
    const fromRecords = kpisByRep();
    const { input: aggregateInput, ...aggregateKpis } = fromAggregates[0];
    const { input: recordInput, ...recordKpis } = fromRecords.A;
    expect(aggregateKpis).toEqual(recordKpis);
    expect(aggregateInput.current).toEqual(recordInput.current);
    expect(aggregateInput.hygiene).toEqual(recordInput.hygiene);
    expect(fromAggregates[1].repId).toBe('B');
    expect(fromAggregates[1].closedCount).toBe(0);
  });

  it('tolerates missing sums (field-level security) and hidden sales cycle', () => {
    const [row] = computeRepKpisFromAggregates(
      {
        current: [
          {
            ownerId: 'A',
            isClosed: true,
            isWon: true,
            count: 2,
            amountSum: null,
            expectedRevenueSum: null,
            salesCycleAvg: null
          }
        ],
        previous: [],
        lastYear: []
      },
      { period: Q1 }
    );
    expect(row.closedWon).toBe(0);
    expect(row.wonCount).toBe(2);
    expect(row.salesCycleDays).toEqual({ ok: false, reason: 'no-won-deals' });
    expect(row.hygiene).toEqual({
      pastCloseDate: 0,
      pushed: 0,
      staleInStage: 0,
      noRecentActivity: 0
    });
  });
});

describe('ratio helpers and thresholds', () => {
  it('divides without NaN or Infinity', () => {
    expect(divide(1, 0, 'no-target')).toEqual({ ok: false, reason: 'no-target' });
    expect(divide(0, 0, 'no-closed-deals')).toEqual({ ok: false, reason: 'no-closed-deals' });
    expect(divide(Number.MAX_VALUE, Number.MIN_VALUE, 'no-data')).toEqual({
      ok: false,
      reason: 'no-data'
    });
    expect(divide(3, 4, 'no-data')).toEqual({ ok: true, value: 0.75 });
  });

  it('overlays settings on the defaults and ignores invalid values', () => {
    const resolved = resolveThresholds({
      oneOnOneMaxDays: '21',
      staleStageDays: -1,
      noActivityDays: Number.NaN,
      winRateGreen: 0.4
    });
    expect(resolved.oneOnOneMaxDays).toBe(21);
    expect(resolved.staleStageDays).toBe(DEFAULT_THRESHOLDS.staleStageDays);
    expect(resolved.noActivityDays).toBe(DEFAULT_THRESHOLDS.noActivityDays);
    expect(resolved.winRateGreen).toBe(0.4);
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
  });

  it('applies hygiene thresholds from the request', () => {
    const [strict] = computeRepKpis(REP_A, {
      period: Q1,
      today: TODAY,
      thresholds: { noActivityDays: 3, staleStageDays: 10 }
    });
    // Deal 5 (activity 1 day ago) stays fresh; deal 7 (5 days ago) and deal 6 (never) are stale.
    expect(strict.hygiene.noRecentActivity).toBe(2);
    expect(strict.hygiene.staleInStage).toBe(3);
  });
});
