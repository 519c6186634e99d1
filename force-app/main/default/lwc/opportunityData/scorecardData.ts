/**
 * From what the team scorecard's readings gathered to the engine's inputs: who the reps are,
 * the variables of each request, the KPIs, the cadence and the goals. No platform imports, so
 * the component and the Node tools that replay its requests against the preview's org
 * (bench/scorecardRead.ts) compute the scorecard the same way.
 */
import {
  type CadenceCounts,
  type CadenceKpis,
  type GoalCounts,
  type GoalFact,
  type RepKpis,
  type SessionFact,
  type Thresholds,
  cadenceFromCounts,
  computeRepKpisFromAggregates,
  isGoalPastTargetDate,
  overdueCommitments
} from 'c/coachingMetrics';
import {
  type CoachingSessionNode,
  type DevelopmentGoalNode,
  type ScorecardAggregateNodeLists,
  type TeamCoaching,
  type TeamMember,
  goalCountsByRep,
  goalFactsFromNodes,
  ownerAggregatesFromNodes,
  sessionFactsFromNodes
} from './uiApi';
import {
  type OwnersScorecardVariables,
  type TeamCoachingVariables,
  type TeamFollowUpsVariables,
  followUpSessionsFilter,
  ownersScorecardVariables,
  teamCoachingVariables
} from './variables';
import type { EpochDay, IsoDate, Period } from 'c/periods';

export interface Team {
  reports: TeamMember[];
  reportsOfReports: TeamMember[];
}

/** Direct reports who manage someone: their ids. */
export function managerIdsOf(team: Team): Set<string | null> {
  return new Set(team.reportsOfReports.map((user) => user.managerId));
}

/**
 * The reps whose numbers the scorecard shows: the reports' reports one level up, and every
 * direct report who manages no one (for a first-line manager, all of the reports).
 */
export function repUsersOf(team: Team): TeamMember[] {
  const managerIds = managerIdsOf(team);
  return [...team.reportsOfReports, ...team.reports.filter((user) => !managerIds.has(user.id))];
}

/** The reps' ids, sorted: the order every request names them in. */
export function ownerIdsOf(team: Team): string[] {
  return repUsersOf(team)
    .map((user) => user.id)
    .sort();
}

export function aggregatesVariablesOf(
  owners: readonly string[],
  period: Period,
  today: IsoDate,
  thresholds: Partial<Thresholds>
): OwnersScorecardVariables {
  return ownersScorecardVariables(owners, period, today, thresholds);
}

export function coachingVariablesOf(
  owners: readonly string[],
  period: Period,
  today: IsoDate
): TeamCoachingVariables {
  return teamCoachingVariables(owners, period, today);
}

/** The follow-ups of the reps in `owners`, from their last completed days. */
export function followUpsVariablesOf(
  owners: readonly string[],
  lastCompleted: ReadonlyMap<string, EpochDay>,
  today: IsoDate,
  after: { sessions: string | null; goals: string | null }
): TeamFollowUpsVariables {
  const ofOwners = new Map<string, EpochDay>();
  for (const repId of owners) {
    const day = lastCompleted.get(repId);
    if (day !== undefined) ofOwners.set(repId, day);
  }
  return {
    sessionsWhere: followUpSessionsFilter(ofOwners, today),
    repIds: [...owners],
    today,
    sessionsAfter: after.sessions,
    goalsAfter: after.goals
  };
}

/** KPIs of each rep in `ownerIds`, from the KPI aggregates and the plan targets. */
export function repKpisOf(
  nodes: ScorecardAggregateNodeLists,
  coaching: Pick<TeamCoaching, 'plans'>,
  ownerIds: readonly string[],
  period: Period
): RepKpis[] {
  const owners = new Set(ownerIds);
  return computeRepKpisFromAggregates(ownerAggregatesFromNodes(nodes), {
    period,
    plans: coaching.plans,
    ownerIds
  }).filter((rep) => owners.has(rep.repId));
}

/** The follow-ups read: sessions of each rep's last completed day, open goals past their date. */
export function followUpsOf(
  nodes: { sessions: readonly CoachingSessionNode[]; goals: readonly DevelopmentGoalNode[] },
  today: IsoDate
): { sessions: SessionFact[]; goals: GoalFact[] } {
  return {
    sessions: sessionFactsFromNodes(nodes.sessions),
    goals: goalFactsFromNodes(nodes.goals).filter((goal) => isGoalPastTargetDate(goal, today))
  };
}

/** Cadence of each rep in `ownerIds`: counts and last days from aggregates, overdue from follow-ups. */
export function cadenceOf(
  coaching: Pick<TeamCoaching, 'completed' | 'planned' | 'lastOneOnOne'>,
  followUpSessions: readonly SessionFact[],
  ownerIds: readonly string[],
  today: IsoDate
): CadenceKpis[] {
  const overdue = new Map<string, number>();
  for (const session of overdueCommitments(followUpSessions, today))
    overdue.set(session.repId, (overdue.get(session.repId) ?? 0) + 1);
  const counts = new Map<string, CadenceCounts>();
  for (const repId of ownerIds) {
    counts.set(repId, {
      completedInPeriod: coaching.completed.get(repId) ?? 0,
      plannedInPeriod: coaching.planned.get(repId) ?? 0,
      lastOneOnOneDay: coaching.lastOneOnOne.get(repId) ?? null,
      overdueCommitments: overdue.get(repId) ?? 0
    });
  }
  return cadenceFromCounts(ownerIds, counts, today);
}

/** Goal counts of each rep: totals from aggregates, past their date from the follow-ups. */
export function goalCountsOf(
  coaching: Pick<TeamCoaching, 'goals' | 'goalsAchieved'>,
  goalsPastTarget: readonly GoalFact[]
): Map<string, GoalCounts> {
  return goalCountsByRep(coaching, goalsPastTarget);
}
