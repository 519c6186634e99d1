import { readFileSync } from 'fs';
import { join } from 'path';
import {
  DEFAULT_THRESHOLDS,
  computeKpis,
  emptyHygiene,
  emptyPeriodSums,
  computable
} from 'c/coachingMetrics';
import {
  type ScorecardRow,
  planSnapshotWrite,
  resolvePeriod,
  sessionTypeForWarning,
  snapshotKey,
  sortRows,
  thresholdsFrom,
  trendChart,
  validateRange
} from '../scorecardModel';

function row(id: string, name: string, wonAmount: number, sessions = 0): ScorecardRow {
  const current = {
    ...emptyPeriodSums(),
    wonAmount,
    wonCount: wonAmount > 0 ? 1 : 0,
    closedCount: 1
  };
  return {
    id,
    name,
    teamSize: 1,
    kpis: computeKpis({
      current,
      previous: emptyPeriodSums(),
      lastYear: emptyPeriodSums(),
      hygiene: emptyHygiene(),
      target: wonAmount > 0 ? 100 : null
    }),
    sessions,
    daysSinceOneOnOne: null,
    repsWithoutOneOnOne: 1,
    completionRate: computable(1),
    overdueCommitments: 0,
    repsCoached: 0,
    goals: { total: 0, achieved: 0, pastTarget: 0 },
    isTeam: false
  };
}

const PERIOD = { start: '2026-10-01', end: '2026-12-31' };

describe('scorecardModel', () => {
  it('resolves the picker periods with the fiscal year start', () => {
    const fiscal = { fiscalYearStartMonth: 2 };
    expect(resolvePeriod('this-quarter', '2026-11-23', fiscal)).toMatchObject({
      start: '2026-11-01',
      end: '2027-01-31'
    });
    expect(resolvePeriod('last-fiscal-year', '2026-11-23', fiscal)).toMatchObject({
      start: '2025-02-01',
      end: '2026-01-31'
    });
    expect(resolvePeriod('custom', '2026-11-23', fiscal, '2026-12-01', '2026-11-01')).toBeNull();
    expect(resolvePeriod('custom', '2026-11-23', fiscal, '2026-11-01', '2026-11-01')).toEqual({
      start: '2026-11-01',
      end: '2026-11-01'
    });
  });

  it('validates custom ranges', () => {
    expect(validateRange(null, '2026-01-01')).toBe('missing');
    expect(validateRange('2026-02-01', '2026-01-01')).toBe('order');
    expect(validateRange('2026-01-01', '2026-01-01')).toBeNull();
  });

  it('turns App Builder percents into engine fractions and ignores junk', () => {
    expect(thresholdsFrom({ coverageAmberPercent: '70', daysWithoutOneOnOne: 7 } as never)).toEqual(
      {
        coverageAmberShare: 0.7
      }
    );
    expect(thresholdsFrom({ oneOnOneMaxDays: 7, winRateGreenPercent: 'x' })).toEqual({
      oneOnOneMaxDays: 7
    });
    expect(
      thresholdsFrom({ staleStageDays: '45', noActivityDays: 7, winRateDropPoints: 15 })
    ).toEqual({ staleStageDays: 45, noActivityDays: 7, winRateDropPoints: 0.15 });
    expect(thresholdsFrom({ staleStageDays: '', winRateDropPoints: -5 })).toEqual({});
  });

  it('sorts with values that cannot be computed last in both directions', () => {
    const rows = [row('1', 'A', 50), row('2', 'B', 0), row('3', 'C', 80)];
    expect(sortRows(rows, 'percentToPlan', 'desc').map((r) => r.name)).toEqual(['C', 'A', 'B']);
    expect(sortRows(rows, 'percentToPlan', 'asc').map((r) => r.name)).toEqual(['A', 'C', 'B']);
    expect(sortRows(rows, 'name', 'desc').map((r) => r.name)).toEqual(['C', 'B', 'A']);
  });

  it('plans a create, then an update of the same Period_Key__c', () => {
    const team = { ...row('m', 'Team', 130), isTeam: true, teamSize: 2 };
    const reps = [row('r1', 'A', 100), row('r2', 'B', 30)];
    const created = planSnapshotWrite('m', PERIOD, '2026-11-23', team, reps, [], []);
    expect(created.kind).toBe('create');
    if (created.kind !== 'create') return;
    expect(created.scorecard.Period_Key__c).toBe('m:2026-10-01:2026-12-31');
    expect(created.entries).toHaveLength(2);
    const saved = [
      {
        id: 's1',
        key: snapshotKey('m', PERIOD),
        start: PERIOD.start,
        end: PERIOD.end,
        snapshotDate: null,
        percentToPlan: null,
        winRate: null,
        sessions: null
      }
    ];
    const updated = planSnapshotWrite('m', PERIOD, '2026-11-23', team, reps, saved, [
      { id: 'e1', scorecardId: 's1', repId: 'r1' },
      { id: 'e9', scorecardId: 'other', repId: 'r2' }
    ]);
    expect(updated).toMatchObject({
      kind: 'update',
      scorecardId: 's1',
      updates: [{ Id: 'e1' }],
      creates: [{ Manager_Scorecard__c: 's1', Rep__c: 'r2' }]
    });
  });

  it('draws trend series oldest first on their axes', () => {
    const chart = trendChart([
      {
        id: 'b',
        key: null,
        start: '2026-07-01',
        end: '2026-09-30',
        snapshotDate: null,
        percentToPlan: 50,
        winRate: 25,
        sessions: 4
      },
      {
        id: 'a',
        key: null,
        start: '2026-04-01',
        end: '2026-06-30',
        snapshotDate: null,
        percentToPlan: 100,
        winRate: null,
        sessions: 2
      }
    ]);
    expect(chart.ticks.map((tick) => tick.label)).toEqual(['2026-04', '2026-07']);
    const percent = chart.series.find((series) => series.key === 'percentToPlan');
    expect(percent?.points[0].y).toBeLessThan(percent?.points[1].y ?? 0);
    const winRate = chart.series.find((series) => series.key === 'winRate');
    expect(winRate?.path.startsWith('M')).toBe(true);
    expect(winRate?.path).not.toContain('L');
  });

  it.each([
    ['no-recent-one-on-one', 'One-on-One'],
    ['overdue-commitments', 'One-on-One'],
    ['goal-past-target-date', 'One-on-One'],
    ['deals-slipping', 'Deal Review'],
    ['win-rate-down', 'Deal Review'],
    ['coverage-below-required', 'Pipeline Review']
  ] as const)('a %s warning opens a %s session', (code, type) => {
    expect(sessionTypeForWarning(code)).toBe(type);
  });

  it('exposes the thresholds in App Builder with the engine’s defaults', () => {
    const meta = readFileSync(join(__dirname, '..', 'managerScorecard.js-meta.xml'), 'utf8');
    const defaults: Record<string, string> = {};
    for (const match of meta.matchAll(/<property\s([^>]*?)\/>/g)) {
      const name = /name="([^"]+)"/.exec(match[1])?.[1];
      const value = /default="([^"]+)"/.exec(match[1])?.[1];
      expect(/description="[^"]+"/.test(match[1])).toBe(true);
      if (name && value !== undefined) defaults[name] = value;
    }
    const thresholds = thresholdsFrom({
      coverageAmberPercent: defaults.coverageAmberPercent,
      oneOnOneMaxDays: defaults.daysWithoutOneOnOne,
      winRateGreenPercent: defaults.winRateGreenPercent,
      winRateAmberPercent: defaults.winRateAmberPercent,
      staleStageDays: defaults.staleStageDays,
      noActivityDays: defaults.noActivityDays,
      winRateDropPoints: defaults.winRateDropPoints
    });
    expect(Object.keys(thresholds).sort()).toEqual(
      [
        'coverageAmberShare',
        'noActivityDays',
        'oneOnOneMaxDays',
        'staleStageDays',
        'winRateAmber',
        'winRateDropPoints',
        'winRateGreen'
      ].sort()
    );
    for (const [key, value] of Object.entries(thresholds))
      expect(value).toBeCloseTo(DEFAULT_THRESHOLDS[key as keyof typeof DEFAULT_THRESHOLDS], 12);
  });
});
