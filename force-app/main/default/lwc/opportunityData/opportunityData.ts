/**
 * The GraphQL documents components read Opportunity and coaching data with, the variables
 * they take, and (re-exported from ./uiApi) the response types and normalisers.
 *
 * Each document is a static `gql` literal (the LWC compiler parses them at build time) with
 * typed variables; no value is ever pasted into a query string. Scorecards read aggregates
 * only, so the number of requests and the bytes transferred do not grow with the number of
 * opportunities or sessions: one request for the team, one for the KPI aggregates of three
 * periods and the hygiene counts, one for the coaching cadence, goals and plan targets, one for
 * the follow-ups (the sessions of each rep's last completed day, the goals past their date).
 *
 * Limits relied on (GraphQL API Developer Guide, "GraphQL API Query Limitations"): up to 10
 * subqueries per query and 2,000 records per subquery page — aggregate groups included. Every
 * aggregate alias of a scorecard document is grouped so that it holds at most one group per
 * owner, and a request names at most OWNERS_PER_REQUEST (2,000) owners, so each alias fits one
 * page whatever the size of the organisation; a larger organisation takes one more request per
 * 2,000 reps (see ./paging). Record connections that can exceed a page are paged to completion.
 */
import { gql } from 'lightning/graphql';
export * from './uiApi';
export * from './variables';
export * from './paging';
export * from './scorecardData';

// ---- Scorecard aggregates -------------------------------------------------------------------

/**
 * KPI sums per owner for the current period, the previous period and the same period last
 * year, and the hygiene counts of open deals — for the owners in $ownerIds (at most
 * OWNERS_PER_REQUEST). Each alias filters won, lost or open deals and groups by OwnerId alone,
 * so it holds one group per owner at most: 1,000 reps fit one page of every alias (grouping by
 * OwnerId, IsClosed and IsWon would give three groups per rep, 3,000 for a VP of 1,000). The
 * previous window needs won and lost deals (its win rate), last year's the won amount (growth).
 * Ten aliases: the UI API's limit of subqueries per query. Data shape: ScorecardAggregatesData.
 */
export const OWNERS_SCORECARD_AGGREGATES = gql`
  query ownersScorecardAggregates(
    $ownerIds: [ID]
    $start: Date
    $end: Date
    $previousStart: Date
    $previousEnd: Date
    $lastYearStart: Date
    $lastYearEnd: Date
    $today: Date
    $stageChangedBefore: DateTime
    $activityBefore: Date
  ) {
    uiapi {
      aggregate {
        currentWon: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsWon: { eq: true }
            CloseDate: { gte: { value: $start }, lte: { value: $end } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
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
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        currentLost: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsClosed: { eq: true }
            IsWon: { eq: false }
            CloseDate: { gte: { value: $start }, lte: { value: $end } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
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
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        currentOpen: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsClosed: { eq: false }
            CloseDate: { gte: { value: $start }, lte: { value: $end } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
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
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        previousWon: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsWon: { eq: true }
            CloseDate: { gte: { value: $previousStart }, lte: { value: $previousEnd } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
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
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        previousLost: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsClosed: { eq: true }
            IsWon: { eq: false }
            CloseDate: { gte: { value: $previousStart }, lte: { value: $previousEnd } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
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
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        lastYearWon: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsWon: { eq: true }
            CloseDate: { gte: { value: $lastYearStart }, lte: { value: $lastYearEnd } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
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
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        pastCloseDate: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsClosed: { eq: false }
            CloseDate: { lt: { value: $today } }
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        pushed: Opportunity(
          first: 2000
          where: { OwnerId: { in: $ownerIds }, IsClosed: { eq: false }, PushCount: { gt: 0 } }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        staleInStage: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsClosed: { eq: false }
            or: [
              { LastStageChangeDate: { lt: { value: $stageChangedBefore } } }
              {
                and: [
                  { LastStageChangeDate: { eq: null } }
                  { CreatedDate: { lt: { value: $stageChangedBefore } } }
                ]
              }
            ]
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        noRecentActivity: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            IsClosed: { eq: false }
            or: [
              { LastActivityDate: { lt: { value: $activityBefore } } }
              { LastActivityDate: { eq: null } }
            ]
          }
          groupBy: { OwnerId: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                OwnerId {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

/**
 * An owner's won deals since a date (sum, count): the average deal size the deal coach
 * compares a deal with. Data: { uiapi: { aggregate: { won: Connection<OpportunityAggregateNode> } } }.
 */
export const OWNER_WON_DEALS = gql`
  query ownerWonDeals($ownerId: ID, $since: Date) {
    uiapi {
      aggregate {
        won: Opportunity(
          first: 2000
          where: {
            OwnerId: { eq: $ownerId }
            IsWon: { eq: true }
            CloseDate: { gte: { value: $since } }
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

// ---- Opportunity records (only where records are shown) ------------------------------------

/**
 * One opportunity with every field the deal coach needs, and (`corporate`) its amount in the
 * corporate currency, the currency of the owner's average from OWNER_WON_DEALS.
 * Data: OpportunityByIdData.
 */
export const OPPORTUNITY_BY_ID = gql`
  query opportunityById($recordId: ID) {
    uiapi {
      query {
        Opportunity(first: 1, where: { Id: { eq: $recordId } }) {
          edges {
            node {
              Id
              Name {
                value
              }
              OwnerId {
                value
              }
              Owner {
                Name {
                  value
                }
              }
              AccountId {
                value
              }
              Account {
                Name {
                  value
                }
              }
              Amount @optional {
                value
                displayValue
                convertCurrency @optional
              }
              CurrencyIsoCode @optional {
                value
              }
              StageName {
                value
              }
              Probability @optional {
                value
              }
              IsClosed {
                value
              }
              IsWon {
                value
              }
              CloseDate {
                value
                displayValue
              }
              CreatedDate {
                value
              }
              PushCount @optional {
                value
              }
              LastStageChangeDate @optional {
                value
              }
              LastActivityDate @optional {
                value
              }
              NextStep @optional {
                value
              }
            }
          }
        }
      }
      aggregate {
        corporate: Opportunity(
          first: 1
          where: { Id: { eq: $recordId } }
          groupBy: { Id: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Id {
                  value
                }
                Amount @optional {
                  sum {
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

/**
 * Open opportunities of an owner, soonest close date first (drill-down), read to the end in
 * pages of 2,000 up to DRILLDOWN_MAX_DEALS (the reach of relay paging without upperBound).
 * `corporate`: each open deal's amount in the corporate currency (an aggregate per deal,
 * grouped by Id and CloseDate and ordered as the records are, so its pages hold the same deals),
 * so deal health compares it with the owner's average from the aggregates in one currency.
 */
export const OPEN_OPPORTUNITIES_OF_OWNER = gql`
  query openOpportunitiesOfOwner($ownerId: ID, $after: String, $corporateAfter: String) {
    uiapi {
      query {
        Opportunity(
          first: 2000
          after: $after
          where: { OwnerId: { eq: $ownerId }, IsClosed: { eq: false } }
          orderBy: { CloseDate: { order: ASC }, Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Name {
                value
              }
              OwnerId {
                value
              }
              Owner {
                Name {
                  value
                }
              }
              AccountId {
                value
              }
              Account {
                Name {
                  value
                }
              }
              Amount @optional {
                value
                displayValue
                convertCurrency @optional
              }
              CurrencyIsoCode @optional {
                value
              }
              StageName {
                value
              }
              Probability @optional {
                value
              }
              IsClosed {
                value
              }
              IsWon {
                value
              }
              CloseDate {
                value
                displayValue
              }
              CreatedDate {
                value
              }
              PushCount @optional {
                value
              }
              LastStageChangeDate @optional {
                value
              }
              LastActivityDate @optional {
                value
              }
              NextStep @optional {
                value
              }
            }
          }
        }
      }
      aggregate {
        corporate: Opportunity(
          first: 2000
          after: $corporateAfter
          where: { OwnerId: { eq: $ownerId }, IsClosed: { eq: false } }
          groupBy: { Id: { group: true }, CloseDate: { group: true } }
          orderBy: { CloseDate: { order: ASC }, Id: { order: ASC } }
        ) {
          edges {
            node {
              aggregate {
                Id {
                  value
                }
                Amount @optional {
                  sum {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

/**
 * Opportunities of an owner closing in a date range (territory plan), read to the end in pages
 * of 2,000 up to IN_RANGE_MAX_DEALS: `upperBound` lets paging go past the 4,000 records relay
 * paging reaches otherwise (GraphQL API Developer Guide, "Paginate with Upper-Bound Limit").
 */
export const OWNER_OPPORTUNITIES_IN_RANGE = gql`
  query ownerOpportunitiesInRange($ownerId: ID, $start: Date, $end: Date, $after: String) {
    uiapi {
      query {
        Opportunity(
          first: 2000
          upperBound: 20000
          after: $after
          where: {
            OwnerId: { eq: $ownerId }
            CloseDate: { gte: { value: $start }, lte: { value: $end } }
          }
          orderBy: { CloseDate: { order: ASC }, Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Name {
                value
              }
              OwnerId {
                value
              }
              Owner {
                Name {
                  value
                }
              }
              AccountId {
                value
              }
              Account {
                Name {
                  value
                }
              }
              Amount @optional {
                value
                displayValue
                convertCurrency @optional
              }
              CurrencyIsoCode @optional {
                value
              }
              StageName {
                value
              }
              Probability @optional {
                value
              }
              IsClosed {
                value
              }
              IsWon {
                value
              }
              CloseDate {
                value
                displayValue
              }
              CreatedDate {
                value
              }
              PushCount @optional {
                value
              }
              LastStageChangeDate @optional {
                value
              }
              LastActivityDate @optional {
                value
              }
              NextStep @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// ---- Team ------------------------------------------------------------------------------------

/**
 * Direct reports of $managerId and their reports (for a manager of managers), active users
 * only, in pages of 2,000 (`$reportsAfter`, `$reportsOfReportsAfter`; a reader stops at
 * TEAM_MAX_MEMBERS). Data: { uiapi: { query: { reports, reportsOfReports } } } of
 * Connection<UserNode>.
 */
export const TEAM_MEMBERS = gql`
  query teamMembers(
    $managerId: ID
    $reportsAfter: String = null
    $reportsOfReportsAfter: String = null
  ) {
    uiapi {
      query {
        reports: User(
          first: 2000
          upperBound: 20000
          after: $reportsAfter
          where: { ManagerId: { eq: $managerId }, IsActive: { eq: true } }
          orderBy: { Name: { order: ASC }, Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Name {
                value
              }
              ManagerId {
                value
              }
              Title @optional {
                value
              }
              SmallPhotoUrl @optional {
                value
              }
            }
          }
        }
        reportsOfReports: User(
          first: 2000
          upperBound: 20000
          after: $reportsOfReportsAfter
          where: { Manager: { ManagerId: { eq: $managerId } }, IsActive: { eq: true } }
          orderBy: { Name: { order: ASC }, Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Name {
                value
              }
              ManagerId {
                value
              }
              Title @optional {
                value
              }
              SmallPhotoUrl @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// ---- Coaching data for a set of reps --------------------------------------------------------

/**
 * The coaching cadence, goals and plan targets of the reps in $repIds (at most
 * OWNERS_PER_REQUEST), all as aggregates grouped by rep, so the bytes per rep stay the same
 * however many sessions, goals and plans there are. Per rep: sessions completed and planned in
 * the period, the last completed One-on-One and the last completed session of any type up to
 * today (its follow-ups decide the overdue commitments: TEAM_FOLLOW_UPS), goals and goals
 * achieved. Plan targets (Active plans; sums in the corporate currency, as the KPI aggregates)
 * in three aliases that partition the plans overlapping the period: within it (summed per
 * owner), and across its start or its end (per owner and plan dates, to prorate by the days in
 * the period). A plan always ends after it starts (validation rule Period_End_After_Start).
 * Data shape: TeamCoachingData.
 */
export const TEAM_COACHING_DATA = gql`
  query teamCoachingData($repIds: [ID], $start: Date, $end: Date, $today: Date) {
    uiapi {
      aggregate {
        completed: Coaching_Session__c(
          first: 2000
          where: {
            Rep__c: { in: $repIds }
            Status__c: { eq: "Completed" }
            Session_Date__c: { gte: { value: $start }, lte: { value: $end } }
          }
          groupBy: { Rep__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Rep__c {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        planned: Coaching_Session__c(
          first: 2000
          where: {
            Rep__c: { in: $repIds }
            Status__c: { eq: "Planned" }
            Session_Date__c: { gte: { value: $start }, lte: { value: $end } }
          }
          groupBy: { Rep__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Rep__c {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        lastOneOnOne: Coaching_Session__c(
          first: 2000
          where: {
            Rep__c: { in: $repIds }
            Status__c: { eq: "Completed" }
            Session_Type__c: { eq: "One-on-One" }
            Session_Date__c: { lte: { value: $today } }
          }
          groupBy: { Rep__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Rep__c {
                  value
                }
                Session_Date__c {
                  max {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        lastCompleted: Coaching_Session__c(
          first: 2000
          where: {
            Rep__c: { in: $repIds }
            Status__c: { eq: "Completed" }
            Session_Date__c: { lte: { value: $today } }
          }
          groupBy: { Rep__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Rep__c {
                  value
                }
                Session_Date__c {
                  max {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        goals: Development_Goal__c(
          first: 2000
          where: { Rep__c: { in: $repIds } }
          groupBy: { Rep__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Rep__c {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        goalsAchieved: Development_Goal__c(
          first: 2000
          where: { Rep__c: { in: $repIds }, Status__c: { eq: "Achieved" } }
          groupBy: { Rep__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Rep__c {
                  value
                }
                Id {
                  count {
                    value
                  }
                }
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        plansWithin: Territory_Plan__c(
          first: 2000
          where: {
            Plan_Owner__c: { in: $repIds }
            Status__c: { eq: "Active" }
            Period_Start__c: { gte: { value: $start } }
            Period_End__c: { lte: { value: $end } }
          }
          groupBy: { Plan_Owner__c: { group: true } }
        ) {
          edges {
            node {
              aggregate {
                Plan_Owner__c {
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
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        plansAcrossStart: Territory_Plan__c(
          first: 2000
          where: {
            Plan_Owner__c: { in: $repIds }
            Status__c: { eq: "Active" }
            Period_Start__c: { lt: { value: $start } }
            Period_End__c: { gte: { value: $start } }
          }
          groupBy: {
            Plan_Owner__c: { group: true }
            Period_Start__c: { group: true }
            Period_End__c: { group: true }
          }
        ) {
          edges {
            node {
              aggregate {
                Plan_Owner__c {
                  value
                }
                Period_Start__c {
                  value
                }
                Period_End__c {
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
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        plansAcrossEnd: Territory_Plan__c(
          first: 2000
          where: {
            Plan_Owner__c: { in: $repIds }
            Status__c: { eq: "Active" }
            Period_Start__c: { gte: { value: $start }, lte: { value: $end } }
            Period_End__c: { gt: { value: $end } }
          }
          groupBy: {
            Plan_Owner__c: { group: true }
            Period_Start__c: { group: true }
            Period_End__c: { group: true }
          }
        ) {
          edges {
            node {
              aggregate {
                Plan_Owner__c {
                  value
                }
                Period_Start__c {
                  value
                }
                Period_End__c {
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
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

/**
 * What the scorecard needs as records, few per rep: the completed sessions of each rep's last
 * completed day whose follow-up date has passed (`$sessionsWhere`, built by
 * followUpSessionsFilter from TEAM_COACHING_DATA's lastCompleted: only there can commitments be
 * overdue, see coachingMetrics overdueCommitments; Commitments__c is a long text area, which
 * cannot be filtered, so the browser checks it), and the open goals past their target date (each
 * one an early warning). Both in pages of 2,000, by Id, read to the end up to
 * FOLLOW_UPS_MAX_RECORDS per request unit. Data shape: TeamFollowUpsData.
 */
export const TEAM_FOLLOW_UPS = gql`
  query teamFollowUps(
    $sessionsWhere: Coaching_Session__c_Filter
    $repIds: [ID]
    $today: Date
    $sessionsAfter: String
    $goalsAfter: String
  ) {
    uiapi {
      query {
        sessions: Coaching_Session__c(
          first: 2000
          upperBound: 20000
          after: $sessionsAfter
          where: $sessionsWhere
          orderBy: { Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Rep__c {
                value
              }
              Session_Date__c {
                value
              }
              Status__c {
                value
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
              }
            }
          }
        }
        goals: Development_Goal__c(
          first: 2000
          upperBound: 20000
          after: $goalsAfter
          where: {
            Rep__c: { in: $repIds }
            Target_Date__c: { lt: { value: $today } }
            Status__c: { nin: ["Achieved", "Deferred"] }
          }
          orderBy: { Id: { order: ASC } }
        ) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              Id
              Rep__c {
                value
              }
              Status__c {
                value
              }
              Target_Date__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

// ---- Currencies ------------------------------------------------------------------------------

/**
 * What the package needs to name currencies: the running user's currency
 * (DefaultCurrencyIsoCode) and the corporate currency (the CurrencyType flagged IsCorporate).
 * Both exist only in multi-currency orgs, hence @optional: a single-currency org answers with
 * neither. Data: CurrencyContextData; see currencyContextFromData.
 */
export const CURRENCY_CONTEXT = gql`
  query currencyContext($userId: ID) {
    uiapi {
      query {
        me: User(first: 1, where: { Id: { eq: $userId } }) {
          edges {
            node {
              Id
              DefaultCurrencyIsoCode @optional {
                value
              }
            }
          }
        }
        corporate: CurrencyType(first: 1, where: { IsCorporate: { eq: true } }) @optional {
          edges {
            node {
              Id
              IsoCode {
                value
              }
            }
          }
        }
      }
    }
  }
`;
