/**
 * Pure model of the manager scorecard: periods from the picker, rows (reps or teams) with
 * their ratings, sorting, early-warning view models, the drill-down history, snapshot records
 * and the trend chart geometry. No platform imports, so it is tested without a DOM.
 */
import type { RecordFields, WriteStep } from 'c/formSupport';
import {
  type CadenceKpis,
  type CadenceTotals,
  type EarlyWarning,
  type GoalCounts,
  type GoalFact,
  type Kpis,
  type Rating,
  type RepKpis,
  type TeamKpis,
  type Thresholds,
  type UserFact,
  type WarningCode,
  ONE_ON_ONE,
  computeKpis,
  computeTeamKpis,
  isGoalPastTargetDate,
  GOAL_STATUS,
  periodPace,
  rateCompletionRate,
  rateCoverage,
  rateDaysSinceOneOnOne,
  ratePercentToPlan,
  rateWinRate,
  ratioValue,
  sumCadence,
  targetsByOwner,
  type OwnerAggregates,
  ownerSumsFromAggregates,
  type TerritoryPlanFact
} from 'c/coachingMetrics';
import {
  type FiscalSettings,
  type IsoDate,
  type Period,
  compareIsoDates,
  isIsoDate,
  lastFiscalYear,
  lastNQuarters,
  lastQuarter,
  thisFiscalYear,
  thisQuarter
} from 'c/periods';

// ---- Periods ----------------------------------------------------------------------------------

export type PeriodOption =
  'this-quarter' | 'last-quarter' | 'this-fiscal-year' | 'last-fiscal-year' | 'custom';

/** App Builder's "default period" values → picker options. */
export const DEFAULT_PERIOD_VALUES: Readonly<Record<string, PeriodOption>> = {
  'This Quarter': 'this-quarter',
  'Last Quarter': 'last-quarter',
  'This Fiscal Year': 'this-fiscal-year',
  'Last Fiscal Year': 'last-fiscal-year'
};

export function periodOptionOf(value: unknown): PeriodOption {
  if (typeof value !== 'string') return 'this-quarter';
  return DEFAULT_PERIOD_VALUES[value] ?? 'this-quarter';
}

export function fiscalSettingsOf(month: unknown): FiscalSettings {
  const value = typeof month === 'string' ? Number(month) : month;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 12
    ? { fiscalYearStartMonth: value }
    : { fiscalYearStartMonth: 1 };
}

export type RangeProblem = 'missing' | 'order' | null;

/** A custom range needs both dates and start ≤ end. */
export function validateRange(start: unknown, end: unknown): RangeProblem {
  if (!isIsoDate(start) || !isIsoDate(end)) return 'missing';
  return compareIsoDates(start, end) > 0 ? 'order' : null;
}

export function resolvePeriod(
  option: PeriodOption,
  today: IsoDate,
  fiscal: FiscalSettings,
  customStart?: string | null,
  customEnd?: string | null
): Period | null {
  switch (option) {
    case 'this-quarter':
      return thisQuarter(today, fiscal);
    case 'last-quarter':
      return lastQuarter(today, fiscal);
    case 'this-fiscal-year':
      return thisFiscalYear(today, fiscal);
    case 'last-fiscal-year':
      return lastFiscalYear(today, fiscal);
    default:
      if (validateRange(customStart, customEnd) !== null) return null;
      return { start: customStart as IsoDate, end: customEnd as IsoDate };
  }
}

/** The quarters of the drill-down, oldest first, ending with the quarter of today. */
export function historyQuarters(today: IsoDate, fiscal: FiscalSettings, count = 8): Period[] {
  return lastNQuarters(today, count, fiscal);
}

// ---- Thresholds from App Builder ------------------------------------------------------------

export interface ScorecardSettings {
  coverageAmberPercent?: number | string | null;
  oneOnOneMaxDays?: number | string | null;
  winRateGreenPercent?: number | string | null;
  winRateAmberPercent?: number | string | null;
  staleStageDays?: number | string | null;
  noActivityDays?: number | string | null;
  /** Percentage points: 10 means a drop from 40 % to 30 % warns. */
  winRateDropPoints?: number | string | null;
}

function numberSetting(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** App Builder settings (percent and days) → engine thresholds (fractions and days). */
export function thresholdsFrom(settings: ScorecardSettings): Partial<Thresholds> {
  const result: Partial<Thresholds> = {};
  const amber = numberSetting(settings.coverageAmberPercent);
  if (amber !== null) result.coverageAmberShare = amber / 100;
  const days = numberSetting(settings.oneOnOneMaxDays);
  if (days !== null) result.oneOnOneMaxDays = days;
  const green = numberSetting(settings.winRateGreenPercent);
  if (green !== null) result.winRateGreen = green / 100;
  const winAmber = numberSetting(settings.winRateAmberPercent);
  if (winAmber !== null) result.winRateAmber = winAmber / 100;
  const stale = numberSetting(settings.staleStageDays);
  if (stale !== null) result.staleStageDays = stale;
  const quiet = numberSetting(settings.noActivityDays);
  if (quiet !== null) result.noActivityDays = quiet;
  const drop = numberSetting(settings.winRateDropPoints);
  if (drop !== null) result.winRateDropPoints = drop / 100;
  return result;
}

// ---- Rows ---------------------------------------------------------------------------------------

export interface ScorecardRow {
  id: string;
  name: string;
  /** Team rows of the roll-up: number of reps. */
  teamSize: number;
  kpis: Kpis;
  sessions: number;
  /** Rep rows: days since the last One-on-One (null = never). Team rows: null. */
  daysSinceOneOnOne: number | null;
  /** Team rows: reps without a One-on-One within the threshold. */
  repsWithoutOneOnOne: number;
  completionRate: CadenceTotals['completionRate'];
  overdueCommitments: number;
  repsCoached: number;
  goals: GoalCounts;
  isTeam: boolean;
}

/** Goal counts by rep from goal records (each rep in `goals` gets an entry). */
export function goalCounts(goals: readonly GoalFact[], today: IsoDate): Map<string, GoalCounts> {
  const counts = new Map<string, GoalCounts>();
  for (const goal of goals) {
    const entry = counts.get(goal.repId) ?? { total: 0, achieved: 0, pastTarget: 0 };
    entry.total += 1;
    if (goal.status === GOAL_STATUS.achieved) entry.achieved += 1;
    if (isGoalPastTargetDate(goal, today)) entry.pastTarget += 1;
    counts.set(goal.repId, entry);
  }
  return counts;
}

function addGoalCounts(a: GoalCounts, b: GoalCounts): GoalCounts {
  return {
    total: a.total + b.total,
    achieved: a.achieved + b.achieved,
    pastTarget: a.pastTarget + b.pastTarget
  };
}

const NO_GOALS: GoalCounts = Object.freeze({ total: 0, achieved: 0, pastTarget: 0 });

export interface RowInputs {
  reps: readonly RepKpis[];
  cadence: readonly CadenceKpis[];
  /** Goal counts by rep (see goalCounts, or the org's aggregates). */
  goals: ReadonlyMap<string, GoalCounts>;
  names: ReadonlyMap<string, string>;
  today: IsoDate;
  thresholds: Partial<Thresholds>;
}

export function repRows(inputs: RowInputs): ScorecardRow[] {
  const cadenceByRep = new Map(inputs.cadence.map((row) => [row.repId, row]));
  return inputs.reps.map((rep) => {
    const cadence = cadenceByRep.get(rep.repId);
    const totals = sumCadence(cadence ? [cadence] : [], inputs.thresholds);
    return {
      id: rep.repId,
      name: inputs.names.get(rep.repId) ?? rep.repId,
      teamSize: 1,
      kpis: rep,
      sessions: totals.completed,
      daysSinceOneOnOne: cadence?.daysSinceLastOneOnOne ?? null,
      repsWithoutOneOnOne: totals.repsWithoutRecentOneOnOne,
      completionRate: totals.completionRate,
      overdueCommitments: totals.overdueCommitments,
      repsCoached: totals.repsCoached,
      goals: inputs.goals.get(rep.repId) ?? NO_GOALS,
      isTeam: false
    };
  });
}

/** One row for a set of reps: KPIs recomputed from summed inputs, cadence summed. */
export function teamRow(
  id: string,
  name: string,
  reps: readonly RepKpis[],
  inputs: Omit<RowInputs, 'reps' | 'names'>
): ScorecardRow & { team: TeamKpis } {
  const team = computeTeamKpis(id, reps);
  const repIds = new Set(team.repIds);
  const totals = sumCadence(
    inputs.cadence.filter((row) => repIds.has(row.repId)),
    inputs.thresholds
  );
  let goals: GoalCounts = NO_GOALS;
  for (const repId of repIds) goals = addGoalCounts(goals, inputs.goals.get(repId) ?? NO_GOALS);
  return {
    id,
    name,
    teamSize: reps.length,
    kpis: team,
    team,
    sessions: totals.completed,
    daysSinceOneOnOne: null,
    repsWithoutOneOnOne: totals.repsWithoutRecentOneOnOne,
    completionRate: totals.completionRate,
    overdueCommitments: totals.overdueCommitments,
    repsCoached: totals.repsCoached,
    goals,
    isTeam: true
  };
}

/** Manager of managers: one row per direct report who manages reps, with their team's totals. */
export function managerRows(
  reps: readonly RepKpis[],
  users: readonly UserFact[],
  managers: readonly { id: string; name: string }[],
  inputs: Omit<RowInputs, 'reps' | 'names'>
): ScorecardRow[] {
  const managerOf = new Map(users.map((user) => [user.id, user.managerId]));
  return managers.map((manager) =>
    teamRow(
      manager.id,
      manager.name,
      reps.filter((rep) => managerOf.get(rep.repId) === manager.id),
      inputs
    )
  );
}

// ---- Ratings ------------------------------------------------------------------------------------

export interface RowRatings {
  percentToPlan: Rating;
  winRate: Rating;
  coverage: Rating;
  oneOnOne: Rating;
  completionRate: Rating;
}

export function rateRow(
  row: ScorecardRow,
  period: Period,
  today: IsoDate,
  thresholds: Partial<Thresholds>
): RowRatings {
  const { kpis } = row;
  let oneOnOne: Rating;
  if (row.isTeam) {
    oneOnOne =
      row.teamSize === 0
        ? 'none'
        : row.repsWithoutOneOnOne === 0
          ? 'green'
          : row.repsWithoutOneOnOne * 2 <= row.teamSize
            ? 'amber'
            : 'red';
  } else {
    oneOnOne = rateDaysSinceOneOnOne(row.daysSinceOneOnOne, thresholds);
  }
  return {
    percentToPlan: ratePercentToPlan(kpis.percentToPlan, periodPace(period, today), thresholds),
    winRate: rateWinRate(kpis.winRateByCount, thresholds),
    coverage: rateCoverage(kpis.pipelineCoverage, kpis.requiredCoverage, thresholds),
    oneOnOne,
    completionRate: rateCompletionRate(row.completionRate, thresholds)
  };
}

// ---- Sorting --------------------------------------------------------------------------------------

export type SortKey =
  | 'name'
  | 'closedWon'
  | 'target'
  | 'percentToPlan'
  | 'growth'
  | 'winRate'
  | 'pipeline'
  | 'coverage'
  | 'averageDealSize'
  | 'salesCycle'
  | 'sessions'
  | 'oneOnOne'
  | 'completionRate'
  | 'overdue'
  | 'goals';

export const SORT_KEYS: readonly SortKey[] = [
  'name',
  'closedWon',
  'target',
  'percentToPlan',
  'growth',
  'winRate',
  'pipeline',
  'coverage',
  'averageDealSize',
  'salesCycle',
  'sessions',
  'oneOnOne',
  'completionRate',
  'overdue',
  'goals'
];

export function isSortKey(value: unknown): value is SortKey {
  return typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value);
}

export type SortDirection = 'asc' | 'desc';

function sortValue(row: ScorecardRow, key: SortKey): number | string | null {
  const { kpis } = row;
  switch (key) {
    case 'name':
      return row.name.toLowerCase();
    case 'closedWon':
      return kpis.closedWon;
    case 'target':
      return kpis.target;
    case 'percentToPlan':
      return ratioValue(kpis.percentToPlan);
    case 'growth':
      return ratioValue(kpis.growth);
    case 'winRate':
      return ratioValue(kpis.winRateByCount);
    case 'pipeline':
      return kpis.openPipeline;
    case 'coverage':
      return ratioValue(kpis.pipelineCoverage);
    case 'averageDealSize':
      return ratioValue(kpis.averageDealSize);
    case 'salesCycle':
      return ratioValue(kpis.salesCycleDays);
    case 'sessions':
      return row.sessions;
    case 'oneOnOne':
      // Never had one sorts as the longest wait.
      return row.isTeam
        ? row.repsWithoutOneOnOne
        : (row.daysSinceOneOnOne ?? Number.MAX_SAFE_INTEGER);
    case 'completionRate':
      return ratioValue(row.completionRate);
    case 'overdue':
      return row.overdueCommitments;
    default:
      return row.goals.achieved;
  }
}

/** Sorted copy; values that cannot be computed go last in either direction. */
export function sortRows(
  rows: readonly ScorecardRow[],
  key: SortKey,
  direction: SortDirection
): ScorecardRow[] {
  const factor = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const order =
      typeof va === 'string' && typeof vb === 'string'
        ? va.localeCompare(vb)
        : (va as number) - (vb as number);
    return order * factor || a.name.localeCompare(b.name);
  });
}

// ---- Warnings -------------------------------------------------------------------------------------

/** The number behind a warning, formatted for its kind. */
export function warningValueText(
  warning: EarlyWarning,
  format: { percent(v: number): string; multiple(v: number): string; number(v: number): string }
): { value: string; threshold: string } {
  switch (warning.code) {
    case 'coverage-below-required':
      return {
        value: format.multiple(warning.value ?? 0),
        threshold: format.multiple(warning.threshold)
      };
    case 'win-rate-down':
      return {
        value: format.percent(warning.value ?? 0),
        threshold: format.percent(warning.threshold)
      };
    default:
      return {
        value: warning.value === null ? '' : format.number(warning.value),
        threshold: format.number(warning.threshold)
      };
  }
}

export const DEAL_REVIEW = 'Deal Review';
export const PIPELINE_REVIEW = 'Pipeline Review';

/**
 * The session a warning's "Log session" opens: the kind that answers it. Only a completed
 * One-on-One clears the cadence warning; commitments and goals are followed up one-on-one; deal
 * and win-rate problems are worked deal by deal; thin coverage is a pipeline conversation.
 */
export function sessionTypeForWarning(code: WarningCode): string {
  switch (code) {
    case 'coverage-below-required':
      return PIPELINE_REVIEW;
    case 'win-rate-down':
    case 'deals-slipping':
      return DEAL_REVIEW;
    default:
      return ONE_ON_ONE;
  }
}

// ---- Drill-down history ----------------------------------------------------------------------------

export interface QuarterKpis {
  period: Period;
  kpis: Kpis;
}

/** One aggregate window per quarter → the rep's KPIs for each quarter, targets from plans. */
export function quarterHistory(
  repId: string,
  quarters: readonly Period[],
  windows: readonly OwnerAggregates['current'][],
  plans: readonly TerritoryPlanFact[]
): QuarterKpis[] {
  return quarters.map((period, index) => {
    const [sums] = ownerSumsFromAggregates(
      { current: windows[index] ?? [], previous: [], lastYear: [] },
      [repId]
    );
    const target = targetsByOwner(plans, period).get(repId) ?? null;
    return {
      period,
      kpis: computeKpis({
        current: sums.current,
        previous: sums.previous,
        lastYear: sums.lastYear,
        hygiene: sums.hygiene,
        target
      })
    };
  });
}

// ---- Snapshots ------------------------------------------------------------------------------------

/**
 * The currency a saved scorecard records: its figures are aggregates, so in a multi-currency
 * org the corporate currency (CurrencyIsoCode; entries, detail records, follow it). Null when
 * the org has several currencies but the corporate one cannot be read: a snapshot would then
 * default to the user's currency and mislabel its figures, so it is not saved.
 */
export function snapshotCurrencyFields(currency: {
  multiCurrency: boolean;
  corporate: string | null;
}): Record<string, string> | null {
  if (!currency.multiCurrency) return {};
  return currency.corporate ? { CurrencyIsoCode: currency.corporate } : null;
}

/** Manager_Scorecard__c.Period_Key__c: '<ManagerId>:<start>:<end>'. */
export function snapshotKey(managerId: string, period: Period): string {
  return `${managerId}:${period.start}:${period.end}`;
}

/** Percent fields store percent (0–100), rounded to the field's scale. */
function percentField(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

function rounded(value: number | null, digits: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The figure fields shared by Manager_Scorecard__c and Scorecard_Entry__c. */
export function figureFields(row: ScorecardRow): Record<string, number | null> {
  const { kpis } = row;
  return {
    Target_Amount__c: rounded(kpis.target, 2),
    Closed_Won_Amount__c: rounded(kpis.closedWon, 2),
    Percent_To_Plan__c: percentField(ratioValue(kpis.percentToPlan)),
    Win_Rate__c: percentField(ratioValue(kpis.winRateByCount)),
    Open_Pipeline__c: rounded(kpis.openPipeline, 2),
    Pipeline_Coverage__c: rounded(ratioValue(kpis.pipelineCoverage), 2),
    Average_Deal_Size__c: rounded(ratioValue(kpis.averageDealSize), 2),
    Average_Sales_Cycle_Days__c: rounded(ratioValue(kpis.salesCycleDays), 1),
    Growth__c: percentField(ratioValue(kpis.growth)),
    Coaching_Sessions__c: row.sessions,
    Session_Completion_Rate__c: percentField(ratioValue(row.completionRate)),
    Goals_Achieved__c: row.goals.achieved
  };
}

export function scorecardFields(
  managerId: string,
  period: Period,
  today: IsoDate,
  team: ScorecardRow,
  name?: string
): Record<string, unknown> {
  return {
    ...(name ? { Name: name.slice(0, 80) } : {}),
    Manager__c: managerId,
    Period_Start__c: period.start,
    Period_End__c: period.end,
    Period_Key__c: snapshotKey(managerId, period),
    Snapshot_Date__c: today,
    Team_Size__c: team.teamSize,
    Reps_Coached__c: team.repsCoached,
    ...figureFields(team)
  };
}

export function entryFields(
  scorecardId: string | null,
  row: ScorecardRow
): Record<string, unknown> {
  return {
    ...(scorecardId === null ? {} : { Manager_Scorecard__c: scorecardId }),
    Rep__c: row.id,
    ...figureFields(row)
  };
}

export interface SavedSnapshot {
  id: string;
  key: string | null;
  start: IsoDate;
  end: IsoDate;
  snapshotDate: IsoDate | null;
  /** Percent values as stored (0–100). */
  percentToPlan: number | null;
  winRate: number | null;
  sessions: number | null;
}

export interface SavedEntry {
  id: string;
  scorecardId: string;
  repId: string;
}

export type WritePlan =
  | { kind: 'create'; scorecard: Record<string, unknown>; entries: Record<string, unknown>[] }
  | {
      kind: 'update';
      scorecardId: string;
      scorecard: Record<string, unknown>;
      updates: Record<string, unknown>[];
      creates: Record<string, unknown>[];
    };

/**
 * What "Save snapshot" writes: a new scorecard with one entry per rep, or — when a snapshot
 * with the same Period_Key__c exists — an update of it and of its entries (entries for reps
 * new to the team are created).
 */
export function planSnapshotWrite(
  managerId: string,
  period: Period,
  today: IsoDate,
  team: ScorecardRow,
  reps: readonly ScorecardRow[],
  saved: readonly SavedSnapshot[],
  entries: readonly SavedEntry[],
  name?: string
): WritePlan {
  const key = snapshotKey(managerId, period);
  const scorecard = scorecardFields(managerId, period, today, team, name);
  const existing = saved.find((snapshot) => snapshot.key === key);
  if (!existing) {
    return { kind: 'create', scorecard, entries: reps.map((row) => entryFields(null, row)) };
  }
  const entryByRep = new Map(
    entries.filter((entry) => entry.scorecardId === existing.id).map((e) => [e.repId, e.id])
  );
  const updates: Record<string, unknown>[] = [];
  const creates: Record<string, unknown>[] = [];
  for (const row of reps) {
    const entryId = entryByRep.get(row.id);
    if (entryId) {
      const { Rep__c: _rep, ...fields } = entryFields(null, row);
      updates.push({ Id: entryId, ...fields });
    } else creates.push(entryFields(existing.id, row));
  }
  return { kind: 'update', scorecardId: existing.id, scorecard, updates, creates };
}

// ---- Trend chart ------------------------------------------------------------------------------------

export interface TrendSeries {
  key: 'percentToPlan' | 'winRate' | 'sessions';
  points: { x: number; y: number; value: number | null }[];
  path: string;
}

export interface TrendChart {
  width: number;
  height: number;
  ticks: { x: number; label: string }[];
  percentMax: number;
  sessionsMax: number;
  series: TrendSeries[];
}

/**
 * Geometry of the trend across saved snapshots, oldest first: percent to plan and win rate on
 * a percent axis (left), coaching sessions on a count axis (right).
 */
export function trendChart(
  snapshots: readonly SavedSnapshot[],
  width = 560,
  height = 200,
  padding = 32
): TrendChart {
  const ordered = [...snapshots].sort((a, b) => compareIsoDates(a.start, b.start));
  const percentMax = Math.max(
    100,
    ...ordered.map((s) => Math.max(s.percentToPlan ?? 0, s.winRate ?? 0))
  );
  const sessionsMax = Math.max(1, ...ordered.map((s) => s.sessions ?? 0));
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  const xOf = (i: number) =>
    padding + (ordered.length <= 1 ? innerW / 2 : (i * innerW) / (ordered.length - 1));
  const yOf = (value: number, max: number) => padding + innerH - (value / max) * innerH;
  const build = (
    key: TrendSeries['key'],
    read: (s: SavedSnapshot) => number | null,
    max: number
  ) => {
    const points = ordered.map((snapshot, i) => {
      const value = read(snapshot);
      return { x: round1(xOf(i)), y: round1(yOf(value ?? 0, max)), value };
    });
    const path = points
      .filter((p) => p.value !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
      .join(' ');
    return { key, points, path };
  };
  return {
    width,
    height,
    ticks: ordered.map((s, i) => ({ x: round1(xOf(i)), label: s.start.slice(0, 7) })),
    percentMax,
    sessionsMax,
    series: [
      build('percentToPlan', (s) => s.percentToPlan, percentMax),
      build('winRate', (s) => s.winRate, percentMax),
      build('sessions', (s) => s.sessions, sessionsMax)
    ]
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

// ---- Saving a snapshot, all or nothing --------------------------------------------------------------

/** A saved record's fields as the snapshots query reads them ({ value } per field). */
export interface SavedFields {
  Id: string;
  [field: string]: unknown;
}

function savedValue(node: SavedFields | undefined, field: string): unknown {
  const entry = node?.[field];
  return entry && typeof entry === 'object' && 'value' in entry ? entry.value : undefined;
}

/** The values a saved record had in the fields an update writes (only those the query read). */
function restoreOf(node: SavedFields | undefined, fields: Record<string, unknown>): RecordFields {
  const restore: RecordFields = {};
  for (const field of Object.keys(fields)) {
    if (field === 'Id') continue;
    const value = savedValue(node, field);
    if (value !== undefined) restore[field] = value;
  }
  return restore;
}

/**
 * A snapshot write as one save (saveAll): the scorecard, then its entries, one request after the
 * other. A new snapshot's entries point at the scorecard just created; an update carries the
 * values the saved scorecard and entries had, so that if a later write fails every earlier one
 * is undone (created records deleted, updated ones put back) and no half snapshot stays.
 */
export function snapshotSteps(
  plan: WritePlan,
  saved: { scorecard: SavedFields | null; entries: readonly SavedFields[] }
): WriteStep[] {
  if (plan.kind === 'create') {
    return [
      { action: 'create', apiName: 'Manager_Scorecard__c', fields: plan.scorecard },
      ...plan.entries.map((entry): WriteStep => ({
        action: 'create',
        apiName: 'Scorecard_Entry__c',
        fields: ([scorecard]) => ({ ...entry, Manager_Scorecard__c: scorecard.id })
      }))
    ];
  }
  const entries = new Map(saved.entries.map((node) => [node.Id, node]));
  return [
    {
      action: 'update',
      fields: { ...plan.scorecard, Id: plan.scorecardId },
      restore: restoreOf(saved.scorecard ?? undefined, plan.scorecard)
    },
    ...plan.updates.map((fields): WriteStep => ({
      action: 'update',
      fields: { ...fields, Id: String(fields.Id) },
      restore: restoreOf(entries.get(String(fields.Id)), fields)
    })),
    ...plan.creates.map((fields): WriteStep => ({
      action: 'create',
      apiName: 'Scorecard_Entry__c',
      fields
    }))
  ];
}
