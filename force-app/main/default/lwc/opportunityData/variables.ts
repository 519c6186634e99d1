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
import { type EpochDay, type IsoDate, type Period, addDays, fromEpochDay } from 'c/periods';

/**
 * UI API's largest page: "Each subquery can return up to 2000 records" (GraphQL API Developer
 * Guide, "GraphQL API Query Limitations"); aggregate groups count as records.
 */
export const MAX_PAGE_SIZE = 2000;

/** Every aggregate alias of the scorecard's documents groups by OwnerId alone. */
const GROUPS_PER_OWNER = 1;

/**
 * Owners (reps) named in one scorecard request: as many as one page of groups holds, so every
 * alias fits one page; an organisation with more reps is read in one request per this many
 * (see ./paging).
 */
export const OWNERS_PER_REQUEST = MAX_PAGE_SIZE / GROUPS_PER_OWNER;

/**
 * The stated bounds of the record reads that page to completion: past these a component says
 * how many it shows of how many. Relay paging reaches 4,000 records, further only with
 * upperBound (GraphQL API Developer Guide, "Paginate with Record Connections").
 */
export const DRILLDOWN_MAX_PAGES = 2;
export const IN_RANGE_MAX_PAGES = 10;
export const TEAM_MAX_PAGES = 10;
export const FOLLOW_UPS_MAX_PAGES = 10;

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
  start: IsoDate;
  end: IsoDate;
  today: IsoDate;
}

export function teamCoachingVariables(
  repIds: readonly string[],
  period: Period,
  today: IsoDate
): TeamCoachingVariables {
  return { repIds: [...repIds], start: period.start, end: period.end, today };
}

/** A Coaching_Session__c filter, as the UI API's Coaching_Session__c_Filter input takes it. */
export type SessionFilter = Record<string, unknown>;

/**
 * The completed sessions on each rep's last completed day whose follow-up date has passed:
 * one clause per distinct day, naming the reps whose last completed session fell on it. Reps
 * without a completed session have nothing overdue; with none at all the filter matches no
 * session (an Id equal to null), so the request stays valid.
 */
export function followUpSessionsFilter(
  lastCompleted: ReadonlyMap<string, EpochDay>,
  today: IsoDate
): SessionFilter {
  const repsByDay = new Map<EpochDay, string[]>();
  for (const [repId, day] of lastCompleted) {
    const reps = repsByDay.get(day);
    if (reps) reps.push(repId);
    else repsByDay.set(day, [repId]);
  }
  if (repsByDay.size === 0) return { Id: { eq: null } };
  const days = [...repsByDay.keys()].sort((a, b) => a - b);
  return {
    Status__c: { eq: 'Completed' },
    Follow_Up_Date__c: { lt: { value: today } },
    or: days.map((day) => ({
      Rep__c: { in: [...(repsByDay.get(day) ?? [])].sort() },
      Session_Date__c: { eq: { value: fromEpochDay(day) } }
    }))
  };
}

export interface OwnerOpportunitiesInRangeVariables {
  ownerId: string;
  start: IsoDate;
  end: IsoDate;
  after: string | null;
}

export interface TeamFollowUpsVariables {
  sessionsWhere: SessionFilter;
  repIds: string[];
  today: IsoDate;
  sessionsAfter: string | null;
  goalsAfter: string | null;
}
