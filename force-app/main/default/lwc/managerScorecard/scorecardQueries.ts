/**
 * The scorecard's own GraphQL documents (the team and period views use c/opportunityData):
 * a rep's KPI aggregates for eight quarters in one request (the drill-down), and the saved
 * snapshots of the running manager with their entries (trend chart, save without duplicates).
 */
import { gql } from 'lightning/graphql';
import type {
  AmountByIdNode,
  Connection,
  FieldValue,
  OpportunityAggregateNode,
  TerritoryPlanNode
} from 'c/opportunityData';

/**
 * One window per quarter, aliased q0 (oldest) … q7, plus the rep's plans overlapping them and
 * (`planTargets`) their targets in the corporate currency, the currency of the windows. Each
 * window holds three groups at most (open, lost, won) for the one owner; the plans of one rep
 * over two years fit a page of 2,000, and the drill-down says so if they ever do not. Ten
 * subqueries: the UI API's limit per query.
 */
export const REP_QUARTER_HISTORY = gql`
  query repQuarterHistory(
    $ownerId: ID
    $from: Date
    $to: Date
    $start0: Date
    $end0: Date
    $start1: Date
    $end1: Date
    $start2: Date
    $end2: Date
    $start3: Date
    $end3: Date
    $start4: Date
    $end4: Date
    $start5: Date
    $end5: Date
    $start6: Date
    $end6: Date
    $start7: Date
    $end7: Date
  ) {
    uiapi {
      query {
        plans: Territory_Plan__c(
          first: 2000
          where: {
            Plan_Owner__c: { eq: $ownerId }
            Period_Start__c: { lte: { value: $to } }
            Period_End__c: { gte: { value: $from } }
          }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Plan_Owner__c {
                value
              }
              Manager__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Target_Amount__c @optional {
                value
              }
              Status__c {
                value
              }
            }
          }
        }
      }
      aggregate {
        planTargets: Territory_Plan__c(
          first: 2000
          where: {
            Plan_Owner__c: { eq: $ownerId }
            Period_Start__c: { lte: { value: $to } }
            Period_End__c: { gte: { value: $from } }
          }
          groupBy: { Id: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Id {
                  value
                }
                Target_Amount__c @optional {
                  sum {
                    value
                  }
                }
              }
            }
          }
        }
        q0: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start0 }, lte: { value: $end0 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q1: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start1 }, lte: { value: $end1 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q2: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start2 }, lte: { value: $end2 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q3: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start3 }, lte: { value: $end3 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q4: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start4 }, lte: { value: $end4 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q5: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start5 }, lte: { value: $end5 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q6: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start6 }, lte: { value: $end6 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
        q7: Opportunity(
          first: 10
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start7 }, lte: { value: $end7 } }
          }
          groupBy: { OwnerId: { group: true }, IsClosed: { group: true }, IsWon: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                IsClosed {
                  value
                }
                IsWon {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
                Amount {
                  sum {
                    value
                  }
                }
                ExpectedRevenue {
                  sum {
                    value
                  }
                }
                Sales_Cycle_Days__c @optional {
                  avg {
                    value
                  }
                  count {
                    value
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export const QUARTER_ALIASES = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'] as const;
export type QuarterAlias = (typeof QUARTER_ALIASES)[number];

/** The variables of REP_QUARTER_HISTORY: every one is declared without a default. */
export interface RepQuarterHistoryVariables {
  ownerId: string;
  from: string;
  to: string;
  start0: string;
  end0: string;
  start1: string;
  end1: string;
  start2: string;
  end2: string;
  start3: string;
  end3: string;
  start4: string;
  end4: string;
  start5: string;
  end5: string;
  start6: string;
  end6: string;
  start7: string;
  end7: string;
}

/** The eight windows, oldest first, as REP_QUARTER_HISTORY's variables. */
export function repQuarterHistoryVariables(
  ownerId: string,
  quarters: readonly { start: string; end: string }[]
): RepQuarterHistoryVariables {
  if (quarters.length !== QUARTER_ALIASES.length) {
    throw new Error(`REP_QUARTER_HISTORY reads ${QUARTER_ALIASES.length} quarters`);
  }
  const [q0, q1, q2, q3, q4, q5, q6, q7] = quarters;
  return {
    ownerId,
    from: q0.start,
    to: q7.end,
    start0: q0.start,
    end0: q0.end,
    start1: q1.start,
    end1: q1.end,
    start2: q2.start,
    end2: q2.end,
    start3: q3.start,
    end3: q3.end,
    start4: q4.start,
    end4: q4.end,
    start5: q5.start,
    end5: q5.end,
    start6: q6.start,
    end6: q6.end,
    start7: q7.start,
    end7: q7.end
  };
}

export interface RepQuarterHistoryData {
  uiapi?: {
    query?: { plans?: Connection<TerritoryPlanNode> | null } | null;
    aggregate?:
      | (Partial<Record<QuarterAlias, Connection<OpportunityAggregateNode> | null>> & {
          planTargets?: Connection<AmountByIdNode> | null;
        })
      | null;
  } | null;
}

/**
 * The manager's saved scorecards, oldest period first (the trend), and the entries of the one
 * saved for the period in view, if any (what a save updates): one per rep, so a VP of 1,000
 * reps fits a page. The trend reads 2,000 snapshots — five centuries of quarters — and a save
 * is refused when the period's entries do not fit a page (see snapshotEntriesComplete).
 */
export const MANAGER_SNAPSHOTS = gql`
  query managerSnapshots(
    $scorecardManagerId: ID
    $periodStart: Date
    $periodEnd: Date
    $periodKey: String
  ) {
    uiapi {
      query {
        snapshots: Manager_Scorecard__c(
          first: 2000
          where: { Manager__c: { eq: $scorecardManagerId } }
          orderBy: { Period_Start__c: { order: ASC }, Period_End__c: { order: ASC } }
        ) {
          totalCount
          edges {
            node {
              Id
              Period_Key__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Snapshot_Date__c {
                value
              }
              Percent_To_Plan__c {
                value
              }
              Win_Rate__c {
                value
              }
              Coaching_Sessions__c {
                value
              }
            }
          }
        }
        entries: Scorecard_Entry__c(
          first: 2000
          where: {
            Manager_Scorecard__r: {
              Manager__c: { eq: $scorecardManagerId }
              Period_Start__c: { eq: { value: $periodStart } }
              Period_End__c: { eq: { value: $periodEnd } }
            }
          }
        ) {
          totalCount
          edges {
            node {
              Id
              Manager_Scorecard__c {
                value
              }
              Rep__c {
                value
              }
            }
          }
        }
        current: Manager_Scorecard__c(first: 1, where: { Period_Key__c: { eq: $periodKey } }) {
          edges {
            node {
              Id
              Name {
                value
              }
              Manager__c {
                value
              }
              Period_Start__c {
                value
              }
              Period_End__c {
                value
              }
              Period_Key__c {
                value
              }
              Snapshot_Date__c {
                value
              }
              Team_Size__c {
                value
              }
              Reps_Coached__c {
                value
              }
              Target_Amount__c {
                value
              }
              Closed_Won_Amount__c {
                value
              }
              Percent_To_Plan__c {
                value
              }
              Win_Rate__c {
                value
              }
              Open_Pipeline__c {
                value
              }
              Pipeline_Coverage__c {
                value
              }
              Average_Deal_Size__c {
                value
              }
              Average_Sales_Cycle_Days__c {
                value
              }
              Growth__c {
                value
              }
              Coaching_Sessions__c {
                value
              }
              Session_Completion_Rate__c {
                value
              }
              Goals_Achieved__c {
                value
              }
            }
          }
        }
        currentEntries: Scorecard_Entry__c(
          first: 2000
          where: { Manager_Scorecard__r: { Period_Key__c: { eq: $periodKey } } }
        ) {
          edges {
            node {
              Id
              Manager_Scorecard__c {
                value
              }
              Rep__c {
                value
              }
              Target_Amount__c {
                value
              }
              Closed_Won_Amount__c {
                value
              }
              Percent_To_Plan__c {
                value
              }
              Win_Rate__c {
                value
              }
              Open_Pipeline__c {
                value
              }
              Pipeline_Coverage__c {
                value
              }
              Average_Deal_Size__c {
                value
              }
              Average_Sales_Cycle_Days__c {
                value
              }
              Growth__c {
                value
              }
              Coaching_Sessions__c {
                value
              }
              Session_Completion_Rate__c {
                value
              }
              Goals_Achieved__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

export interface ManagerSnapshotsVariables {
  scorecardManagerId: string;
  periodStart: string;
  periodEnd: string;
  /** Manager_Scorecard__c.Period_Key__c of the period shown (see snapshotKey). */
  periodKey: string;
}

export interface SnapshotNode {
  Id: string;
  Period_Key__c?: FieldValue<string>;
  Period_Start__c?: FieldValue<string>;
  Period_End__c?: FieldValue<string>;
  Snapshot_Date__c?: FieldValue<string>;
  Percent_To_Plan__c?: FieldValue<number>;
  Win_Rate__c?: FieldValue<number>;
  Coaching_Sessions__c?: FieldValue<number>;
}

export interface EntryNode {
  Id: string;
  Manager_Scorecard__c?: FieldValue<string>;
  Rep__c?: FieldValue<string>;
}

/**
 * The saved snapshot of the period on screen, every field a save writes: what an update is put
 * back to if the save fails half-way (Scorecard_Entry__c and Manager_Scorecard__c alike).
 */
export interface SavedFieldsNode {
  Id: string;
  [field: string]: FieldValue<unknown> | string | undefined;
}

export interface ManagerSnapshotsData {
  uiapi?: {
    query?: {
      snapshots?: Connection<SnapshotNode> | null;
      entries?: Connection<EntryNode> | null;
      current?: Connection<SavedFieldsNode> | null;
      currentEntries?: Connection<SavedFieldsNode> | null;
    } | null;
  } | null;
}
