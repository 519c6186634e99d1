/**
 * Variables of the opportunityData documents, built from periods and thresholds so every
 * component sends the same windows and cut-offs the engine's records route uses. Pure (no
 * platform imports), so Node tools can build them too.
 */
import {
  DEFAULT_THRESHOLDS,
  type KpiWindows,
  type Thresholds,
  windowsFor
} from 'c/coachingMetrics';
import { type IsoDate, type Period, addDays } from 'c/periods';

export interface ScorecardWindowVariables {
  start: IsoDate;
  end: IsoDate;
  previousStart: IsoDate;
  previousEnd: IsoDate;
  lastYearStart: IsoDate;
  lastYearEnd: IsoDate;
  today: IsoDate;
  /** DateTime: deals whose stage last changed before this instant are stale. */
  stageChangedBefore: string;
  activityBefore: IsoDate;
}

export type OwnersScorecardVariables = ScorecardWindowVariables & { ownerIds: string[] };

/**
 * Window and hygiene variables matching the engine's records route: a deal is stale in stage
 * when its last stage change (else creation) is before today − staleStageDays, and without
 * activity when LastActivityDate is before today − noActivityDays or empty.
 */
export function scorecardWindowVariables(
  period: Period,
  today: IsoDate,
  thresholds: Partial<Pick<Thresholds, 'staleStageDays' | 'noActivityDays'>> = DEFAULT_THRESHOLDS,
  windows: KpiWindows = windowsFor(period)
): ScorecardWindowVariables {
  const staleStageDays = thresholds.staleStageDays ?? DEFAULT_THRESHOLDS.staleStageDays;
  const noActivityDays = thresholds.noActivityDays ?? DEFAULT_THRESHOLDS.noActivityDays;
  return {
    start: windows.current.start,
    end: windows.current.end,
    previousStart: windows.previous.start,
    previousEnd: windows.previous.end,
    lastYearStart: windows.lastYear.start,
    lastYearEnd: windows.lastYear.end,
    today,
    stageChangedBefore: `${addDays(today, -staleStageDays)}T00:00:00.000Z`,
    activityBefore: addDays(today, -noActivityDays)
  };
}

export function ownersScorecardVariables(
  ownerIds: readonly string[],
  period: Period,
  today: IsoDate,
  thresholds?: Partial<Pick<Thresholds, 'staleStageDays' | 'noActivityDays'>>
): OwnersScorecardVariables {
  return { ownerIds: [...ownerIds], ...scorecardWindowVariables(period, today, thresholds) };
}

export interface TeamCoachingVariables {
  repIds: string[];
  since: IsoDate;
  start: IsoDate;
  end: IsoDate;
}

/** How far back sessions are read: far enough for cadence and overdue commitments. */
export const SESSION_HISTORY_DAYS = 180;

export function teamCoachingVariables(
  repIds: readonly string[],
  period: Period,
  today: IsoDate
): TeamCoachingVariables {
  const history = addDays(today, -SESSION_HISTORY_DAYS);
  return {
    repIds: [...repIds],
    since: history < period.start ? history : period.start,
    start: period.start,
    end: period.end
  };
}
