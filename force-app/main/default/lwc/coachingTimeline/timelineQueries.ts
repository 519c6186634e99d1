/**
 * The timeline's GraphQL documents: one static query per context (a rep, a deal, a goal, or
 * the running user as rep or coach), the same selection in each, newest first, paged.
 */
import { gql } from 'lightning/graphql';

/** Sessions about one rep. */
export const SESSIONS_OF_REP = gql`
  query sessionsOfRep($repId: ID, $first: Int, $after: String) {
    uiapi {
      query {
        Coaching_Session__c(
          first: $first
          after: $after
          where: { Rep__c: { eq: $repId } }
          orderBy: { Session_Date__c: { order: DESC }, Id: { order: DESC } }
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
              Rep__r {
                Name {
                  value
                }
              }
              Coach__r {
                Name {
                  value
                }
              }
              Opportunity__r {
                Name {
                  value
                }
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
              Strengths__c @optional {
                value
              }
              Development_Areas__c @optional {
                value
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
                displayValue
              }
              Rep_Acknowledged__c @optional {
                value
              }
              Rep_Rating__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** Sessions about one deal. */
export const SESSIONS_OF_OPPORTUNITY = gql`
  query sessionsOfOpportunity($opportunityId: ID, $first: Int, $after: String) {
    uiapi {
      query {
        Coaching_Session__c(
          first: $first
          after: $after
          where: { Opportunity__c: { eq: $opportunityId } }
          orderBy: { Session_Date__c: { order: DESC }, Id: { order: DESC } }
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
              Rep__r {
                Name {
                  value
                }
              }
              Coach__r {
                Name {
                  value
                }
              }
              Opportunity__r {
                Name {
                  value
                }
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
              Strengths__c @optional {
                value
              }
              Development_Areas__c @optional {
                value
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
                displayValue
              }
              Rep_Acknowledged__c @optional {
                value
              }
              Rep_Rating__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** Sessions linked to one development goal. */
export const SESSIONS_OF_GOAL = gql`
  query sessionsOfGoal($goalId: ID, $first: Int, $after: String) {
    uiapi {
      query {
        Coaching_Session__c(
          first: $first
          after: $after
          where: { Development_Goal__c: { eq: $goalId } }
          orderBy: { Session_Date__c: { order: DESC }, Id: { order: DESC } }
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
              Rep__r {
                Name {
                  value
                }
              }
              Coach__r {
                Name {
                  value
                }
              }
              Opportunity__r {
                Name {
                  value
                }
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
              Strengths__c @optional {
                value
              }
              Development_Areas__c @optional {
                value
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
                displayValue
              }
              Rep_Acknowledged__c @optional {
                value
              }
              Rep_Rating__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/** Sessions the running user had as rep or as coach (Home and app pages). */
export const SESSIONS_OF_USER = gql`
  query sessionsOfUser($userId: ID, $first: Int, $after: String) {
    uiapi {
      query {
        Coaching_Session__c(
          first: $first
          after: $after
          where: { or: [{ Rep__c: { eq: $userId } }, { Coach__c: { eq: $userId } }] }
          orderBy: { Session_Date__c: { order: DESC }, Id: { order: DESC } }
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
              Rep__r {
                Name {
                  value
                }
              }
              Coach__r {
                Name {
                  value
                }
              }
              Opportunity__r {
                Name {
                  value
                }
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
              Strengths__c @optional {
                value
              }
              Development_Areas__c @optional {
                value
              }
              Commitments__c @optional {
                value
              }
              Follow_Up_Date__c @optional {
                value
                displayValue
              }
              Rep_Acknowledged__c @optional {
                value
              }
              Rep_Rating__c @optional {
                value
              }
            }
          }
        }
      }
    }
  }
`;
