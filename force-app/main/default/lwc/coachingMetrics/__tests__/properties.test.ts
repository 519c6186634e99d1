import fc from 'fast-check';
import {
  type KpiInput,
  type OpportunityAggregateRow,
  type OpportunityFact,
  type OwnerCountRow,
  type PeriodSums,
  type TerritoryPlanFact,
  computeRepKpis,
  computeRepKpisFromAggregates,
  computeTeamKpis,
  indexByOwner,
  windowsFor
} from 'c/coachingMetrics';
import { type Period, toEpochDay } from 'c/periods';

const TODAY = '2025-02-15';
const TODAY_DAY = toEpochDay(TODAY);
const PERIOD: Period = { start: '2025-01-01', end: '2025-03-31' };
const OWNERS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
const FIRST_DAY = toEpochDay('2023-10-01');
const LAST_DAY = toEpochDay('2025-06-30');

const factArb: fc.Arbitrary<OpportunityFact> = fc
  .record({
    owner: fc.constantFrom(...OWNERS),
    amount: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })), {
      nil: null
    }),
    probability: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    state: fc.constantFrom('open', 'won', 'lost'),
    closeDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    cycle: fc.integer({ min: 0, max: 400 }),
    pushCount: fc.nat({ max: 4 }),
    stageChange: fc.option(fc.integer({ min: FIRST_DAY - 400, max: TODAY_DAY }), { nil: null }),
    activity: fc.option(fc.integer({ min: FIRST_DAY, max: TODAY_DAY }), { nil: null })
  })
  .map((r) => ({
    id: '',
    ownerId: r.owner,
    accountId: null,
    amount: r.amount,
    stage: r.state === 'open' ? 'Qualification' : r.state === 'won' ? 'Closed Won' : 'Closed Lost',
    probability: r.probability,
    isClosed: r.state !== 'open',
    isWon: r.state === 'won',
    closeDay: r.closeDay,
    createdDay: r.closeDay - r.cycle,
    pushCount: r.pushCount,
    lastStageChangeDay: r.stageChange,
    lastActivityDay: r.activity
  }));

const factsArb = fc
  .array(factArb, { maxLength: 120 })
  .map((facts) => facts.map((fact, index) => ({ ...fact, id: `006${index}` })));

const planArb: fc.Arbitrary<TerritoryPlanFact[]> = fc.array(
  fc
    .record({
      id: fc.uuid(),
      ownerId: fc.constantFrom(...OWNERS),
      managerId: fc.constant(null),
      startDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
      length: fc.integer({ min: 0, max: 400 }),
      target: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
      status: fc.constantFrom('Active', 'Draft', 'Closed')
    })
    .map(({ length, ...plan }) => ({ ...plan, endDay: plan.startDay + length })),
  { maxLength: 10 }
);

/** Paths of every NaN or ±Infinity anywhere in the value. */
function nonFinitePaths(value: unknown, path = 'kpis'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nonFinitePaths(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => nonFinitePaths(item, `${path}.${key}`));
  }
  return [];
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
}

/** Where two KPI inputs differ beyond float rounding; empty when they agree. */
function inputMismatches(a: KpiInput, b: KpiInput): string[] {
  const mismatches: string[] = [];
  for (const window of ['current', 'previous', 'lastYear'] as const) {
    for (const key of Object.keys(a[window]) as (keyof PeriodSums)[]) {
      if (!close(a[window][key], b[window][key])) {
        mismatches.push(`${window}.${key}: ${a[window][key]} vs ${b[window][key]}`);
      }
    }
  }
  for (const key of Object.keys(a.hygiene) as (keyof KpiInput['hygiene'])[]) {
    if (a.hygiene[key] !== b.hygiene[key])
      mismatches.push(`hygiene.${key}: ${a.hygiene[key]} vs ${b.hygiene[key]}`);
  }
  const targetsAgree =
    a.target === null || b.target === null ? a.target === b.target : close(a.target, b.target);
  if (!targetsAgree) mismatches.push(`target: ${a.target} vs ${b.target}`);
  return mismatches;
}

/**
 * What the aggregate queries return for these facts, built independently of the engine:
 * plain filters per window and group, as the server would group them.
 */
function aggregateRowsOf(facts: OpportunityFact[], period: Period): OpportunityAggregateRow[] {
  const start = toEpochDay(period.start);
  const end = toEpochDay(period.end);
  const inPeriod = facts.filter((f) => f.closeDay >= start && f.closeDay <= end);
  const rows: OpportunityAggregateRow[] = [];
  for (const ownerId of OWNERS) {
    for (const [isClosed, isWon] of [
      [true, true],
      [true, false],
      [false, false]
    ] as const) {
      const group = inPeriod.filter(
        (f) => f.ownerId === ownerId && f.isClosed === isClosed && f.isWon === isWon
      );
      if (group.length === 0) continue;
      const amounts = group.map((f) => f.amount).filter((a): a is number => a !== null);
      rows.push({
        ownerId,
        isClosed,
        isWon,
        count: group.length,
        amountSum: amounts.length > 0 ? amounts.reduce((s, a) => s + a, 0) : null,
        expectedRevenueSum: group.reduce(
          (s, f) => s + ((f.amount ?? 0) * (f.probability ?? 0)) / 100,
          0
        ),
        salesCycleAvg: isClosed
          ? group.reduce((s, f) => s + f.closeDay - f.createdDay, 0) / group.length
          : null
      });
    }
  }
  return rows;
}

function countRows(
  facts: OpportunityFact[],
  test: (f: OpportunityFact) => boolean
): OwnerCountRow[] {
  return OWNERS.map((ownerId) => ({
    ownerId,
    count: facts.filter((f) => f.ownerId === ownerId && !f.isClosed && test(f)).length
  })).filter((row) => row.count > 0);
}

const RUNS = { numRuns: 150 };

describe('KPI invariants', () => {
  it('win rates lie in [0, 1] and no number is NaN or Infinity', () => {
    fc.assert(
      fc.property(factsArb, planArb, (facts, plans) => {
        const reps = computeRepKpis(indexByOwner(facts, OWNERS), {
          period: PERIOD,
          today: TODAY,
          plans
        });
        const rates = reps
          .flatMap((rep) => [rep.winRateByCount, rep.winRateByAmount, rep.previousWinRateByCount])
          .flatMap((rate) => (rate.ok ? [rate.value] : []));
        for (const rate of rates) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
        const required = reps
          .map((rep) => rep.requiredCoverage)
          .flatMap((rate) => (rate.ok ? [rate.value] : []));
        for (const value of required) expect(value).toBeGreaterThanOrEqual(1);
        expect(nonFinitePaths(reps)).toEqual([]);
        expect(nonFinitePaths(computeTeamKpis('M', reps))).toEqual([]);
      }),
      RUNS
    );
  });

  it('team totals equal the KPIs of all the team’s deals taken as one rep', () => {
    fc.assert(
      fc.property(factsArb, planArb, (facts, plans) => {
        const request = { period: PERIOD, today: TODAY };
        const reps = computeRepKpis(indexByOwner(facts, OWNERS), { ...request, plans });
        const team = computeTeamKpis('M', reps);
        const [whole] = computeRepKpis(
          indexByOwner(
            facts.map((f) => ({ ...f, ownerId: 'team' })),
            ['team']
          ),
          { ...request, plans: plans.map((p) => ({ ...p, ownerId: 'team' })) }
        );
        expect(inputMismatches(team.input, whole.input)).toEqual([]);
        expect(team.winRateByCount).toEqual(whole.winRateByCount);
        expect(team.closedCount).toBe(whole.closedCount);
      }),
      RUNS
    );
  });

  it('the aggregates route gives the same per-rep sums and KPIs as the records route', () => {
    fc.assert(
      fc.property(factsArb, planArb, (facts, plans) => {
        const windows = windowsFor(PERIOD);
        const fromRecords = computeRepKpis(indexByOwner(facts, OWNERS), {
          period: PERIOD,
          today: TODAY,
          plans
        });
        const stageCutoff = TODAY_DAY - 30;
        const activityCutoff = TODAY_DAY - 14;
        const fromAggregates = computeRepKpisFromAggregates(
          {
            current: aggregateRowsOf(facts, windows.current),
            previous: aggregateRowsOf(facts, windows.previous),
            lastYear: aggregateRowsOf(facts, windows.lastYear),
            pastCloseDate: countRows(facts, (f) => f.closeDay < TODAY_DAY),
            pushed: countRows(facts, (f) => f.pushCount > 0),
            staleInStage: countRows(
              facts,
              (f) => (f.lastStageChangeDay ?? f.createdDay) < stageCutoff
            ),
            noRecentActivity: countRows(
              facts,
              (f) => f.lastActivityDay === null || f.lastActivityDay < activityCutoff
            )
          },
          { period: PERIOD, plans, ownerIds: OWNERS }
        );
        expect(fromAggregates.map((r) => r.repId)).toEqual(fromRecords.map((r) => r.repId));
        fromRecords.forEach((rep, i) => {
          expect(inputMismatches(fromAggregates[i].input, rep.input)).toEqual([]);
          expect(fromAggregates[i].winRateByCount).toEqual(rep.winRateByCount);
        });
      }),
      RUNS
    );
  });

  it('the order of the input does not change the result', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const request = { period: PERIOD, today: TODAY };
        const forward = computeRepKpis(indexByOwner(facts, OWNERS), request);
        const backward = computeRepKpis(indexByOwner([...facts].reverse(), OWNERS), request);
        forward.forEach((rep, i) =>
          expect(inputMismatches(backward[i].input, rep.input)).toEqual([])
        );
      }),
      { numRuns: 60 }
    );
  });
});
