/**
 * Pure figures of one territory plan: KPIs of the plan owner over the plan period through
 * c/coachingMetrics (the plan's own target, whatever its status), run rate to close the gap,
 * key-account progress, the cumulative closed-won series for the chart, and the history rows.
 */
import {
  type Kpis,
  type OpportunityFact,
  type Ratio,
  type TerritoryPlanFact,
  ACTIVE_PLAN_STATUS,
  computeRepKpis,
  divide,
  indexByOwner,
  notComputable
} from 'c/coachingMetrics';
import {
  type Connection,
  type CurrencyFieldValue,
  type FieldValue,
  type TerritoryPlanNode,
  amountInUserCurrency
} from 'c/opportunityData';
import {
  type FieldLimits,
  type RecordFields,
  type WriteStep,
  numberMessage,
  parseNumber,
  textLengthMessage
} from 'c/formSupport';
import VR_TARGET_POSITIVE from '@salesforce/label/c.SC_VR_Territory_Plan_Target_Amount_Positive';
import VR_TARGET_AT_MOST from '@salesforce/label/c.SC_VR_Territory_Plan_Target_Amount_At_Most';
import {
  type IsoDate,
  type Period,
  daysRemaining,
  fromEpochDay,
  samePeriodLastYear,
  toDayRange,
  toEpochDay
} from 'c/periods';

export interface PlanNode extends TerritoryPlanNode {
  Last_Reviewed__c?: FieldValue<string>;
  Review_Notes__c?: FieldValue<string>;
  Plan_Owner__r?: { Name?: FieldValue<string> } | null;
}

export interface PlanAccountNode {
  Id: string;
  Account__c?: FieldValue<string>;
  Account__r?: { Name?: FieldValue<string> } | null;
  Planned_Amount__c?: CurrencyFieldValue;
}

/**
 * A history value: the UI API types OldValue/NewValue as the AnyType union, so the query reads
 * it through one inline fragment per member, each under its own alias; one of them is set.
 */
export interface AnyValue {
  text?: string | null;
  number?: number | null;
  flag?: boolean | null;
  date?: string | null;
  dateTime?: string | null;
}

export interface PlanHistoryNode {
  Id: string;
  Field?: FieldValue<string>;
  OldValue?: AnyValue | null;
  NewValue?: AnyValue | null;
  CreatedDate?: FieldValue<string>;
  CreatedBy?: { Name?: FieldValue<string> } | null;
}

export interface PlanData {
  uiapi?: {
    query?: {
      plan?: Connection<PlanNode> | null;
      accounts?: Connection<PlanAccountNode> | null;
    } | null;
  } | null;
}

export interface PlanHistoryData {
  uiapi?: {
    query?: {
      history?: Connection<PlanHistoryNode> | null;
    } | null;
  } | null;
}

/** The close-date range the plan needs: the same period a year earlier through the period end. */
export function opportunityRange(period: Period): Period {
  return { start: samePeriodLastYear(period).start, end: period.end };
}

/** The owner's KPIs over the plan period against the plan's own target. */
export function planKpis(
  plan: TerritoryPlanFact,
  facts: readonly OpportunityFact[],
  today: IsoDate
): Kpis {
  const period: Period = { start: fromEpochDay(plan.startDay), end: fromEpochDay(plan.endDay) };
  const own = facts.filter((fact) => fact.ownerId === plan.ownerId);
  const [kpis] = computeRepKpis(indexByOwner(own, [plan.ownerId]), {
    period,
    today,
    // The plan page measures against this plan's target even while it is a draft.
    plans: [{ ...plan, status: ACTIVE_PLAN_STATUS }]
  });
  return kpis;
}

/** Amount still to win per remaining week of the period; not computable once it is over. */
export function requiredWeeklyRunRate(gap: number | null, period: Period, today: IsoDate): Ratio {
  if (gap === null) return notComputable('no-target');
  if (gap <= 0) return notComputable('target-met');
  const weeks = daysRemaining(period, today) / 7;
  return divide(gap, weeks, 'no-data');
}

export interface AccountProgress {
  id: string;
  accountId: string | null;
  name: string;
  planned: number | null;
  won: number;
  open: number;
  /** won ÷ planned, 0–1 (not clamped above 1). */
  progress: Ratio;
}

export function accountProgress(
  accounts: readonly PlanAccountNode[],
  facts: readonly OpportunityFact[],
  plan: TerritoryPlanFact
): AccountProgress[] {
  return accounts.map((account) => {
    const accountId = account.Account__c?.value ?? null;
    let won = 0;
    let open = 0;
    for (const fact of facts) {
      if (fact.ownerId !== plan.ownerId || accountId === null || fact.accountId !== accountId)
        continue;
      if (fact.closeDay < plan.startDay || fact.closeDay > plan.endDay) continue;
      if (fact.isWon) won += fact.amount ?? 0;
      else if (!fact.isClosed) open += fact.amount ?? 0;
    }
    // In the user's currency, as the deals' amounts are (convertCurrency).
    const planned = amountInUserCurrency(account.Planned_Amount__c);
    return {
      id: account.Id,
      accountId,
      name: account.Account__r?.Name?.value ?? accountId ?? account.Id,
      planned,
      won,
      open,
      progress: planned === null ? notComputable('no-target') : divide(won, planned, 'no-target')
    };
  });
}

export interface CumulativePoint {
  /** Last day of the week (or the period end / today). */
  date: IsoDate;
  day: number;
  cumulativeWon: number;
  /** The target pro rata to this day: the straight line from 0 to the target. */
  targetPace: number;
}

/** Closed won accumulated week by week from the period start up to today (or the period end). */
export function cumulativeSeries(
  plan: TerritoryPlanFact,
  facts: readonly OpportunityFact[],
  today: IsoDate
): CumulativePoint[] {
  const { startDay, endDay } = toDayRange({
    start: fromEpochDay(plan.startDay),
    end: fromEpochDay(plan.endDay)
  });
  // A period that has not started has no elapsed day: the series is its starting point only.
  const lastDay = Math.min(endDay, Math.max(startDay - 1, toEpochDay(today)));
  const won = facts
    .filter(
      (f) =>
        f.ownerId === plan.ownerId && f.isWon && f.closeDay >= startDay && f.closeDay <= lastDay
    )
    .sort((a, b) => a.closeDay - b.closeDay);
  const length = endDay - startDay + 1;
  const target = plan.target ?? 0;
  const points: CumulativePoint[] = [];
  let index = 0;
  let total = 0;
  for (let day = startDay - 1; ; day = Math.min(day + 7, lastDay)) {
    while (index < won.length && won[index].closeDay <= day) total += won[index++].amount ?? 0;
    points.push({
      date: fromEpochDay(Math.max(day, startDay)),
      day: day - startDay + 1,
      cumulativeWon: total,
      targetPace: (target * (day - startDay + 1)) / length
    });
    if (day >= lastDay) break;
  }
  return points;
}

export interface HistoryRow {
  id: string;
  date: IsoDate;
  who: string;
  field: string;
  oldValue: string;
  newValue: string;
}

function display(any: AnyValue | null | undefined): string {
  const value = [any?.text, any?.number, any?.flag, any?.date, any?.dateTime].find(
    (entry) => entry !== null && entry !== undefined
  );
  if (typeof value === 'string') return value === '' ? '—' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '—';
}

export function historyRows(nodes: readonly PlanHistoryNode[]): HistoryRow[] {
  return nodes.map((node) => ({
    id: node.Id,
    date: (node.CreatedDate?.value ?? '').slice(0, 10),
    who: node.CreatedBy?.Name?.value ?? '—',
    field: node.Field?.value ?? '',
    oldValue: display(node.OldValue),
    newValue: display(node.NewValue)
  }));
}

// ---- Review: every review its own record, written with the plan all or nothing ---------------

export interface PlanReviewNode {
  Id: string;
  Review_Date__c?: FieldValue<string>;
  Reviewer__r?: { Name?: FieldValue<string> } | null;
  Notes__c?: FieldValue<string>;
  Target_Before__c?: FieldValue<number>;
  Target_After__c?: FieldValue<number>;
}

export interface PlanReviewsData {
  uiapi?: {
    query?: {
      reviews?: Connection<PlanReviewNode> | null;
    } | null;
  } | null;
}

/** What a reviewer types: notes, and the new target as text (parsed with the user's locale). */
export interface ReviewDraft {
  notes: string;
  target: string;
}

export interface ReviewCheck {
  /** Whether the reviewer may change the target (the plan's manager, with edit access). */
  canAdjustTarget: boolean;
  /** Target_Amount__c's scale and precision (object info, else the metadata's 2 and 16). */
  targetLimits?: Partial<FieldLimits>;
  /** Territory_Plan_Review__c.Notes__c's length (object info, else the metadata's). */
  notesLength?: number | null;
}

export interface ReviewViolation {
  field: 'target' | 'notes';
  message: string;
}

/** Target_Amount_At_Most: a plan target above a trillion (in any currency) is a typo. */
export const MAX_TARGET = 1e12;
export const TARGET_LIMITS: Readonly<Partial<FieldLimits>> = { scale: 2, precision: 16 };
export const NOTES_LENGTH = 32768;

/** The new target a draft asks for: null when blank, or why it cannot be the plan's target. */
function draftTarget(draft: ReviewDraft, check: ReviewCheck) {
  return parseNumber(draft.target, { ...TARGET_LIMITS, ...check.targetLimits });
}

/**
 * The review's rules: the target (when the reviewer may change it) is a number the field takes,
 * above zero (Target_Amount_Positive) and at most a trillion (Target_Amount_At_Most); the notes
 * fit the review's Notes__c.
 */
export function validateReview(draft: ReviewDraft, check: ReviewCheck): ReviewViolation[] {
  const violations: ReviewViolation[] = [];
  if (check.canAdjustTarget) {
    const target = draftTarget(draft, check);
    if (!target.ok) violations.push({ field: 'target', message: numberMessage(target.problem) });
    else if (target.value === null || !(target.value > 0)) {
      violations.push({ field: 'target', message: VR_TARGET_POSITIVE });
    } else if (target.value > MAX_TARGET) {
      violations.push({ field: 'target', message: VR_TARGET_AT_MOST });
    }
  }
  const notesTooLong = textLengthMessage(draft.notes, check.notesLength ?? NOTES_LENGTH);
  if (notesTooLong) violations.push({ field: 'notes', message: notesTooLong });
  return violations;
}

export interface ReviewedPlan {
  id: string;
  target: number | null;
  lastReviewed: string | null;
  reviewNotes: string | null;
}

/**
 * The writes of one review, as one save (saveAll): the plan first — review date, latest notes,
 * and the new target — then the review record. The plan update carries what the fields held, so
 * it is put back if the review cannot be created; reviews themselves are never edited or
 * deleted, so none is left to undo.
 */
export function reviewSteps(
  plan: ReviewedPlan,
  draft: ReviewDraft,
  context: { today: IsoDate; reviewerId: string; canAdjustTarget: boolean }
): WriteStep[] {
  const notes = draft.notes.trim() === '' ? null : draft.notes;
  const parsed = context.canAdjustTarget ? draftTarget(draft, context) : null;
  const newTarget = parsed?.ok && parsed.value !== null ? parsed.value : plan.target;
  const fields: RecordFields & { Id: string } = {
    Id: plan.id,
    Last_Reviewed__c: context.today,
    Review_Notes__c: notes
  };
  const restore: RecordFields = {
    Last_Reviewed__c: plan.lastReviewed,
    Review_Notes__c: plan.reviewNotes
  };
  if (newTarget !== plan.target) {
    fields.Target_Amount__c = newTarget;
    restore.Target_Amount__c = plan.target;
  }
  return [
    { action: 'update', fields, restore },
    {
      action: 'create',
      apiName: 'Territory_Plan_Review__c',
      fields: {
        Territory_Plan__c: plan.id,
        Review_Date__c: context.today,
        Reviewer__c: context.reviewerId,
        Notes__c: notes,
        Target_Before__c: plan.target,
        Target_After__c: newTarget
      }
    }
  ];
}

export interface ReviewRow {
  id: string;
  date: string | null;
  reviewer: string;
  notes: string;
  before: number | null;
  after: number | null;
  targetChanged: boolean;
}

export function reviewRows(nodes: readonly PlanReviewNode[]): ReviewRow[] {
  return nodes.map((node) => {
    const before = node.Target_Before__c?.value ?? null;
    const after = node.Target_After__c?.value ?? null;
    return {
      id: node.Id,
      date: node.Review_Date__c?.value ?? null,
      reviewer: node.Reviewer__r?.Name?.value ?? '—',
      notes: node.Notes__c?.value ?? '',
      before,
      after,
      targetChanged: before !== null && after !== null && before !== after
    };
  });
}
