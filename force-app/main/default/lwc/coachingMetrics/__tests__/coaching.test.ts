import fc from 'fast-check';
import {
  type CadenceKpis,
  type GoalFact,
  type Kpis,
  type OpportunityFact,
  type RepKpis,
  type SessionFact,
  computeCadence,
  computeRepKpis,
  earlyWarnings,
  goalProgress,
  isGoalPastTargetDate,
  metricValue,
  overdueCommitments,
  periodPace,
  rateCompletionRate,
  rateCoverage,
  rateDaysSinceOneOnOne,
  rateHigherIsBetter,
  rateLowerIsBetter,
  ratePercentToPlan,
  rateWinRate,
  sumCadence
} from 'c/coachingMetrics';
import { toEpochDay } from 'c/periods';

const Q1 = { start: '2025-01-01', end: '2025-03-31' };
const TODAY = '2025-02-15';
const d = toEpochDay;

let nextId = 0;
function session(repId: string, date: string, fields: Partial<SessionFact> = {}): SessionFact {
  return {
    id: `a00${nextId++}`,
    repId,
    coachId: 'M',
    day: d(date),
    type: 'One-on-One',
    status: 'Completed',
    focusAreas: [],
    commitments: null,
    followUpDay: null,
    ...fields
  };
}

describe('coaching cadence', () => {
  const sessions: SessionFact[] = [
    session('A', '2025-01-10'),
    session('A', '2025-02-01', { type: 'Deal Review' }),
    session('A', '2025-02-20', { status: 'Planned' }),
    session('A', '2025-03-05', { status: 'Planned' }),
    session('A', '2025-01-20', { status: 'Cancelled' }),
    session('A', '2024-12-20', { status: 'Planned' }),
    // A One-on-One dated after today does not count as the last one held.
    session('A', '2025-02-20', { type: 'One-on-One' }),
    session('B', '2024-11-02'),
    session('B', '2024-12-01', { status: 'Cancelled' })
  ];

  it('counts sessions in the period, the completion rate and days since the last One-on-One', () => {
    const [a, b, c] = computeCadence(sessions, ['A', 'B', 'C'], Q1, TODAY);
    expect(a).toEqual({
      repId: 'A',
      completedInPeriod: 3,
      plannedInPeriod: 2,
      completionRate: { ok: true, value: 3 / 5 },
      lastOneOnOneDay: d('2025-01-10'),
      daysSinceLastOneOnOne: 36,
      overdueCommitments: 0
    });
    expect(b.completedInPeriod).toBe(0);
    expect(b.completionRate).toEqual({ ok: false, reason: 'no-sessions' });
    expect(b.daysSinceLastOneOnOne).toBe(d(TODAY) - d('2024-11-02'));
    expect(c).toEqual({
      repId: 'C',
      completedInPeriod: 0,
      plannedInPeriod: 0,
      completionRate: { ok: false, reason: 'no-sessions' },
      lastOneOnOneDay: null,
      daysSinceLastOneOnOne: null,
      overdueCommitments: 0
    });
  });

  it('sums team cadence and recomputes the completion rate', () => {
    const rows = computeCadence(sessions, ['A', 'B', 'C'], Q1, TODAY);
    expect(sumCadence(rows)).toEqual({
      reps: 3,
      completed: 3,
      planned: 2,
      completionRate: { ok: true, value: 0.6 },
      repsCoached: 1,
      overdueCommitments: 0,
      // A: 36 days, B: 105 days, C: never — all beyond 14 days.
      repsWithoutRecentOneOnOne: 3
    });
    expect(sumCadence(rows, { oneOnOneMaxDays: 40 }).repsWithoutRecentOneOnOne).toBe(2);
  });
});

describe('overdue commitments', () => {
  const withCommitment = (
    repId: string,
    date: string,
    followUp: string,
    extra: Partial<SessionFact> = {}
  ) =>
    session(repId, date, { commitments: 'Send the proposal', followUpDay: d(followUp), ...extra });

  it('are commitments whose follow-up date passed with no later completed session', () => {
    const overdue = withCommitment('A', '2025-01-20', '2025-02-01');
    const followedUp = withCommitment('B', '2025-01-20', '2025-02-01');
    const later = session('B', '2025-02-05', { type: 'Deal Review' });
    const dueToday = withCommitment('C', '2025-02-01', TODAY);
    const blank = session('D', '2025-01-20', { commitments: '   ', followUpDay: d('2025-02-01') });
    const planned = withCommitment('E', '2025-01-20', '2025-02-01', { status: 'Planned' });
    const noDate = session('F', '2025-01-20', { commitments: 'Call back' });
    // A session planned or cancelled later does not follow up anything.
    const laterPlanned = session('A', '2025-02-10', { status: 'Planned' });
    const sameDay = session('A', '2025-01-20', { type: 'Deal Review' });
    const result = overdueCommitments(
      [overdue, followedUp, later, dueToday, blank, planned, noDate, laterPlanned, sameDay],
      TODAY
    );
    expect(result.map((s) => s.id)).toEqual([overdue.id]);
  });

  it('ignores a later session dated after today and orders by follow-up date', () => {
    const first = withCommitment('A', '2025-01-05', '2025-01-10');
    const second = withCommitment('B', '2025-01-02', '2025-01-20');
    const future = session('B', '2025-03-01');
    expect(overdueCommitments([second, first, future], TODAY).map((s) => s.id)).toEqual([
      first.id,
      second.id
    ]);
    expect(
      computeCadence([second, first, future], ['A', 'B'], Q1, TODAY).map(
        (r) => r.overdueCommitments
      )
    ).toEqual([1, 1]);
  });
});

const NO_KPIS = ((): Kpis => {
  const fact: OpportunityFact = {
    id: 'x',
    ownerId: 'A',
    accountId: null,
    amount: 0,
    stage: 'Prospecting',
    probability: 0,
    isClosed: false,
    isWon: false,
    closeDay: d('2030-01-01'),
    createdDay: d('2029-01-01'),
    pushCount: 0,
    lastStageChangeDay: null,
    lastActivityDay: null
  };
  // A rep whose only deal closes far in the future: nothing in the period is computable.
  return computeRepKpis([fact], { period: Q1, today: TODAY })[0];
})();

function kpisWith(overrides: Partial<Kpis>): Kpis {
  return { ...NO_KPIS, ...overrides };
}

function goal(fields: Partial<GoalFact>): GoalFact {
  return {
    id: `g${nextId++}`,
    repId: 'A',
    skillArea: 'Closing',
    status: 'In Progress',
    progressPercent: null,
    metric: null,
    baseline: null,
    target: null,
    startDay: d('2025-01-01'),
    targetDay: d('2025-06-30'),
    ...fields
  };
}

describe('goal progress', () => {
  it('reads manual progress as a fraction', () => {
    const manual = goal({ progressPercent: 40 });
    expect(goalProgress(manual, null)).toEqual({
      goalId: manual.id,
      kind: 'manual',
      progress: { ok: true, value: 0.4 },
      current: null,
      lowerIsBetter: false
    });
    expect(goalProgress(goal({ progressPercent: 130 }), null).progress).toEqual({
      ok: true,
      value: 1
    });
    expect(goalProgress(goal({}), null).progress).toEqual({ ok: false, reason: 'no-progress' });
    expect(goalProgress(goal({ status: 'Achieved' }), null).progress).toEqual({
      ok: true,
      value: 1
    });
  });

  it('measures KPI goals from baseline to target, win rate in percent', () => {
    const kpis = kpisWith({ winRateByCount: { ok: true, value: 0.5 } });
    const result = goalProgress(goal({ metric: 'Win Rate', baseline: 40, target: 60 }), kpis);
    expect(result.kind).toBe('kpi');
    expect(result.current).toEqual({ ok: true, value: 50 });
    expect(result.progress.ok && result.progress.value).toBeCloseTo(0.5, 12);
    expect(result.lowerIsBetter).toBe(false);
  });

  it.each([
    [45, 0.75],
    [60, 0],
    [70, 0],
    [40, 1],
    [30, 1]
  ])(
    'measures lower-is-better goals (sales cycle 60 → 40 days) at %d days as %d',
    (days, expected) => {
      const kpis = kpisWith({ salesCycleDays: { ok: true, value: days } });
      const result = goalProgress(
        goal({ metric: 'Sales Cycle Days', baseline: 60, target: 40 }),
        kpis
      );
      expect(result.lowerIsBetter).toBe(true);
      expect(result.progress.ok && result.progress.value).toBeCloseTo(expected, 12);
    }
  );

  it('reads every metric in the unit the goal stores', () => {
    const kpis = kpisWith({
      winRateByCount: { ok: true, value: 0.25 },
      averageDealSize: { ok: true, value: 12000 },
      pipelineCoverage: { ok: true, value: 2.5 },
      salesCycleDays: { ok: true, value: 42 },
      closedWon: 90000
    });
    expect(metricValue('Win Rate', kpis)).toEqual({ ok: true, value: 25 });
    expect(metricValue('Average Deal Size', kpis)).toEqual({ ok: true, value: 12000 });
    expect(metricValue('Pipeline Coverage', kpis)).toEqual({ ok: true, value: 2.5 });
    expect(metricValue('Sales Cycle Days', kpis)).toEqual({ ok: true, value: 42 });
    expect(metricValue('Closed Won Amount', kpis)).toEqual({ ok: true, value: 90000 });
  });

  it('explains why a KPI goal cannot be measured', () => {
    expect(
      goalProgress(goal({ metric: 'Win Rate', baseline: 40, target: 40 }), NO_KPIS).progress
    ).toEqual({
      ok: false,
      reason: 'no-baseline-gap'
    });
    expect(
      goalProgress(goal({ metric: 'Win Rate', baseline: null, target: 40 }), NO_KPIS).progress
    ).toEqual({
      ok: false,
      reason: 'no-goal-values'
    });
    expect(
      goalProgress(goal({ metric: 'Win Rate', baseline: 20, target: 40 }), NO_KPIS).progress
    ).toEqual({
      ok: false,
      reason: 'no-closed-deals'
    });
    expect(
      goalProgress(goal({ metric: 'Closed Won Amount', baseline: 0, target: 40 }), null).progress
    ).toEqual({
      ok: false,
      reason: 'no-data'
    });
  });

  it('flags open goals past their target date only', () => {
    expect(isGoalPastTargetDate(goal({ targetDay: d('2025-02-14') }), TODAY)).toBe(true);
    expect(isGoalPastTargetDate(goal({ targetDay: d(TODAY) }), TODAY)).toBe(false);
    expect(
      isGoalPastTargetDate(goal({ targetDay: d('2025-01-01'), status: 'Achieved' }), TODAY)
    ).toBe(false);
    expect(
      isGoalPastTargetDate(goal({ targetDay: d('2025-01-01'), status: 'Deferred' }), TODAY)
    ).toBe(false);
    expect(isGoalPastTargetDate(goal({ targetDay: null }), TODAY)).toBe(false);
  });
});

describe('ratings', () => {
  it('rates higher-is-better and lower-is-better values, none when not computable', () => {
    expect(rateHigherIsBetter(0.3, 0.3, 0.2)).toBe('green');
    expect(rateHigherIsBetter({ ok: true, value: 0.25 }, 0.3, 0.2)).toBe('amber');
    expect(rateHigherIsBetter(0.1, 0.3, 0.2)).toBe('red');
    expect(rateHigherIsBetter({ ok: false, reason: 'no-target' }, 0.3, 0.2)).toBe('none');
    expect(rateHigherIsBetter(null, 0.3, 0.2)).toBe('none');
    expect(rateLowerIsBetter(7, 7, 14)).toBe('green');
    expect(rateLowerIsBetter(14, 7, 14)).toBe('amber');
    expect(rateLowerIsBetter(15, 7, 14)).toBe('red');
  });

  it('rates percent to plan against the elapsed part of the period', () => {
    expect(periodPace(Q1, '2025-02-14')).toBeCloseTo(45 / 90, 12);
    expect(periodPace(Q1, '2024-12-01')).toBe(0);
    expect(periodPace(Q1, '2025-05-01')).toBe(1);
    expect(ratePercentToPlan({ ok: true, value: 0.45 }, 0.5)).toBe('amber');
    expect(ratePercentToPlan({ ok: true, value: 0.5 }, 0.5)).toBe('green');
    expect(ratePercentToPlan({ ok: true, value: 0.39 }, 0.5)).toBe('red');
    expect(ratePercentToPlan({ ok: true, value: 0.95 })).toBe('amber');
    expect(ratePercentToPlan({ ok: false, reason: 'no-target' })).toBe('none');
  });

  it('rates coverage against the rep’s required coverage', () => {
    const required = { ok: true as const, value: 3 };
    expect(rateCoverage({ ok: true, value: 3.1 }, required)).toBe('green');
    expect(rateCoverage({ ok: true, value: 2.5 }, required)).toBe('amber');
    expect(rateCoverage({ ok: true, value: 2.3 }, required)).toBe('red');
    expect(rateCoverage({ ok: false, reason: 'target-met' }, required)).toBe('green');
    expect(rateCoverage({ ok: false, reason: 'no-target' }, required)).toBe('none');
    expect(rateCoverage({ ok: true, value: 2 }, { ok: false, reason: 'no-won-deals' })).toBe(
      'none'
    );
  });

  it('rates win rate, completion rate and 1:1 recency with the thresholds', () => {
    expect(rateWinRate({ ok: true, value: 0.31 })).toBe('green');
    expect(rateWinRate({ ok: true, value: 0.31 }, { winRateGreen: 0.4 })).toBe('amber');
    expect(rateCompletionRate({ ok: true, value: 0.5 })).toBe('red');
    expect(rateDaysSinceOneOnOne(null)).toBe('red');
    expect(rateDaysSinceOneOnOne(5)).toBe('green');
    expect(rateDaysSinceOneOnOne(10)).toBe('amber');
    expect(rateDaysSinceOneOnOne(20)).toBe('red');
  });
});

describe('early warnings', () => {
  const base = NO_KPIS as RepKpis;
  const rep = (repId: string, overrides: Partial<RepKpis>): RepKpis => ({
    ...base,
    repId,
    ...overrides
  });
  const cadence = (repId: string, days: number | null, overdue = 0): CadenceKpis => ({
    repId,
    completedInPeriod: 0,
    plannedInPeriod: 0,
    completionRate: { ok: false, reason: 'no-sessions' },
    lastOneOnOneDay: null,
    daysSinceLastOneOnOne: days,
    overdueCommitments: overdue
  });

  it('raises each warning with the number behind it, most urgent first', () => {
    const warnings = earlyWarnings({
      reps: [
        rep('A', {
          pipelineCoverage: { ok: true, value: 2 },
          requiredCoverage: { ok: true, value: 2.2 }
        }),
        rep('B', {
          pipelineCoverage: { ok: true, value: 1 },
          requiredCoverage: { ok: true, value: 3 }
        }),
        rep('C', {
          winRateByCount: { ok: true, value: 0.2 },
          previousWinRateByCount: { ok: true, value: 0.35 },
          hygiene: { pastCloseDate: 4, pushed: 0, staleInStage: 0, noRecentActivity: 0 }
        }),
        rep('D', {
          winRateByCount: { ok: true, value: 0.1 },
          previousWinRateByCount: { ok: true, value: 0.4 },
          hygiene: { pastCloseDate: 1, pushed: 3, staleInStage: 0, noRecentActivity: 0 }
        })
      ],
      cadence: [cadence('A', 10), cadence('B', 20), cadence('C', null), cadence('D', 40, 2)],
      goals: [
        goal({ id: 'g-late', repId: 'A', targetDay: d('2025-02-10') }),
        goal({ id: 'g-very-late', repId: 'B', targetDay: d('2024-12-01') }),
        goal({ id: 'g-done', repId: 'C', targetDay: d('2024-12-01'), status: 'Achieved' })
      ],
      today: TODAY
    });
    expect(warnings.map((w) => [w.code, w.severity, w.repId, w.value])).toEqual([
      ['coverage-below-required', 'high', 'B', 1],
      ['no-recent-one-on-one', 'high', 'C', null],
      ['no-recent-one-on-one', 'high', 'D', 40],
      ['win-rate-down', 'high', 'D', expect.closeTo(0.3, 12)],
      ['deals-slipping', 'high', 'C', 4],
      ['goal-past-target-date', 'high', 'B', 76],
      ['coverage-below-required', 'medium', 'A', 2],
      ['no-recent-one-on-one', 'medium', 'B', 20],
      ['win-rate-down', 'medium', 'C', expect.closeTo(0.15, 12)],
      ['deals-slipping', 'medium', 'D', 1],
      ['goal-past-target-date', 'medium', 'A', 5],
      ['overdue-commitments', 'low', 'D', 2]
    ]);
    expect(warnings[0].threshold).toBe(3);
    expect(
      warnings.find((w) => w.code === 'goal-past-target-date' && w.repId === 'A')?.goalId
    ).toBe('g-late');
  });

  it('follows the thresholds and stays quiet for healthy or unmeasurable reps', () => {
    const healthy = earlyWarnings({
      reps: [
        rep('A', {
          pipelineCoverage: { ok: true, value: 3 },
          requiredCoverage: { ok: true, value: 3 },
          winRateByCount: { ok: true, value: 0.3 },
          previousWinRateByCount: { ok: true, value: 0.35 }
        }),
        rep('B', { pipelineCoverage: { ok: false, reason: 'no-target' } })
      ],
      cadence: [cadence('A', 14), cadence('B', 3)],
      today: TODAY
    });
    expect(healthy).toEqual([]);
    const strict = earlyWarnings(
      { reps: [], cadence: [cadence('A', 14)], today: TODAY },
      { oneOnOneMaxDays: 7 }
    );
    expect(strict.map((w) => [w.code, w.severity])).toEqual([['no-recent-one-on-one', 'medium']]);
  });
});

describe('thresholds met exactly despite floating point', () => {
  const rep = (overrides: Partial<RepKpis>): RepKpis => ({
    ...(NO_KPIS as RepKpis),
    repId: 'A',
    ...overrides
  });
  const winRates = (previous: number, current: number) =>
    rep({
      previousWinRateByCount: { ok: true, value: previous },
      winRateByCount: { ok: true, value: current }
    });
  const winRateWarnings = (reps: RepKpis[], points?: number) =>
    earlyWarnings(
      { reps, today: TODAY },
      points === undefined ? undefined : { winRateDropPoints: points }
    )
      .filter((w) => w.code === 'win-rate-down')
      .map((w) => w.severity);

  it.each([
    [0.5, 0.4, ['medium']],
    [0.3, 0.2, ['medium']],
    [0.7, 0.6, ['medium']],
    [0.35, 0.25, ['medium']],
    [0.6, 0.4, ['high']],
    [0.3, 0.1, ['high']],
    [0.5, 0.41, []],
    [0.4, 0.4, []]
  ])('win rate %p → %p against the default 10 points warns %p', (previous, current, expected) => {
    // 0.5 − 0.4 is 0.0999… in floating point: a 10-point drop must still reach 0.1.
    expect(winRateWarnings([winRates(previous, current)])).toEqual(expected);
  });

  it('warns for a drop of exactly the threshold in whole points, for every rate and threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 50 }),
        (previousPoints, dropPoints, thresholdPoints) => {
          fc.pre(dropPoints <= previousPoints);
          const severities = winRateWarnings(
            [winRates(previousPoints / 100, (previousPoints - dropPoints) / 100)],
            thresholdPoints / 100
          );
          const expected =
            dropPoints === 0 || dropPoints < thresholdPoints
              ? []
              : dropPoints >= 2 * thresholdPoints
                ? ['high']
                : ['medium'];
          expect(severities).toEqual(expected);
        }
      ),
      { numRuns: 400 }
    );
  });

  it('compares win rates from counts exactly as the fractions compare', () => {
    // Counts up to 1000: distinct fractions differ by far more than the tolerance.
    const rate = fc
      .integer({ min: 1, max: 1000 })
      .chain((closed) => fc.tuple(fc.integer({ min: 0, max: closed }), fc.constant(closed)));
    fc.assert(
      fc.property(rate, rate, fc.integer({ min: 1, max: 50 }), ([pw, pc], [cw, cc], points) => {
        const severities = winRateWarnings([winRates(pw / pc, cw / cc)], points / 100);
        // drop ≥ points/100 ⇔ 100·(pw·cc − cw·pc) ≥ points·pc·cc, in integers.
        const scaledDrop = 100 * (pw * cc - cw * pc);
        const scale = pc * cc;
        const expected =
          scaledDrop <= 0 || scaledDrop < points * scale
            ? []
            : scaledDrop >= 2 * points * scale
              ? ['high']
              : ['medium'];
        expect(severities).toEqual(expected);
      }),
      { numRuns: 400 }
    );
  });

  it('treats coverage exactly at the required or amber level as reaching it', () => {
    // Win rate 30 %: required coverage 1 ÷ 0.3; 80 % of it is 80k of pipeline for a 30k gap.
    const required = { ok: true as const, value: 1 / 0.3 };
    const atAmber = { ok: true as const, value: 80000 / 30000 };
    const atRequired = { ok: true as const, value: 100000 / 30000 };
    expect(rateCoverage(atAmber, required)).toBe('amber');
    expect(rateCoverage(atRequired, required)).toBe('green');
    const coverage = (value: { ok: true; value: number }) =>
      earlyWarnings({
        reps: [rep({ pipelineCoverage: value, requiredCoverage: required })],
        today: TODAY
      }).map((w) => [w.code, w.severity]);
    expect(coverage(atAmber)).toEqual([['coverage-below-required', 'medium']]);
    expect(coverage(atRequired)).toEqual([]);
  });

  it('rates a value exactly at a threshold given in percent as reaching it', () => {
    // App Builder percent → fraction: 0.7 − 0.4 = 0.29999… must still be green at 30 %.
    expect(rateWinRate({ ok: true, value: 0.7 - 0.4 }, { winRateGreen: 0.3 })).toBe('green');
    expect(rateHigherIsBetter(0.3 - 0.1, 0.3, 0.2)).toBe('amber');
    expect(rateLowerIsBetter(0.1 + 0.2, 0.3, 0.5)).toBe('green');
  });
});
