/**
 * The GraphQL documents components read Opportunity and coaching data with, the variables
 * they take, and (re-exported from ./uiApi) the response types and normalisers.
 *
 * Each document is a static `gql` literal (the LWC compiler parses them at build time) with
 * typed variables; no value is ever pasted into a query string. Scorecards read aggregates
 * only, so the number of requests and the bytes transferred do not grow with the number of
 * opportunities: one request for the team, one for the KPI aggregates of three periods and
 * the hygiene counts (aliases in one document), one for sessions, goals and plans.
 */
import { gql } from 'lightning/graphql';
export * from './uiApi';
export * from './variables';

// ---- Scorecard aggregates -------------------------------------------------------------------

/**
 * KPI sums per owner (grouped by OwnerId, IsClosed, IsWon) for the current period, the previous
 * period and the same period last year, and the hygiene counts of open deals per owner — for
 * an explicit set of owners (a manager's reports, a VP's reports' reports, one rep). Data
 * shape: ScorecardAggregatesData.
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
        current: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            CloseDate: { gte: { value: $start }, lte: { value: $end } }
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
        previous: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            CloseDate: { gte: { value: $previousStart }, lte: { value: $previousEnd } }
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
        lastYear: Opportunity(
          first: 2000
          where: {
            OwnerId: { in: $ownerIds }
            CloseDate: { gte: { value: $lastYearStart }, lte: { value: $lastYearEnd } }
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
 * Open opportunities of an owner, soonest close date first (drill-down). Paged. `corporate`:
 * each open deal's amount in the corporate currency (an aggregate per Id), so deal health
 * compares it with the owner's average from the aggregates in one currency.
 */
export const OPEN_OPPORTUNITIES_OF_OWNER = gql`
  query openOpportunitiesOfOwner($ownerId: ID, $first: Int = 200, $after: String) {
    uiapi {
      query {
        Opportunity(
          first: $first
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
          where: { OwnerId: { eq: $ownerId }, IsClosed: { eq: false } }
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

/** Opportunities of an owner closing in a date range (KPI goals, territory plan). Paged. */
export const OWNER_OPPORTUNITIES_IN_RANGE = gql`
  query ownerOpportunitiesInRange(
    $ownerId: ID
    $start: Date
    $end: Date
    $first: Int = 2000
    $after: String
  ) {
    uiapi {
      query {
        Opportunity(
          first: $first
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
 * only. Data: { uiapi: { query: { reports, reportsOfReports } } } of Connection<UserNode>.
 */
export const TEAM_MEMBERS = gql`
  query teamMembers($managerId: ID) {
    uiapi {
      query {
        reports: User(
          first: 2000
          where: { ManagerId: { eq: $managerId }, IsActive: { eq: true } }
          orderBy: { Name: { order: ASC } }
        ) {
          totalCount
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
          where: { Manager: { ManagerId: { eq: $managerId } }, IsActive: { eq: true } }
          orderBy: { Name: { order: ASC } }
        ) {
          totalCount
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
 * Sessions dated on or after $since, development goals and territory plans overlapping the
 * period, for the given reps; each plan's target in the corporate currency (`planTargets`, an
 * aggregate per plan, so targets compare with the KPI aggregates in one currency); and the date
 * of each rep's last completed One-on-One whenever it was (an aggregate, so an old 1:1 still
 * counts). Data: TeamCoachingData.
 */
export const TEAM_COACHING_DATA = gql`
  query teamCoachingData($repIds: [ID], $since: Date, $start: Date, $end: Date) {
    uiapi {
      query {
        sessions: Coaching_Session__c(
          first: 2000
          where: { Rep__c: { in: $repIds }, Session_Date__c: { gte: { value: $since } } }
          orderBy: { Session_Date__c: { order: DESC }, Id: { order: ASC } }
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
              Rep__c {
                value
              }
              Coach__c {
                value
              }
              Session_Date__c {
                value
                displayValue
              }
              Session_Type__c {
                value
                displayValue
              }
              Status__c {
                value
                displayValue
              }
              Focus_Areas__c {
                value
                displayValue
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
                displayValue
              }
              Opportunity__c @optional {
                value
              }
              Development_Goal__c @optional {
                value
              }
            }
          }
        }
        goals: Development_Goal__c(
          first: 2000
          where: { Rep__c: { in: $repIds } }
          orderBy: { Target_Date__c: { order: ASC }, Id: { order: ASC } }
        ) {
          totalCount
          edges {
            node {
              Id
              Name {
                value
              }
              Rep__c {
                value
              }
              Skill_Area__c {
                value
                displayValue
              }
              Status__c {
                value
                displayValue
              }
              Progress__c @optional {
                value
              }
              Metric__c @optional {
                value
              }
              Baseline_Value__c @optional {
                value
              }
              Target_Value__c @optional {
                value
              }
              Start_Date__c {
                value
              }
              Target_Date__c {
                value
              }
            }
          }
        }
        plans: Territory_Plan__c(
          first: 2000
          where: {
            Plan_Owner__c: { in: $repIds }
            Period_Start__c: { lte: { value: $end } }
            Period_End__c: { gte: { value: $start } }
          }
        ) {
          totalCount
          edges {
            node {
              Id
              Name {
                value
              }
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
                displayValue
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
            Plan_Owner__c: { in: $repIds }
            Period_Start__c: { lte: { value: $end } }
            Period_End__c: { gte: { value: $start } }
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
        lastOneOnOne: Coaching_Session__c(
          first: 2000
          where: {
            Rep__c: { in: $repIds }
            Status__c: { eq: "Completed" }
            Session_Type__c: { eq: "One-on-One" }
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
