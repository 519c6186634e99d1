/**
 * The timeline's GraphQL document and the filters that pick its context.
 */
import { gql } from 'lightning/graphql';

/**
 * Sessions matching `where`, newest first, paged. The context (a rep, a deal, a goal, the
 * running user as rep or coach) is a typed filter variable built by `timelineFilter`, so all
 * contexts share one document and one selection.
 *
 * Private notes come through the session's child relationship to Coaching_Private_Note__c.
 * Sharing returns only the notes the user may read (their own and those of the people below
 * them); users without access to the object (reps) do not have the relationship in their
 * schema, so it is @optional, as is the note's text (field-level security). Owner is
 * polymorphic on a custom object (User or Group), hence the inline fragment. A session shows
 * its first 10 notes and says how many more its page holds (totalCount).
 */
export const TIMELINE_SESSIONS = gql`
  query timelineSessions($where: Coaching_Session__c_Filter, $first: Int, $after: String) {
    uiapi {
      query {
        Coaching_Session__c(
          first: $first
          after: $after
          where: $where
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
              Private_Notes__r(first: 10, orderBy: { CreatedDate: { order: ASC } }) @optional {
                totalCount
                edges {
                  node {
                    Id
                    Body__c @optional {
                      value
                    }
                    Owner {
                      ... on User {
                        Name {
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
      }
    }
  }
`;

/** Sessions about one deal. */

export type TimelineContext =
  | { kind: 'opportunity'; id: string | null }
  | { kind: 'goal'; id: string | null }
  | { kind: 'rep'; id: string | null }
  | { kind: 'user'; id: string };

/** The `where` of TIMELINE_SESSIONS for a context (UI API Coaching_Session__c_Filter). */
export function timelineFilter(context: TimelineContext): Record<string, unknown> {
  switch (context.kind) {
    case 'opportunity':
      return { Opportunity__c: { eq: context.id } };
    case 'goal':
      return { Development_Goal__c: { eq: context.id } };
    case 'rep':
      return { Rep__c: { eq: context.id } };
    default:
      return { or: [{ Rep__c: { eq: context.id } }, { Coach__c: { eq: context.id } }] };
  }
}
