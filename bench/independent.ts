/**
 * The team scorecard computed straight from the sample data's records, with none of the
 * package's code: plain loops over opportunities, plans, sessions and goals, written from the
 * definitions the README and the component document. The scale tests and `npm run bench`
 * compare the scorecard the component computes (bench/scorecardRead.ts) with this.
 */
import type { Dataset, DatasetRecord } from '../data/dataset';

export interface Window {
  start: string;
  end: string;
}

export interface IndependentRep {
  closedWon: number;
  wonCount: number;
  closedCount: number;
  /** Sum of the prorated targets of Active plans; null without one. */
  target: number | null;
  lastYearWon: number;
  previousWon: number;
  previousClosed: number;
  openAmount: number;
  openCount: number;
  weighted: number;
  /** Σ (CloseDate − created day) over won deals, and their number. */
  cycleDays: number;
  hygiene: {
    pastCloseDate: number;
    pushed: number;
    staleInStage: number;
    noRecentActivity: number;
  };
  completed: number;
  planned: number;
  lastOneOnOne: string | null;
  overdue: number;
  goals: { total: number; achieved: number; pastTarget: number };
}

const DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY);
}

function shiftDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) + days * DAY)
    .toISOString()
    .slice(0, 10);
}

function within(date: unknown, window: Window): boolean {
  return typeof date === 'string' && date >= window.start && date <= window.end;
}

function amount(record: DatasetRecord): number {
  return typeof record.Amount === 'number' ? record.Amount : 0;
}

/**
 * Every rep's figures for `period` (with `previous` and `lastYear` windows) as of `today`,
 * with the default thresholds (stale after 30 days in stage, quiet after 14 without activity).
 */
export function independentScorecard(
  dataset: Dataset,
  repIds: readonly string[],
  windows: { current: Window; previous: Window; lastYear: Window },
  today: string
): Map<string, IndependentRep> {
  const reps = new Map<string, IndependentRep>();
  for (const repId of repIds) {
    reps.set(repId, {
      closedWon: 0,
      wonCount: 0,
      closedCount: 0,
      target: null,
      lastYearWon: 0,
      previousWon: 0,
      previousClosed: 0,
      openAmount: 0,
      openCount: 0,
      weighted: 0,
      cycleDays: 0,
      hygiene: { pastCloseDate: 0, pushed: 0, staleInStage: 0, noRecentActivity: 0 },
      completed: 0,
      planned: 0,
      lastOneOnOne: null,
      overdue: 0,
      goals: { total: 0, achieved: 0, pastTarget: 0 }
    });
  }
  const stageCutoff = Date.parse(`${shiftDays(today, -30)}T00:00:00.000Z`);
  const activityCutoff = shiftDays(today, -14);
  for (const deal of dataset.records.Opportunity) {
    const rep = reps.get(String(deal.OwnerId));
    if (!rep) continue;
    const closed = deal.IsClosed === true;
    const won = deal.IsWon === true;
    if (within(deal.CloseDate, windows.current)) {
      if (won) {
        rep.closedWon += amount(deal);
        rep.wonCount += 1;
        rep.cycleDays +=
          dayNumber(String(deal.CloseDate)) - dayNumber(String(deal.CreatedDate).slice(0, 10));
      }
      if (closed) rep.closedCount += 1;
      else {
        rep.openAmount += amount(deal);
        rep.openCount += 1;
        if (typeof deal.Probability === 'number')
          rep.weighted += (amount(deal) * deal.Probability) / 100;
      }
    }
    if (within(deal.CloseDate, windows.previous) && closed) {
      rep.previousClosed += 1;
      if (won) rep.previousWon += 1;
    }
    if (within(deal.CloseDate, windows.lastYear) && won) rep.lastYearWon += amount(deal);
    if (!closed) {
      if (String(deal.CloseDate) < today) rep.hygiene.pastCloseDate += 1;
      if (typeof deal.PushCount === 'number' && deal.PushCount > 0) rep.hygiene.pushed += 1;
      const stageChange = deal.LastStageChangeDate;
      const stale =
        typeof stageChange === 'string'
          ? Date.parse(stageChange) < stageCutoff
          : Date.parse(String(deal.CreatedDate)) < stageCutoff;
      if (stale) rep.hygiene.staleInStage += 1;
      const activity = deal.LastActivityDate;
      if (typeof activity !== 'string' || activity < activityCutoff)
        rep.hygiene.noRecentActivity += 1;
    }
  }
  const periodStart = dayNumber(windows.current.start);
  const periodEnd = dayNumber(windows.current.end);
  for (const plan of dataset.records.Territory_Plan__c) {
    const rep = reps.get(String(plan.Plan_Owner__c));
    if (!rep || plan.Status__c !== 'Active' || typeof plan.Target_Amount__c !== 'number') continue;
    const start = dayNumber(String(plan.Period_Start__c));
    const end = dayNumber(String(plan.Period_End__c));
    const overlap = Math.min(end, periodEnd) - Math.max(start, periodStart) + 1;
    if (overlap <= 0) continue;
    rep.target = (rep.target ?? 0) + (plan.Target_Amount__c * overlap) / (end - start + 1);
  }
  const lastCompleted = new Map<string, string>();
  for (const session of dataset.records.Coaching_Session__c) {
    const rep = reps.get(String(session.Rep__c));
    if (!rep) continue;
    const date = String(session.Session_Date__c);
    const completed = session.Status__c === 'Completed';
    if (completed && within(date, windows.current)) rep.completed += 1;
    if (session.Status__c === 'Planned' && within(date, windows.current)) rep.planned += 1;
    if (completed && date <= today) {
      if (session.Session_Type__c === 'One-on-One' && (rep.lastOneOnOne ?? '') < date)
        rep.lastOneOnOne = date;
      const last = lastCompleted.get(String(session.Rep__c));
      if (last === undefined || last < date) lastCompleted.set(String(session.Rep__c), date);
    }
  }
  // A commitment is overdue when its follow-up date has passed with no later completed session.
  for (const session of dataset.records.Coaching_Session__c) {
    const rep = reps.get(String(session.Rep__c));
    if (!rep || session.Status__c !== 'Completed') continue;
    const commitments = session.Commitments__c;
    if (typeof commitments !== 'string' || commitments.trim() === '') continue;
    const followUp = session.Follow_Up_Date__c;
    if (typeof followUp !== 'string' || followUp >= today) continue;
    if (String(session.Session_Date__c) >= (lastCompleted.get(String(session.Rep__c)) ?? ''))
      rep.overdue += 1;
  }
  for (const goal of dataset.records.Development_Goal__c) {
    const rep = reps.get(String(goal.Rep__c));
    if (!rep) continue;
    rep.goals.total += 1;
    if (goal.Status__c === 'Achieved') rep.goals.achieved += 1;
    const open = goal.Status__c !== 'Achieved' && goal.Status__c !== 'Deferred';
    if (open && typeof goal.Target_Date__c === 'string' && goal.Target_Date__c < today)
      rep.goals.pastTarget += 1;
  }
  return reps;
}

/** What the component computed for one rep, as plain numbers (see scorecardRead). */
export interface ComputedRep {
  closedWon: number;
  wonCount: number;
  closedCount: number;
  target: number | null;
  percentToPlan: number | null;
  closedWonLastYear: number;
  growth: number | null;
  winRate: number | null;
  previousWinRate: number | null;
  openPipeline: number;
  openCount: number;
  weightedPipeline: number;
  coverage: number | null;
  averageDealSize: number | null;
  salesCycleDays: number | null;
  hygiene: {
    pastCloseDate: number;
    pushed: number;
    staleInStage: number;
    noRecentActivity: number;
  };
  completed: number;
  planned: number;
  daysSinceOneOnOne: number | null;
  overdue: number;
  goals: { total: number; achieved: number; pastTarget: number };
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/** The independent figures in the component's terms: the ratios from the sums. */
export function expectedRep(rep: IndependentRep, today: string): ComputedRep {
  const target = rep.target !== null && rep.target > 0 ? rep.target : null;
  const gap = target === null ? null : target - rep.closedWon;
  return {
    closedWon: rep.closedWon,
    wonCount: rep.wonCount,
    closedCount: rep.closedCount,
    target,
    percentToPlan: target === null ? null : rep.closedWon / target,
    closedWonLastYear: rep.lastYearWon,
    growth: ratio(rep.closedWon - rep.lastYearWon, rep.lastYearWon),
    winRate: ratio(rep.wonCount, rep.closedCount),
    previousWinRate: ratio(rep.previousWon, rep.previousClosed),
    openPipeline: rep.openAmount,
    openCount: rep.openCount,
    weightedPipeline: rep.weighted,
    coverage: gap === null || gap <= 0 ? null : rep.openAmount / gap,
    averageDealSize: ratio(rep.closedWon, rep.wonCount),
    salesCycleDays: ratio(rep.cycleDays, rep.wonCount),
    hygiene: rep.hygiene,
    completed: rep.completed,
    planned: rep.planned,
    daysSinceOneOnOne:
      rep.lastOneOnOne === null ? null : dayNumber(today) - dayNumber(rep.lastOneOnOne),
    overdue: rep.overdue,
    goals: rep.goals
  };
}

/** Every field where the two disagree (numbers beyond 1e-9 relative), as readable lines. */
export function differences(repId: string, computed: ComputedRep, expected: ComputedRep): string[] {
  const lines: string[] = [];
  const visit = (path: string, a: unknown, b: unknown): void => {
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      for (const key of Object.keys(b)) {
        visit(
          `${path}.${key}`,
          (a as Record<string, unknown>)[key],
          (b as Record<string, unknown>)[key]
        );
      }
      return;
    }
    if (typeof a === 'number' && typeof b === 'number') {
      if (Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) return;
    } else if (a === b) return;
    lines.push(`${repId}${path}: computed ${String(a)}, expected ${String(b)}`);
  };
  visit('', computed, expected);
  return lines;
}
