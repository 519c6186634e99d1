/**
 * Pure view model of the rep's Home: goals with live progress, due-soon / overdue flags, and
 * the latest and next coaching sessions. KPI-linked goals are measured through c/coachingMetrics
 * (computeRepKpis → goalProgress) on the rep's opportunities in the goal's period.
 */
import {
  type GoalFact,
  type GoalProgress,
  type Kpis,
  type NotComputableReason,
  type OpportunityFact,
  type TerritoryPlanFact,
  GOAL_STATUS,
  computeRepKpis,
  goalProgress,
  indexByOwner,
  isGoalPastTargetDate
} from 'c/coachingMetrics';
import {
  type Connection,
  type DevelopmentGoalNode,
  type FieldValue,
  type TerritoryPlanNode,
  goalFactFromNode,
  nodesOf
} from 'c/opportunityData';
import { type IsoDate, type Period, fromEpochDay, thisQuarter, toEpochDay } from 'c/periods';
import { numberMessage, parseNumber } from 'c/formSupport';
import PROGRESS_RANGE from '@salesforce/label/c.SC_VR_Development_Goal_Progress_Between_0_And_100';

export const DUE_SOON_DAYS = 14;

export interface GoalNode extends DevelopmentGoalNode {
  Description__c?: FieldValue<string>;
  Success_Measure__c?: FieldValue<string>;
  /** The goal's currency; only in multi-currency orgs. */
  CurrencyIsoCode?: FieldValue<string>;
}

/** KPI goals whose baseline and target are amounts, written in the goal's currency. */
export const AMOUNT_METRICS: readonly string[] = ['Closed Won Amount', 'Average Deal Size'];

export interface SessionNode {
  Id: string;
  Session_Date__c?: FieldValue<string>;
  Session_Type__c?: FieldValue<string>;
  Status__c?: FieldValue<string>;
  Strengths__c?: FieldValue<string>;
  Development_Areas__c?: FieldValue<string>;
  Commitments__c?: FieldValue<string>;
  Follow_Up_Date__c?: FieldValue<string>;
  Rep_Acknowledged__c?: FieldValue<boolean>;
  Rep_Rating__c?: FieldValue<number>;
  Coach__r?: { Name?: FieldValue<string> } | null;
}

export interface MyCoachingData {
  uiapi?: {
    query?: {
      goals?: Connection<GoalNode> | null;
      plans?: Connection<TerritoryPlanNode> | null;
      latest?: Connection<SessionNode> | null;
      upcoming?: Connection<SessionNode> | null;
    } | null;
  } | null;
}

/** The window a goal is measured over: Start_Date__c..Target_Date__c, or the current quarter. */
export function goalPeriod(goal: GoalFact, today: IsoDate): Period {
  if (goal.startDay !== null && goal.targetDay !== null && goal.targetDay >= goal.startDay) {
    return { start: fromEpochDay(goal.startDay), end: fromEpochDay(goal.targetDay) };
  }
  return thisQuarter(today);
}

/** The close-date range covering every KPI goal's period (null without KPI goals). */
export function opportunityWindow(goals: readonly GoalFact[], today: IsoDate): Period | null {
  let start: IsoDate | null = null;
  let end: IsoDate | null = null;
  for (const goal of goals) {
    if (goal.metric === null) continue;
    const period = goalPeriod(goal, today);
    if (start === null || period.start < start) start = period.start;
    if (end === null || period.end > end) end = period.end;
  }
  return start !== null && end !== null ? { start, end } : null;
}

/** The rep's KPIs over a period, from the rep's opportunities and territory plans. */
export function kpisForPeriod(
  repId: string,
  facts: readonly OpportunityFact[],
  plans: readonly TerritoryPlanFact[],
  period: Period,
  today: IsoDate
): Kpis | null {
  const own = facts.filter((fact) => fact.ownerId === repId);
  const rows = computeRepKpis(indexByOwner(own, [repId]), { period, today, plans });
  return rows.find((row) => row.repId === repId) ?? null;
}

/** Live progress of one goal: manual from Progress__c, KPI goals from the opportunities. */
export function measureGoal(
  goal: GoalFact,
  facts: readonly OpportunityFact[],
  plans: readonly TerritoryPlanFact[],
  today: IsoDate
): GoalProgress {
  if (goal.metric === null) return goalProgress(goal, null);
  return goalProgress(
    goal,
    kpisForPeriod(goal.repId, facts, plans, goalPeriod(goal, today), today)
  );
}

export type DueFlag = 'overdue' | 'due-soon' | null;

export function dueFlag(goal: GoalFact, today: IsoDate): DueFlag {
  if (isGoalPastTargetDate(goal, today)) return 'overdue';
  if (goal.targetDay === null) return null;
  if (goal.status === GOAL_STATUS.achieved || goal.status === GOAL_STATUS.deferred) return null;
  const days = goal.targetDay - toEpochDay(today);
  return days >= 0 && days <= DUE_SOON_DAYS ? 'due-soon' : null;
}

export interface MeasuredGoal {
  fact: GoalFact;
  node: GoalNode;
  progress: GoalProgress;
  /**
   * An amount goal set in another currency than the figures it is measured with (the user's):
   * its progress is not computed, as amounts of two currencies are never compared.
   */
  currencyMismatch: { goal: string; figures: string } | null;
  /** 0–100 when measurable. */
  percent: number | null;
  reason: NotComputableReason | null;
  due: DueFlag;
}

/**
 * The goals with their live progress. `figuresCurrency` is the currency the opportunity facts
 * are in (the user's, in a multi-currency org; null in a single-currency one).
 */
export function measureGoals(
  nodes: readonly GoalNode[],
  facts: readonly OpportunityFact[],
  plans: readonly TerritoryPlanFact[],
  today: IsoDate,
  figuresCurrency: string | null = null
): MeasuredGoal[] {
  const measured: MeasuredGoal[] = [];
  for (const node of nodes) {
    const fact = goalFactFromNode(node);
    if (!fact) continue;
    const measuredProgress = measureGoal(fact, facts, plans, today);
    const goalCurrency = node.CurrencyIsoCode?.value ?? null;
    const currencyMismatch =
      figuresCurrency !== null &&
      goalCurrency !== null &&
      goalCurrency !== figuresCurrency &&
      fact.metric !== null &&
      AMOUNT_METRICS.includes(fact.metric)
        ? { goal: goalCurrency, figures: figuresCurrency }
        : null;
    const progress: GoalProgress = currencyMismatch
      ? { ...measuredProgress, progress: { ok: false, reason: 'no-goal-values' } }
      : measuredProgress;
    measured.push({
      fact,
      node,
      progress,
      currencyMismatch,
      percent: progress.progress.ok ? Math.round(progress.progress.value * 100) : null,
      reason: progress.progress.ok ? null : progress.progress.reason,
      due: dueFlag(fact, today)
    });
  }
  return measured;
}

export function firstNode<T>(connection: Connection<T> | null | undefined): T | null {
  return nodesOf(connection)[0] ?? null;
}

export type ProgressInput = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * Manual progress typed by the rep: blank (null), a whole number 0–100 (Progress__c is a
 * Percent(3, 0)), or the message saying what to fix — never a blank for "abc", never 12 for 12.345.
 */
export function parseProgress(value: unknown): ProgressInput {
  const parsed = parseNumber(value, { scale: 0, precision: 3 });
  if (!parsed.ok) return { ok: false, message: numberMessage(parsed.problem) };
  if (parsed.value !== null && (parsed.value < 0 || parsed.value > 100)) {
    return { ok: false, message: PROGRESS_RANGE };
  }
  return parsed;
}

/**
 * The label of a picklist value among `options` (getPicklistValues…), or the value itself when
 * the options have not loaded or do not list it (an inactive value).
 */
export function labelOf(
  options: readonly { label: string; value: string }[] | undefined,
  value: string | null
): string | null {
  if (value === null) return null;
  return options?.find((option) => option.value === value)?.label ?? value;
}
