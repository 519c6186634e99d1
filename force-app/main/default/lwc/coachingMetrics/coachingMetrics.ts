/**
 * The KPI engine: every KPI of the product, per rep, per team and rolled up per manager of
 * managers, computed from plain data.
 *
 * Two input routes meet in one place, the per-owner sums (`OwnerSums`):
 *  - records: OpportunityFact[] → sumByOwner (one pass, numeric epoch-day compares) → OwnerSums
 *  - aggregates: rows per owner from aggregate GraphQL queries → ownerSumsFromAggregates → OwnerSums
 * and OwnerSums → computeKpis. Team and roll-up figures are computed from summed numerators and
 * denominators (never averaged ratios), so a team equals the sum of its reps and a roll-up of
 * roll-ups equals the roll-up of all reps.
 *
 * Nothing here returns NaN or Infinity: a ratio that cannot be computed is a `Ratio` with
 * `ok: false` and a reason the component can explain.
 */
import {
  type EpochDay,
  type IsoDate,
  type Period,
  previousPeriod,
  samePeriodLastYear,
  toDayRange,
  toEpochDay
} from 'c/periods';

// ---------------------------------------------------------------------------------------------
// Ratios that may not be computable
// ---------------------------------------------------------------------------------------------

export type NotComputableReason =
  /** Win rate: nothing closed in the period. */
  | 'no-closed-deals'
  /** Average deal size, sales cycle, required coverage: nothing won. */
  | 'no-won-deals'
  /** Percent to plan, coverage: no active territory plan, or a zero target. */
  | 'no-target'
  /** Coverage: closed won already meets the target, there is no gap to cover. */
  | 'target-met'
  /** Growth: nothing closed won in the same period a year earlier. */
  | 'no-prior-value'
  /** Completion rate: no planned or completed session in the period. */
  | 'no-sessions'
  /** Goal: the KPI link has no baseline or no target value. */
  | 'no-goal-values'
  /** Goal: baseline equals target, so progress has no scale. */
  | 'no-baseline-gap'
  /** Goal: manual goal without a progress value (or a field the user cannot see). */
  | 'no-progress'
  /** A value needed for the ratio is unavailable (e.g. hidden by field-level security). */
  | 'no-data';

export type Ratio = { ok: true; value: number } | { ok: false; reason: NotComputableReason };

export function computable(value: number): Ratio {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'no-data' };
}

export function notComputable(reason: NotComputableReason): Ratio {
  return { ok: false, reason };
}

/** numerator ÷ denominator, or `reason` when the denominator is zero. */
export function divide(numerator: number, denominator: number, reason: NotComputableReason): Ratio {
  if (denominator === 0) return { ok: false, reason };
  const value = numerator / denominator;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'no-data' };
}

/** The value, or `fallback` when not computable (for sorting and charts). */
export function ratioValue(ratio: Ratio, fallback: number | null = null): number | null {
  return ratio.ok ? ratio.value : fallback;
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

// ---------------------------------------------------------------------------------------------
// Engine inputs
// ---------------------------------------------------------------------------------------------

/** One opportunity, normalised once: dates are epoch days, amounts numbers or null. */
export interface OpportunityFact {
  id: string;
  ownerId: string;
  accountId: string | null;
  amount: number | null;
  stage: string;
  /** 0–100, as Opportunity.Probability. */
  probability: number | null;
  isClosed: boolean;
  isWon: boolean;
  closeDay: EpochDay;
  createdDay: EpochDay;
  pushCount: number;
  lastStageChangeDay: EpochDay | null;
  lastActivityDay: EpochDay | null;
}

/**
 * Facts and the owners to report on, in order: owners without any fact get zero sums, owners
 * found only in the facts are appended in order of appearance. `columns`, when the normaliser
 * built them as it read the records (FactColumnsBuilder), let the KPIs read numbers in input
 * order instead of objects and owner ids; without them sumByOwner makes one pass over the facts.
 */
export interface OpportunityFactSet {
  facts: readonly OpportunityFact[];
  ownerIds: readonly string[];
  columns?: FactColumns;
}

/** The facts as numbers, in input order (column i describes facts[i]). */
export interface FactColumns {
  /** Index in the set's ownerIds. */
  ownerIndex: Int32Array;
  closeDays: Int32Array;
  /** 0 open, 1 lost, 2 won. */
  status: Uint8Array;
  /** Amount, null as 0. */
  amounts: Float64Array;
  /** Amount × Probability / 100 of open deals (ExpectedRevenue); 0 otherwise. */
  weighted: Float64Array;
  /** CloseDate − CreatedDate in days. */
  cycleDays: Int32Array;
  pushCounts: Int32Array;
  /** LastStageChangeDate, else CreatedDate. */
  stageDays: Int32Array;
  /** LastActivityDate; NO_ACTIVITY when never (older than any cut-off). */
  activityDays: Int32Array;
}

const STATUS_OPEN = 0;
const STATUS_LOST = 1;
const STATUS_WON = 2;
/** Stands for "never" in activityDays: before every real day. */
const NO_ACTIVITY = -2147483648;

/**
 * Columns appended fact by fact, inside the loop that normalises the records (it touches every
 * field already): the KPIs then need no pass of their own to prepare anything.
 */
export class FactColumnsBuilder {
  private readonly ownerIds: string[];
  private readonly lookup = new Map<string, number>();
  private size = 0;
  private columns: FactColumns;
  private lastOwner: string | null = null;
  private lastIndex = -1;

  /** `capacity`: how many facts are coming, when known (the connection's nodes). */
  constructor(ownerIds: readonly string[] = [], capacity = 1024) {
    this.columns = emptyColumns(Math.max(capacity, 16));
    this.ownerIds = [...ownerIds];
    this.ownerIds.forEach((id, index) => this.lookup.set(id, index));
  }

  add(fact: OpportunityFact): void {
    if (this.size === this.columns.closeDays.length) this.columns = grow(this.columns);
    const c = this.columns;
    const at = this.size++;
    if (fact.ownerId !== this.lastOwner) {
      let index = this.lookup.get(fact.ownerId);
      if (index === undefined) {
        index = this.ownerIds.length;
        this.ownerIds.push(fact.ownerId);
        this.lookup.set(fact.ownerId, index);
      }
      this.lastOwner = fact.ownerId;
      this.lastIndex = index;
    }
    const amount = fact.amount ?? 0;
    c.ownerIndex[at] = this.lastIndex;
    c.closeDays[at] = fact.closeDay;
    c.amounts[at] = amount;
    c.cycleDays[at] = fact.closeDay - fact.createdDay;
    if (fact.isWon) c.status[at] = STATUS_WON;
    else if (fact.isClosed) c.status[at] = STATUS_LOST;
    else {
      c.status[at] = STATUS_OPEN;
      c.weighted[at] = fact.probability === null ? 0 : (amount * fact.probability) / 100;
      c.pushCounts[at] = fact.pushCount;
      c.stageDays[at] = fact.lastStageChangeDay ?? fact.createdDay;
      c.activityDays[at] = fact.lastActivityDay ?? NO_ACTIVITY;
    }
  }

  /** The set of the facts added (in the order added), with their columns. */
  build(facts: readonly OpportunityFact[]): OpportunityFactSet {
    const size = this.size;
    const c = this.columns;
    return {
      facts,
      ownerIds: this.ownerIds,
      columns: {
        ownerIndex: c.ownerIndex.subarray(0, size),
        closeDays: c.closeDays.subarray(0, size),
        status: c.status.subarray(0, size),
        amounts: c.amounts.subarray(0, size),
        weighted: c.weighted.subarray(0, size),
        cycleDays: c.cycleDays.subarray(0, size),
        pushCounts: c.pushCounts.subarray(0, size),
        stageDays: c.stageDays.subarray(0, size),
        activityDays: c.activityDays.subarray(0, size)
      }
    };
  }
}

function emptyColumns(capacity: number): FactColumns {
  return {
    ownerIndex: new Int32Array(capacity),
    closeDays: new Int32Array(capacity),
    status: new Uint8Array(capacity),
    amounts: new Float64Array(capacity),
    weighted: new Float64Array(capacity),
    cycleDays: new Int32Array(capacity),
    pushCounts: new Int32Array(capacity),
    stageDays: new Int32Array(capacity),
    activityDays: new Int32Array(capacity)
  };
}

function grow(columns: FactColumns): FactColumns {
  const grown = emptyColumns(columns.closeDays.length * 2);
  grown.ownerIndex.set(columns.ownerIndex);
  grown.closeDays.set(columns.closeDays);
  grown.status.set(columns.status);
  grown.amounts.set(columns.amounts);
  grown.weighted.set(columns.weighted);
  grown.cycleDays.set(columns.cycleDays);
  grown.pushCounts.set(columns.pushCounts);
  grown.stageDays.set(columns.stageDays);
  grown.activityDays.set(columns.activityDays);
  return grown;
}

/** The facts with the owners to report on (see OpportunityFactSet). */
export function indexByOwner(
  facts: readonly OpportunityFact[],
  ownerIds: readonly string[] = []
): OpportunityFactSet {
  return { facts, ownerIds };
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

export interface Thresholds {
  /** No One-on-One for more than this many days raises a warning. */
  oneOnOneMaxDays: number;
  /** An open deal in the same stage for more than this many days is stale. */
  staleStageDays: number;
  /** An open deal without activity for more than this many days is stale (never counts too). */
  noActivityDays: number;
  /** Win-rate drop (fraction, 0.1 = 10 points) versus the previous period that warns. */
  winRateDropPoints: number;
  /** Open deals past their close date from which "deals slipping" warns. */
  slippingDealsMin: number;
  /** Coverage at or above this share of required coverage is amber rather than red. */
  coverageAmberShare: number;
  /** Percent to plan (relative to the elapsed part of the period) for green and amber. */
  percentToPlanGreen: number;
  percentToPlanAmber: number;
  /** Win rate (by count) for green and amber. */
  winRateGreen: number;
  winRateAmber: number;
  /** Session completion rate for green and amber. */
  completionRateGreen: number;
  completionRateAmber: number;
  /** Days past a goal's target date from which the warning is high severity. */
  goalOverdueHighDays: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  oneOnOneMaxDays: 14,
  staleStageDays: 30,
  noActivityDays: 14,
  winRateDropPoints: 0.1,
  slippingDealsMin: 1,
  coverageAmberShare: 0.8,
  percentToPlanGreen: 1,
  percentToPlanAmber: 0.8,
  winRateGreen: 0.3,
  winRateAmber: 0.2,
  completionRateGreen: 0.8,
  completionRateAmber: 0.6,
  goalOverdueHighDays: 30
});

/** Defaults overlaid with the given settings; non-finite or negative values fall back. */
export function resolveThresholds(
  settings?: Partial<Record<keyof Thresholds, unknown>>
): Thresholds {
  const resolved: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (!settings) return resolved;
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]) {
    const raw = settings[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) resolved[key] = value;
  }
  return resolved;
}

// ---------------------------------------------------------------------------------------------
// Per-owner sums: where the two routes meet
// ---------------------------------------------------------------------------------------------

/** Numerators and denominators of one period. All amounts treat a null Amount as 0. */
export interface PeriodSums {
  wonCount: number;
  wonAmount: number;
  /** Closed = won + lost. */
  closedCount: number;
  closedAmount: number;
  openCount: number;
  openAmount: number;
  /** Σ Amount × Probability / 100 of open deals (Opportunity.ExpectedRevenue). */
  weightedPipeline: number;
  /** Σ (CloseDate − CreatedDate) in days over won deals with a known cycle. */
  wonCycleDays: number;
  wonCycleCount: number;
}

/**
 * Deal hygiene of an owner's open deals, as of today. Not tied to the KPI period: a deal that
 * slipped out of last quarter is exactly the one the manager must see. Scope is every open
 * deal in the input (records route) or every open deal the hygiene queries return (aggregates).
 */
export interface HygieneCounts {
  /** Open, CloseDate before today. */
  pastCloseDate: number;
  /** Open, PushCount > 0. */
  pushed: number;
  /** Open, in stage longer than staleStageDays (since LastStageChangeDate, else CreatedDate). */
  staleInStage: number;
  /** Open, LastActivityDate older than noActivityDays or never. */
  noRecentActivity: number;
}

export interface KpiWindows {
  current: Period;
  previous: Period;
  lastYear: Period;
}

/** The period, the one before it and the same period a year earlier. */
export function windowsFor(period: Period): KpiWindows {
  return {
    current: period,
    previous: previousPeriod(period),
    lastYear: samePeriodLastYear(period)
  };
}

export interface OwnerSums {
  ownerId: string;
  current: PeriodSums;
  previous: PeriodSums;
  lastYear: PeriodSums;
  hygiene: HygieneCounts;
}

export function emptyPeriodSums(): PeriodSums {
  return {
    wonCount: 0,
    wonAmount: 0,
    closedCount: 0,
    closedAmount: 0,
    openCount: 0,
    openAmount: 0,
    weightedPipeline: 0,
    wonCycleDays: 0,
    wonCycleCount: 0
  };
}

export function emptyHygiene(): HygieneCounts {
  return { pastCloseDate: 0, pushed: 0, staleInStage: 0, noRecentActivity: 0 };
}

export function emptyOwnerSums(ownerId: string): OwnerSums {
  return {
    ownerId,
    current: emptyPeriodSums(),
    previous: emptyPeriodSums(),
    lastYear: emptyPeriodSums(),
    hygiene: emptyHygiene()
  };
}

export function addPeriodSums(a: PeriodSums, b: PeriodSums): PeriodSums {
  return {
    wonCount: a.wonCount + b.wonCount,
    wonAmount: a.wonAmount + b.wonAmount,
    closedCount: a.closedCount + b.closedCount,
    closedAmount: a.closedAmount + b.closedAmount,
    openCount: a.openCount + b.openCount,
    openAmount: a.openAmount + b.openAmount,
    weightedPipeline: a.weightedPipeline + b.weightedPipeline,
    wonCycleDays: a.wonCycleDays + b.wonCycleDays,
    wonCycleCount: a.wonCycleCount + b.wonCycleCount
  };
}

export function addHygiene(a: HygieneCounts, b: HygieneCounts): HygieneCounts {
  return {
    pastCloseDate: a.pastCloseDate + b.pastCloseDate,
    pushed: a.pushed + b.pushed,
    staleInStage: a.staleInStage + b.staleInStage,
    noRecentActivity: a.noRecentActivity + b.noRecentActivity
  };
}

// Accumulator layout: per owner, three windows of PERIOD_FIELDS numbers, then HYGIENE_FIELDS.
const PERIOD_FIELDS = 9;
/** Slots of sumByOwner's owner cache, less one (a power of two, for masking). */
const OWNER_SLOTS_MASK = 1023;
const HYGIENE_OFFSET = 3 * PERIOD_FIELDS;
const STRIDE = HYGIENE_OFFSET + 4;
const WON_COUNT = 0;
const WON_AMOUNT = 1;
const CLOSED_COUNT = 2;
const CLOSED_AMOUNT = 3;
const OPEN_COUNT = 4;
const OPEN_AMOUNT = 5;
const WEIGHTED = 6;
const CYCLE_DAYS = 7;
const CYCLE_COUNT = 8;

function readPeriod(acc: Float64Array, at: number): PeriodSums {
  return {
    wonCount: acc[at + WON_COUNT],
    wonAmount: acc[at + WON_AMOUNT],
    closedCount: acc[at + CLOSED_COUNT],
    closedAmount: acc[at + CLOSED_AMOUNT],
    openCount: acc[at + OPEN_COUNT],
    openAmount: acc[at + OPEN_AMOUNT],
    weightedPipeline: acc[at + WEIGHTED],
    wonCycleDays: acc[at + CYCLE_DAYS],
    wonCycleCount: acc[at + CYCLE_COUNT]
  };
}

/** Options of the hygiene counts (the relevant thresholds and today). */
export interface HygieneSettings {
  today: IsoDate;
  staleStageDays: number;
  noActivityDays: number;
}

/**
 * Records route, in one pass over the facts: each fact's close day is tested against the three
 * windows (numeric compares), open deals also feed the hygiene counts, and sums go into a flat
 * Float64Array of per-owner accumulators by owner index (the last owner is remembered, so
 * consecutive facts of one owner skip the lookup). Owners of `set.ownerIds` without any fact
 * get zero sums.
 */
export function sumByOwner(
  input: OpportunityFactSet | readonly OpportunityFact[],
  windows: KpiWindows,
  hygiene: HygieneSettings
): OwnerSums[] {
  const set = isFactSet(input) ? input : indexByOwner(input);
  if (set.columns) return sumColumns(set.ownerIds, set.columns, windows, hygiene);
  const ownerIds = [...set.ownerIds];
  const lookup = new Map<string, number>();
  ownerIds.forEach((id, index) => lookup.set(id, index));
  const facts = set.facts;
  // One accumulator per owner (a new owner gets its own: nothing is ever copied or grown).
  const accs: Float64Array[] = ownerIds.map(() => new Float64Array(STRIDE));
  let acc = accs[0] ?? new Float64Array(STRIDE);
  const todayDay = toEpochDay(hygiene.today);
  // A deal is stale when today − day > threshold, i.e. day < today − threshold.
  const stageCutoff = todayDay - hygiene.staleStageDays;
  const activityCutoff = todayDay - hygiene.noActivityDays;
  const current = toDayRange(windows.current);
  const previous = toDayRange(windows.previous);
  const lastYear = toDayRange(windows.lastYear);
  // The three windows as six numbers: the loop below compares days with locals only.
  const c0 = current.startDay;
  const c1 = current.endDay;
  const p0 = previous.startDay;
  const p1 = previous.endDay;
  const l0 = lastYear.startDay;
  const l1 = lastYear.endDay;
  let lastOwner: string | null = null;
  const base = 0;
  const slotOwners: (string | null)[] = new Array<string | null>(OWNER_SLOTS_MASK + 1).fill(null);
  const slotIndexes = new Int32Array(OWNER_SLOTS_MASK + 1);
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i];
    const day = fact.closeDay;
    const won = fact.isWon;
    const closed = won || fact.isClosed;
    const inCurrent = day >= c0 && day <= c1;
    const inPrevious = day >= p0 && day <= p1;
    const inLastYear = day >= l0 && day <= l1;
    // Most facts are closed deals outside the three windows: nothing to add, no owner to find.
    if (closed && !inCurrent && !inPrevious && !inLastYear) continue;
    const ownerId = fact.ownerId;
    if (ownerId !== lastOwner) {
      // A direct-mapped cache by the id's last two characters (ids differ there) before the
      // Map: comparing a string to itself is one pointer check, hashing it a probe.
      const slot: number =
        (ownerId.charCodeAt(ownerId.length - 1) * 31 + ownerId.charCodeAt(ownerId.length - 2)) &
        OWNER_SLOTS_MASK;
      let index: number;
      if (slotOwners[slot] === ownerId) index = slotIndexes[slot];
      else {
        let found = lookup.get(ownerId);
        if (found === undefined) {
          found = ownerIds.length;
          ownerIds.push(ownerId);
          lookup.set(ownerId, found);
          accs.push(new Float64Array(STRIDE));
        }
        index = found;
        slotOwners[slot] = ownerId;
        slotIndexes[slot] = index;
      }
      lastOwner = ownerId;
      acc = accs[index];
    }
    const amount = fact.amount ?? 0;
    // Unrolled per window: this loop runs once per deal of the input.
    if (closed) {
      const cycle = won ? day - fact.createdDay : 0;
      const wonCount = won ? 1 : 0;
      const wonAmount = won ? amount : 0;
      if (inCurrent) {
        acc[base + CLOSED_COUNT] += 1;
        acc[base + CLOSED_AMOUNT] += amount;
        acc[base + WON_COUNT] += wonCount;
        acc[base + WON_AMOUNT] += wonAmount;
        acc[base + CYCLE_DAYS] += cycle;
        acc[base + CYCLE_COUNT] += wonCount;
      }
      if (inPrevious) {
        const at = base + PERIOD_FIELDS;
        acc[at + CLOSED_COUNT] += 1;
        acc[at + CLOSED_AMOUNT] += amount;
        acc[at + WON_COUNT] += wonCount;
        acc[at + WON_AMOUNT] += wonAmount;
        acc[at + CYCLE_DAYS] += cycle;
        acc[at + CYCLE_COUNT] += wonCount;
      }
      if (inLastYear) {
        const at = base + 2 * PERIOD_FIELDS;
        acc[at + CLOSED_COUNT] += 1;
        acc[at + CLOSED_AMOUNT] += amount;
        acc[at + WON_COUNT] += wonCount;
        acc[at + WON_AMOUNT] += wonAmount;
        acc[at + CYCLE_DAYS] += cycle;
        acc[at + CYCLE_COUNT] += wonCount;
      }
      continue;
    }
    const probability = fact.probability;
    const weighted = probability === null ? 0 : (amount * probability) / 100;
    if (inCurrent) {
      acc[base + OPEN_COUNT] += 1;
      acc[base + OPEN_AMOUNT] += amount;
      acc[base + WEIGHTED] += weighted;
    }
    if (inPrevious) {
      const at = base + PERIOD_FIELDS;
      acc[at + OPEN_COUNT] += 1;
      acc[at + OPEN_AMOUNT] += amount;
      acc[at + WEIGHTED] += weighted;
    }
    if (inLastYear) {
      const at = base + 2 * PERIOD_FIELDS;
      acc[at + OPEN_COUNT] += 1;
      acc[at + OPEN_AMOUNT] += amount;
      acc[at + WEIGHTED] += weighted;
    }
    const h = base + HYGIENE_OFFSET;
    if (day < todayDay) acc[h] += 1;
    if (fact.pushCount > 0) acc[h + 1] += 1;
    if ((fact.lastStageChangeDay ?? fact.createdDay) < stageCutoff) acc[h + 2] += 1;
    // Never any activity counts as older than any cut-off.
    if (fact.lastActivityDay === null || fact.lastActivityDay < activityCutoff) acc[h + 3] += 1;
  }
  const result: OwnerSums[] = new Array<OwnerSums>(ownerIds.length);
  for (let o = 0; o < ownerIds.length; o++) {
    const at = 0;
    acc = accs[o];
    const h = at + HYGIENE_OFFSET;
    result[o] = {
      ownerId: ownerIds[o],
      current: readPeriod(acc, at),
      previous: readPeriod(acc, at + PERIOD_FIELDS),
      lastYear: readPeriod(acc, at + 2 * PERIOD_FIELDS),
      hygiene: {
        pastCloseDate: acc[h],
        pushed: acc[h + 1],
        staleInStage: acc[h + 2],
        noRecentActivity: acc[h + 3]
      }
    };
  }
  return result;
}

/**
 * sumByOwner over columns: sequential reads of numbers, accumulated by owner index into one
 * flat Float64Array; deals outside the three windows that are closed are skipped after two
 * reads.
 */
function sumColumns(
  ownerIds: readonly string[],
  columns: FactColumns,
  windows: KpiWindows,
  hygiene: HygieneSettings
): OwnerSums[] {
  const { ownerIndex, closeDays, status, amounts, weighted, cycleDays } = columns;
  const { pushCounts, stageDays, activityDays } = columns;
  const acc = new Float64Array(ownerIds.length * STRIDE);
  const todayDay = toEpochDay(hygiene.today);
  const stageCutoff = todayDay - hygiene.staleStageDays;
  const activityCutoff = todayDay - hygiene.noActivityDays;
  const current = toDayRange(windows.current);
  const previous = toDayRange(windows.previous);
  const lastYear = toDayRange(windows.lastYear);
  const c0 = current.startDay;
  const c1 = current.endDay;
  const p0 = previous.startDay;
  const p1 = previous.endDay;
  const l0 = lastYear.startDay;
  const l1 = lastYear.endDay;
  const n = closeDays.length;
  for (let i = 0; i < n; i++) {
    const day = closeDays[i];
    const state = status[i];
    const inCurrent = day >= c0 && day <= c1;
    const inPrevious = day >= p0 && day <= p1;
    const inLastYear = day >= l0 && day <= l1;
    if (state !== STATUS_OPEN && !inCurrent && !inPrevious && !inLastYear) continue;
    const base = ownerIndex[i] * STRIDE;
    const amount = amounts[i];
    if (state === STATUS_OPEN) {
      const weight = weighted[i];
      if (inCurrent) {
        acc[base + OPEN_COUNT] += 1;
        acc[base + OPEN_AMOUNT] += amount;
        acc[base + WEIGHTED] += weight;
      }
      if (inPrevious) {
        const at = base + PERIOD_FIELDS;
        acc[at + OPEN_COUNT] += 1;
        acc[at + OPEN_AMOUNT] += amount;
        acc[at + WEIGHTED] += weight;
      }
      if (inLastYear) {
        const at = base + 2 * PERIOD_FIELDS;
        acc[at + OPEN_COUNT] += 1;
        acc[at + OPEN_AMOUNT] += amount;
        acc[at + WEIGHTED] += weight;
      }
      const h = base + HYGIENE_OFFSET;
      if (day < todayDay) acc[h] += 1;
      if (pushCounts[i] > 0) acc[h + 1] += 1;
      if (stageDays[i] < stageCutoff) acc[h + 2] += 1;
      if (activityDays[i] < activityCutoff) acc[h + 3] += 1;
      continue;
    }
    const won = state === STATUS_WON ? 1 : 0;
    const wonAmount = won * amount;
    const cycle = won * cycleDays[i];
    if (inCurrent) {
      acc[base + CLOSED_COUNT] += 1;
      acc[base + CLOSED_AMOUNT] += amount;
      acc[base + WON_COUNT] += won;
      acc[base + WON_AMOUNT] += wonAmount;
      acc[base + CYCLE_DAYS] += cycle;
      acc[base + CYCLE_COUNT] += won;
    }
    if (inPrevious) {
      const at = base + PERIOD_FIELDS;
      acc[at + CLOSED_COUNT] += 1;
      acc[at + CLOSED_AMOUNT] += amount;
      acc[at + WON_COUNT] += won;
      acc[at + WON_AMOUNT] += wonAmount;
      acc[at + CYCLE_DAYS] += cycle;
      acc[at + CYCLE_COUNT] += won;
    }
    if (inLastYear) {
      const at = base + 2 * PERIOD_FIELDS;
      acc[at + CLOSED_COUNT] += 1;
      acc[at + CLOSED_AMOUNT] += amount;
      acc[at + WON_COUNT] += won;
      acc[at + WON_AMOUNT] += wonAmount;
      acc[at + CYCLE_DAYS] += cycle;
      acc[at + CYCLE_COUNT] += won;
    }
  }
  return ownerIds.map((ownerId, o) => {
    const at = o * STRIDE;
    const h = at + HYGIENE_OFFSET;
    return {
      ownerId,
      current: readPeriod(acc, at),
      previous: readPeriod(acc, at + PERIOD_FIELDS),
      lastYear: readPeriod(acc, at + 2 * PERIOD_FIELDS),
      hygiene: {
        pastCloseDate: acc[h],
        pushed: acc[h + 1],
        staleInStage: acc[h + 2],
        noRecentActivity: acc[h + 3]
      }
    };
  });
}

function isFactSet(
  input: OpportunityFactSet | readonly OpportunityFact[]
): input is OpportunityFactSet {
  return !Array.isArray(input);
}

/**
 * Aggregates route: one row per (owner, IsClosed, IsWon) group of one period, as the aggregate
 * query `groupBy: { OwnerId, IsClosed, IsWon }` returns them. Sums are null when the group has
 * no value (or the field is hidden by field-level security).
 */
export interface OpportunityAggregateRow {
  ownerId: string;
  isClosed: boolean;
  isWon: boolean;
  count: number;
  amountSum: number | null;
  expectedRevenueSum: number | null;
  /** avg(Sales_Cycle_Days__c) over the group. */
  salesCycleAvg: number | null;
  /** count(Sales_Cycle_Days__c): rows with a cycle; defaults to `count` when not queried. */
  salesCycleCount?: number | null;
}

/** One count per owner, from a hygiene aggregate query grouped by OwnerId. */
export interface OwnerCountRow {
  ownerId: string;
  count: number;
}

export interface OwnerAggregates {
  current: readonly OpportunityAggregateRow[];
  previous: readonly OpportunityAggregateRow[];
  lastYear: readonly OpportunityAggregateRow[];
  pastCloseDate?: readonly OwnerCountRow[];
  pushed?: readonly OwnerCountRow[];
  staleInStage?: readonly OwnerCountRow[];
  noRecentActivity?: readonly OwnerCountRow[];
}

function addAggregateRow(sums: PeriodSums, row: OpportunityAggregateRow): void {
  const amount = finiteOrNull(row.amountSum) ?? 0;
  const count = finiteOrNull(row.count) ?? 0;
  if (row.isClosed || row.isWon) {
    sums.closedCount += count;
    sums.closedAmount += amount;
    if (row.isWon) {
      sums.wonCount += count;
      sums.wonAmount += amount;
      const avg = finiteOrNull(row.salesCycleAvg);
      if (avg !== null) {
        const cycleCount = finiteOrNull(row.salesCycleCount) ?? count;
        // The server returns an average of whole days; the sum of whole days is an integer.
        sums.wonCycleDays += Math.round(avg * cycleCount);
        sums.wonCycleCount += cycleCount;
      }
    }
  } else {
    sums.openCount += count;
    sums.openAmount += amount;
    sums.weightedPipeline += finiteOrNull(row.expectedRevenueSum) ?? 0;
  }
}

/**
 * Aggregate rows → the same OwnerSums as the records route. `ownerIds` fixes the order and
 * includes reps without any opportunity; owners found only in the rows are appended.
 */
export function ownerSumsFromAggregates(
  aggregates: OwnerAggregates,
  ownerIds: readonly string[] = []
): OwnerSums[] {
  const byOwner = new Map<string, OwnerSums>();
  const get = (ownerId: string): OwnerSums => {
    let sums = byOwner.get(ownerId);
    if (!sums) {
      sums = emptyOwnerSums(ownerId);
      byOwner.set(ownerId, sums);
    }
    return sums;
  };
  ownerIds.forEach(get);
  for (const row of aggregates.current) addAggregateRow(get(row.ownerId).current, row);
  for (const row of aggregates.previous) addAggregateRow(get(row.ownerId).previous, row);
  for (const row of aggregates.lastYear) addAggregateRow(get(row.ownerId).lastYear, row);
  const hygieneRows: [keyof HygieneCounts, readonly OwnerCountRow[] | undefined][] = [
    ['pastCloseDate', aggregates.pastCloseDate],
    ['pushed', aggregates.pushed],
    ['staleInStage', aggregates.staleInStage],
    ['noRecentActivity', aggregates.noRecentActivity]
  ];
  for (const [key, rows] of hygieneRows) {
    for (const row of rows ?? []) get(row.ownerId).hygiene[key] += finiteOrNull(row.count) ?? 0;
  }
  return [...byOwner.values()];
}

// ---------------------------------------------------------------------------------------------
// Territory plan targets
// ---------------------------------------------------------------------------------------------

export interface TerritoryPlanFact {
  id: string;
  /** Plan_Owner__c: the user whose opportunities count. */
  ownerId: string;
  managerId: string | null;
  startDay: EpochDay;
  endDay: EpochDay;
  target: number | null;
  status: string | null;
}

export const ACTIVE_PLAN_STATUS = 'Active';

export function targetsByOwner(
  plans: readonly TerritoryPlanFact[],
  period: Period
): Map<string, number> {
  const { startDay, endDay } = toDayRange(period);
  const targets = new Map<string, number>();
  for (const plan of plans) {
    if (plan.status !== ACTIVE_PLAN_STATUS) continue;
    const target = finiteOrNull(plan.target);
    if (target === null || target <= 0 || plan.endDay < plan.startDay) continue;
    const overlap = Math.min(endDay, plan.endDay) - Math.max(startDay, plan.startDay) + 1;
    if (overlap <= 0) continue;
    const share = (target * overlap) / (plan.endDay - plan.startDay + 1);
    targets.set(plan.ownerId, (targets.get(plan.ownerId) ?? 0) + share);
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------
// KPIs from sums
// ---------------------------------------------------------------------------------------------

/** Everything a KPI row is computed from: additive, so teams are sums of reps. */
export interface KpiInput {
  current: PeriodSums;
  previous: PeriodSums;
  lastYear: PeriodSums;
  hygiene: HygieneCounts;
  /** Sum of plan targets; null when no rep in scope has a plan. */
  target: number | null;
}

export interface Kpis {
  closedWon: number;
  wonCount: number;
  closedCount: number;
  target: number | null;
  percentToPlan: Ratio;
  closedWonLastYear: number;
  growth: Ratio;
  winRateByCount: Ratio;
  winRateByAmount: Ratio;
  previousWinRateByCount: Ratio;
  openPipeline: number;
  openCount: number;
  weightedPipeline: number;
  /** target − closed won; null without a target. Negative when the target is exceeded. */
  gapToTarget: number | null;
  /** open pipeline ÷ (target − closed won). */
  pipelineCoverage: Ratio;
  /** 1 ÷ win rate by amount: coverage is measured in amount, so is the rate that converts it. */
  requiredCoverage: Ratio;
  averageDealSize: Ratio;
  salesCycleDays: Ratio;
  hygiene: HygieneCounts;
}

export function winRateByCount(sums: PeriodSums): Ratio {
  return divide(sums.wonCount, sums.closedCount, 'no-closed-deals');
}

export function winRateByAmount(sums: PeriodSums): Ratio {
  if (sums.closedCount === 0) return notComputable('no-closed-deals');
  return divide(sums.wonAmount, sums.closedAmount, 'no-data');
}

export function computeKpis(input: KpiInput): Kpis {
  const { current, previous, lastYear, hygiene } = input;
  const target = input.target !== null && input.target > 0 ? input.target : null;
  const closedWon = current.wonAmount;
  const byAmount = winRateByAmount(current);
  const gap = target === null ? null : target - closedWon;
  let pipelineCoverage: Ratio;
  if (gap === null) pipelineCoverage = notComputable('no-target');
  else if (gap <= 0) pipelineCoverage = notComputable('target-met');
  else pipelineCoverage = divide(current.openAmount, gap, 'target-met');
  let requiredCoverage: Ratio;
  if (!byAmount.ok) requiredCoverage = byAmount;
  else if (byAmount.value === 0) requiredCoverage = notComputable('no-won-deals');
  else requiredCoverage = computable(1 / byAmount.value);
  return {
    closedWon,
    wonCount: current.wonCount,
    closedCount: current.closedCount,
    target,
    percentToPlan:
      target === null ? notComputable('no-target') : divide(closedWon, target, 'no-target'),
    closedWonLastYear: lastYear.wonAmount,
    growth: divide(closedWon - lastYear.wonAmount, lastYear.wonAmount, 'no-prior-value'),
    winRateByCount: winRateByCount(current),
    winRateByAmount: byAmount,
    previousWinRateByCount: winRateByCount(previous),
    openPipeline: current.openAmount,
    openCount: current.openCount,
    weightedPipeline: current.weightedPipeline,
    gapToTarget: gap,
    pipelineCoverage,
    requiredCoverage,
    averageDealSize: divide(current.wonAmount, current.wonCount, 'no-won-deals'),
    salesCycleDays: divide(current.wonCycleDays, current.wonCycleCount, 'no-won-deals'),
    hygiene: { ...hygiene }
  };
}

export function sumKpiInputs(inputs: readonly KpiInput[]): KpiInput {
  let current = emptyPeriodSums();
  let previous = emptyPeriodSums();
  let lastYear = emptyPeriodSums();
  let hygiene = emptyHygiene();
  let target: number | null = null;
  for (const input of inputs) {
    current = addPeriodSums(current, input.current);
    previous = addPeriodSums(previous, input.previous);
    lastYear = addPeriodSums(lastYear, input.lastYear);
    hygiene = addHygiene(hygiene, input.hygiene);
    if (input.target !== null) target = (target ?? 0) + input.target;
  }
  return { current, previous, lastYear, hygiene, target };
}

export interface RepKpis extends Kpis {
  repId: string;
  input: KpiInput;
}

export interface KpiRequest {
  /** The KPI period; previous and last-year windows default from it. */
  period: Period;
  today: IsoDate;
  plans?: readonly TerritoryPlanFact[];
  thresholds?: Partial<Thresholds>;
  previous?: Period;
  lastYear?: Period;
}

function requestWindows(request: KpiRequest): KpiWindows {
  const defaults = windowsFor(request.period);
  return {
    current: request.period,
    previous: request.previous ?? defaults.previous,
    lastYear: request.lastYear ?? defaults.lastYear
  };
}

/** OwnerSums (from either route) → one KPI row per owner, targets from the plans. */
export function computeRepKpisFromSums(
  sums: readonly OwnerSums[],
  request: Pick<KpiRequest, 'period' | 'plans'>
): RepKpis[] {
  const targets = targetsByOwner(request.plans ?? [], request.period);
  return sums.map((owner) => {
    const input: KpiInput = {
      current: owner.current,
      previous: owner.previous,
      lastYear: owner.lastYear,
      hygiene: owner.hygiene,
      target: targets.get(owner.ownerId) ?? null
    };
    // Extends the fresh KPI object instead of spreading it: this runs once per rep per render.
    return Object.assign(computeKpis(input), { repId: owner.ownerId, input });
  });
}

/**
 * Records route, end to end: facts → sums per owner (one pass) → KPIs per rep. Pass an
 * OpportunityFactSet (indexByOwner) to reuse the owner index across calls, and `ownerIds`
 * in it to include reps without opportunities.
 */
export function computeRepKpis(
  opportunities: OpportunityFactSet | readonly OpportunityFact[],
  request: KpiRequest
): RepKpis[] {
  const thresholds = resolveThresholds(request.thresholds);
  const sums = sumByOwner(opportunities, requestWindows(request), {
    today: request.today,
    staleStageDays: thresholds.staleStageDays,
    noActivityDays: thresholds.noActivityDays
  });
  return computeRepKpisFromSums(sums, request);
}

/** Aggregates route, end to end: aggregate rows → sums per owner → KPIs per rep. */
export function computeRepKpisFromAggregates(
  aggregates: OwnerAggregates,
  request: Pick<KpiRequest, 'period' | 'plans'> & { ownerIds?: readonly string[] }
): RepKpis[] {
  return computeRepKpisFromSums(ownerSumsFromAggregates(aggregates, request.ownerIds), request);
}

// ---------------------------------------------------------------------------------------------
// Teams and roll-ups
// ---------------------------------------------------------------------------------------------

export interface UserFact {
  id: string;
  name?: string;
  managerId: string | null;
}

export interface TeamKpis extends Kpis {
  managerId: string;
  repIds: string[];
  input: KpiInput;
}

/** A team: the given reps' inputs summed, then KPIs recomputed from the sums. */
export function computeTeamKpis(managerId: string, reps: readonly RepKpis[]): TeamKpis {
  const input = sumKpiInputs(reps.map((rep) => rep.input));
  return Object.assign(computeKpis(input), {
    managerId,
    repIds: reps.map((rep) => rep.repId),
    input
  });
}

// ---------------------------------------------------------------------------------------------
// Coaching cadence
// ---------------------------------------------------------------------------------------------

export const SESSION_STATUS = Object.freeze({
  planned: 'Planned',
  completed: 'Completed',
  cancelled: 'Cancelled'
});
export const ONE_ON_ONE = 'One-on-One';

export interface SessionFact {
  id: string;
  repId: string;
  coachId: string | null;
  day: EpochDay;
  type: string | null;
  status: string | null;
  focusAreas: string[];
  commitments: string | null;
  followUpDay: EpochDay | null;
  opportunityId?: string | null;
  goalId?: string | null;
}

export interface CadenceKpis {
  repId: string;
  completedInPeriod: number;
  plannedInPeriod: number;
  /** completed ÷ (planned + completed); cancelled sessions count in neither. */
  completionRate: Ratio;
  lastOneOnOneDay: EpochDay | null;
  /** today − last completed One-on-One on or before today; null when there was none. */
  daysSinceLastOneOnOne: number | null;
  /** See overdueCommitments. */
  overdueCommitments: number;
}

function hasText(value: string | null): boolean {
  return value !== null && value.trim() !== '';
}

/**
 * Completed sessions whose commitments are overdue as of today. A commitment is overdue when
 * the session is Completed, Commitments__c is not blank, Follow_Up_Date__c is before today,
 * and the rep has had no completed session dated after that session (up to today) — a later
 * completed session is where the commitment gets followed up. Oldest follow-up first.
 */
export function overdueCommitments(
  sessions: readonly SessionFact[],
  today: IsoDate
): SessionFact[] {
  const todayDay = toEpochDay(today);
  const lastCompleted = new Map<string, EpochDay>();
  for (const session of sessions) {
    if (session.status !== SESSION_STATUS.completed || session.day > todayDay) continue;
    const last = lastCompleted.get(session.repId);
    if (last === undefined || session.day > last) lastCompleted.set(session.repId, session.day);
  }
  return sessions
    .filter(
      (session) =>
        session.status === SESSION_STATUS.completed &&
        hasText(session.commitments) &&
        session.followUpDay !== null &&
        session.followUpDay < todayDay &&
        (lastCompleted.get(session.repId) ?? session.day) <= session.day
    )
    .sort((a, b) => (a.followUpDay ?? 0) - (b.followUpDay ?? 0) || a.day - b.day);
}

/**
 * What a rep's cadence is made of: sessions completed and planned in the period, the last
 * completed One-on-One up to today, and overdue commitments. The records route counts them
 * from sessions (computeCadence); the aggregates route reads them from the org.
 */
export interface CadenceCounts {
  completedInPeriod: number;
  plannedInPeriod: number;
  lastOneOnOneDay: EpochDay | null;
  overdueCommitments: number;
}

/** Cadence for each rep in `repIds` (in that order) from its counts; none counted is zero. */
export function cadenceFromCounts(
  repIds: readonly string[],
  counts: ReadonlyMap<string, CadenceCounts>,
  today: IsoDate
): CadenceKpis[] {
  const todayDay = toEpochDay(today);
  return repIds.map((repId) => {
    const row = counts.get(repId);
    const completed = row?.completedInPeriod ?? 0;
    const planned = row?.plannedInPeriod ?? 0;
    const last = row?.lastOneOnOneDay ?? null;
    return {
      repId,
      completedInPeriod: completed,
      plannedInPeriod: planned,
      completionRate: divide(completed, planned + completed, 'no-sessions'),
      lastOneOnOneDay: last,
      daysSinceLastOneOnOne: last === null ? null : todayDay - last,
      overdueCommitments: row?.overdueCommitments ?? 0
    };
  });
}

/** Cadence for each rep in `repIds` (in that order), sessions dated in the period counted. */
export function computeCadence(
  sessions: readonly SessionFact[],
  repIds: readonly string[],
  period: Period,
  today: IsoDate
): CadenceKpis[] {
  const { startDay, endDay } = toDayRange(period);
  const todayDay = toEpochDay(today);
  const rows = new Map<string, CadenceCounts>();
  for (const repId of repIds) {
    rows.set(repId, {
      completedInPeriod: 0,
      plannedInPeriod: 0,
      lastOneOnOneDay: null,
      overdueCommitments: 0
    });
  }
  for (const session of sessions) {
    const row = rows.get(session.repId);
    if (!row) continue;
    const inPeriod = session.day >= startDay && session.day <= endDay;
    if (session.status === SESSION_STATUS.completed) {
      if (inPeriod) row.completedInPeriod += 1;
      if (
        session.type === ONE_ON_ONE &&
        session.day <= todayDay &&
        (row.lastOneOnOneDay === null || session.day > row.lastOneOnOneDay)
      ) {
        row.lastOneOnOneDay = session.day;
      }
    } else if (session.status === SESSION_STATUS.planned && inPeriod) {
      row.plannedInPeriod += 1;
    }
  }
  for (const session of overdueCommitments(sessions, today)) {
    const row = rows.get(session.repId);
    if (row) row.overdueCommitments += 1;
  }
  return cadenceFromCounts(repIds, rows, today);
}

export interface CadenceTotals {
  reps: number;
  completed: number;
  planned: number;
  completionRate: Ratio;
  /** Reps with at least one completed session in the period. */
  repsCoached: number;
  overdueCommitments: number;
  /** Reps whose last One-on-One is older than the threshold, or who never had one. */
  repsWithoutRecentOneOnOne: number;
}

/** Team (or roll-up) cadence: counts summed, the rate recomputed from the sums. */
export function sumCadence(
  rows: readonly CadenceKpis[],
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS
): CadenceTotals {
  const { oneOnOneMaxDays } = resolveThresholds(thresholds);
  let completed = 0;
  let planned = 0;
  let repsCoached = 0;
  let overdue = 0;
  let withoutOneOnOne = 0;
  for (const row of rows) {
    completed += row.completedInPeriod;
    planned += row.plannedInPeriod;
    overdue += row.overdueCommitments;
    if (row.completedInPeriod > 0) repsCoached += 1;
    if (row.daysSinceLastOneOnOne === null || row.daysSinceLastOneOnOne > oneOnOneMaxDays)
      withoutOneOnOne += 1;
  }
  return {
    reps: rows.length,
    completed,
    planned,
    completionRate: divide(completed, planned + completed, 'no-sessions'),
    repsCoached,
    overdueCommitments: overdue,
    repsWithoutRecentOneOnOne: withoutOneOnOne
  };
}

// ---------------------------------------------------------------------------------------------
// Development goals
// ---------------------------------------------------------------------------------------------

export const GOAL_METRICS = [
  'Win Rate',
  'Average Deal Size',
  'Pipeline Coverage',
  'Sales Cycle Days',
  'Closed Won Amount'
] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

export function isGoalMetric(value: unknown): value is GoalMetric {
  return typeof value === 'string' && (GOAL_METRICS as readonly string[]).includes(value);
}

export const GOAL_STATUS = Object.freeze({
  notStarted: 'Not Started',
  inProgress: 'In Progress',
  achieved: 'Achieved',
  deferred: 'Deferred'
});

export interface GoalFact {
  id: string;
  repId: string;
  skillArea: string | null;
  status: string | null;
  /** Progress__c, 0–100. */
  progressPercent: number | null;
  metric: GoalMetric | null;
  baseline: number | null;
  target: number | null;
  startDay: EpochDay | null;
  targetDay: EpochDay | null;
}

/**
 * The current value of a goal's KPI in the units Development_Goal__c stores: Win Rate in
 * percent (0–100, by count), Pipeline Coverage as a multiple, Sales Cycle Days in days,
 * amounts in currency.
 */
const METRIC_READERS: Readonly<Record<GoalMetric, (kpis: Kpis) => Ratio>> = {
  'Win Rate': (kpis) => {
    const rate = kpis.winRateByCount;
    return rate.ok ? computable(rate.value * 100) : rate;
  },
  'Average Deal Size': (kpis) => kpis.averageDealSize,
  'Pipeline Coverage': (kpis) => kpis.pipelineCoverage,
  'Sales Cycle Days': (kpis) => kpis.salesCycleDays,
  'Closed Won Amount': (kpis) => computable(kpis.closedWon)
};

export function metricValue(metric: GoalMetric, kpis: Kpis): Ratio {
  return METRIC_READERS[metric](kpis);
}

export interface GoalProgress {
  goalId: string;
  kind: 'manual' | 'kpi';
  /** 0–1. */
  progress: Ratio;
  /** KPI goals: the live value of the metric. */
  current: Ratio | null;
  /** KPI goals whose target is below the baseline (e.g. sales cycle days). */
  lowerIsBetter: boolean;
}

/**
 * Manual goals: Progress__c ÷ 100 (an Achieved goal without a value counts as done).
 * KPI goals: (current − baseline) ÷ (target − baseline), clamped to [0, 1]. The same formula
 * serves lower-is-better goals: both differences are negative when moving the right way.
 * `kpis` are the rep's KPIs over the goal's measurement window (start date to today).
 */
export function goalProgress(goal: GoalFact, kpis: Kpis | null): GoalProgress {
  if (goal.metric === null) {
    const percent = finiteOrNull(goal.progressPercent);
    let progress: Ratio;
    if (percent !== null) progress = computable(clamp01(percent / 100));
    else if (goal.status === GOAL_STATUS.achieved) progress = computable(1);
    else progress = notComputable('no-progress');
    return { goalId: goal.id, kind: 'manual', progress, current: null, lowerIsBetter: false };
  }
  const baseline = finiteOrNull(goal.baseline);
  const target = finiteOrNull(goal.target);
  const lowerIsBetter = baseline !== null && target !== null && target < baseline;
  const current = kpis ? metricValue(goal.metric, kpis) : notComputable('no-data');
  let progress: Ratio;
  if (baseline === null || target === null) progress = notComputable('no-goal-values');
  else if (target === baseline) progress = notComputable('no-baseline-gap');
  else if (!current.ok) progress = current;
  else progress = computable(clamp01((current.value - baseline) / (target - baseline)));
  return { goalId: goal.id, kind: 'kpi', progress, current, lowerIsBetter };
}

/** A rep's (or team's) goals: all of them, those achieved, the open ones past their date. */
export interface GoalCounts {
  total: number;
  achieved: number;
  pastTarget: number;
}

/** Open goals (neither achieved nor deferred) whose target date has passed. */
export function isGoalPastTargetDate(goal: GoalFact, today: IsoDate): boolean {
  if (goal.targetDay === null) return false;
  if (goal.status === GOAL_STATUS.achieved || goal.status === GOAL_STATUS.deferred) return false;
  return goal.targetDay < toEpochDay(today);
}

// ---------------------------------------------------------------------------------------------
// Ratings and early warnings
// ---------------------------------------------------------------------------------------------

export type Rating = 'green' | 'amber' | 'red' | 'none';

type Rateable = Ratio | number | null;

/**
 * Ratios are floating point: 0.5 − 0.4 = 0.0999…, 80000 ÷ 30000 is a hair below 0.8 × (1 ÷ 0.3).
 * A value that is exactly at its threshold in decimal must count as at the threshold, so every
 * threshold comparison allows this much relative error. Rates come from counts and amounts, whose
 * real differences near a threshold are far larger than this.
 */
const THRESHOLD_TOLERANCE = 1e-9;

function slack(threshold: number): number {
  return THRESHOLD_TOLERANCE * Math.max(1, Math.abs(threshold));
}

/** value ≥ threshold, allowing floating-point error. */
function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - slack(threshold);
}

/** value ≤ threshold, allowing floating-point error. */
function atMost(value: number, threshold: number): boolean {
  return value <= threshold + slack(threshold);
}

function rateableValue(value: Rateable): number | null {
  if (value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value.ok ? value.value : null;
}

/** green when value ≥ green, amber when ≥ amber, else red; 'none' when not computable. */
export function rateHigherIsBetter(value: Rateable, green: number, amber: number): Rating {
  const v = rateableValue(value);
  if (v === null) return 'none';
  return atLeast(v, green) ? 'green' : atLeast(v, amber) ? 'amber' : 'red';
}

/** green when value ≤ green, amber when ≤ amber, else red; 'none' when not computable. */
export function rateLowerIsBetter(value: Rateable, green: number, amber: number): Rating {
  const v = rateableValue(value);
  if (v === null) return 'none';
  return atMost(v, green) ? 'green' : atMost(v, amber) ? 'amber' : 'red';
}

/**
 * Percent to plan against pace: `pace` is the elapsed share of the period (1 once it is over),
 * so a rep at 45 % halfway through the quarter is on track.
 */
export function ratePercentToPlan(
  percentToPlan: Ratio,
  pace = 1,
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS
): Rating {
  const t = resolveThresholds(thresholds);
  const p = pace > 0 && Number.isFinite(pace) ? Math.min(pace, 1) : 1;
  return rateHigherIsBetter(percentToPlan, t.percentToPlanGreen * p, t.percentToPlanAmber * p);
}

/** Elapsed share of the period as of today, in [0, 1]. */
export function periodPace(period: Period, today: IsoDate): number {
  const { startDay, endDay } = toDayRange(period);
  const todayDay = toEpochDay(today);
  if (todayDay < startDay) return 0;
  if (todayDay >= endDay) return 1;
  return (todayDay - startDay + 1) / (endDay - startDay + 1);
}

export function rateCoverage(
  coverage: Ratio,
  required: Ratio,
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS
): Rating {
  if (!coverage.ok) return coverage.reason === 'target-met' ? 'green' : 'none';
  if (!required.ok) return 'none';
  const t = resolveThresholds(thresholds);
  return rateHigherIsBetter(coverage, required.value, required.value * t.coverageAmberShare);
}

export function rateWinRate(
  winRate: Ratio,
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS
): Rating {
  const t = resolveThresholds(thresholds);
  return rateHigherIsBetter(winRate, t.winRateGreen, t.winRateAmber);
}

export function rateCompletionRate(
  rate: Ratio,
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS
): Rating {
  const t = resolveThresholds(thresholds);
  return rateHigherIsBetter(rate, t.completionRateGreen, t.completionRateAmber);
}

/** Never had one counts as red. */
export function rateDaysSinceOneOnOne(
  days: number | null,
  thresholds: Partial<Thresholds> = DEFAULT_THRESHOLDS
): Rating {
  const t = resolveThresholds(thresholds);
  if (days === null) return 'red';
  return rateLowerIsBetter(days, t.oneOnOneMaxDays / 2, t.oneOnOneMaxDays);
}

export type WarningCode =
  | 'coverage-below-required'
  | 'no-recent-one-on-one'
  | 'win-rate-down'
  | 'deals-slipping'
  | 'goal-past-target-date'
  | 'overdue-commitments';

/** Order of codes at equal severity: the early-warning list of docs/ARCHITECTURE.md. */
export const WARNING_CODES: readonly WarningCode[] = [
  'coverage-below-required',
  'no-recent-one-on-one',
  'win-rate-down',
  'deals-slipping',
  'goal-past-target-date',
  'overdue-commitments'
];

export type Severity = 'high' | 'medium' | 'low';
const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export interface EarlyWarning {
  code: WarningCode;
  severity: Severity;
  repId: string;
  /**
   * The number behind the warning: coverage (multiple), days since the last One-on-One (null
   * when never), win-rate drop (fraction), deals past close date, days past the goal's target
   * date, overdue commitments.
   */
  value: number | null;
  /** What the value is compared with: required coverage, max days, drop threshold, … */
  threshold: number;
  /** Goal warnings: the goal. */
  goalId?: string;
}

export interface WarningInput {
  reps: readonly RepKpis[];
  cadence?: readonly CadenceKpis[];
  goals?: readonly GoalFact[];
  today: IsoDate;
}

/**
 * Early warnings, most urgent first: by severity, then by the order of warning kinds
 * (WARNING_CODES), then by how far the number is past its threshold, then by rep for a stable
 * order.
 */
export function earlyWarnings(input: WarningInput, settings?: Partial<Thresholds>): EarlyWarning[] {
  const t = resolveThresholds(settings);
  const warnings: (EarlyWarning & { excess: number })[] = [];
  for (const rep of input.reps) {
    const { pipelineCoverage, requiredCoverage } = rep;
    if (
      pipelineCoverage.ok &&
      requiredCoverage.ok &&
      !atLeast(pipelineCoverage.value, requiredCoverage.value)
    ) {
      warnings.push({
        code: 'coverage-below-required',
        severity: atLeast(pipelineCoverage.value, requiredCoverage.value * t.coverageAmberShare)
          ? 'medium'
          : 'high',
        repId: rep.repId,
        value: pipelineCoverage.value,
        threshold: requiredCoverage.value,
        excess: 1 - pipelineCoverage.value / requiredCoverage.value
      });
    }
    if (rep.winRateByCount.ok && rep.previousWinRateByCount.ok) {
      const drop = rep.previousWinRateByCount.value - rep.winRateByCount.value;
      if (drop > 0 && atLeast(drop, t.winRateDropPoints)) {
        warnings.push({
          code: 'win-rate-down',
          severity: atLeast(drop, 2 * t.winRateDropPoints) ? 'high' : 'medium',
          repId: rep.repId,
          value: drop,
          threshold: t.winRateDropPoints,
          excess: drop
        });
      }
    }
    const slipping = rep.hygiene.pastCloseDate;
    if (slipping > 0 && slipping >= t.slippingDealsMin) {
      warnings.push({
        code: 'deals-slipping',
        severity: slipping >= 3 * Math.max(1, t.slippingDealsMin) ? 'high' : 'medium',
        repId: rep.repId,
        value: slipping,
        threshold: t.slippingDealsMin,
        excess: slipping
      });
    }
  }
  for (const row of input.cadence ?? []) {
    const days = row.daysSinceLastOneOnOne;
    if (days === null || days > t.oneOnOneMaxDays) {
      warnings.push({
        code: 'no-recent-one-on-one',
        severity: days === null || days > 2 * t.oneOnOneMaxDays ? 'high' : 'medium',
        repId: row.repId,
        value: days,
        threshold: t.oneOnOneMaxDays,
        excess: days === null ? Number.MAX_SAFE_INTEGER : days
      });
    }
    if (row.overdueCommitments > 0) {
      warnings.push({
        code: 'overdue-commitments',
        severity: row.overdueCommitments >= 3 ? 'medium' : 'low',
        repId: row.repId,
        value: row.overdueCommitments,
        threshold: 0,
        excess: row.overdueCommitments
      });
    }
  }
  const todayDay = toEpochDay(input.today);
  for (const goal of input.goals ?? []) {
    if (!isGoalPastTargetDate(goal, input.today) || goal.targetDay === null) continue;
    const daysPast = todayDay - goal.targetDay;
    warnings.push({
      code: 'goal-past-target-date',
      severity: daysPast > t.goalOverdueHighDays ? 'high' : 'medium',
      repId: goal.repId,
      value: daysPast,
      threshold: 0,
      goalId: goal.id,
      excess: daysPast
    });
  }
  warnings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      WARNING_CODES.indexOf(a.code) - WARNING_CODES.indexOf(b.code) ||
      b.excess - a.excess ||
      a.repId.localeCompare(b.repId) ||
      (a.goalId ?? '').localeCompare(b.goalId ?? '')
  );
  return warnings.map(({ excess: _excess, ...warning }) => warning);
}
