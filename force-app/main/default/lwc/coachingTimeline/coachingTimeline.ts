import { LightningElement, api, wire } from 'lwc';
import { graphql, type GraphQLResult } from 'lightning/graphql';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import { type SessionFact, overdueCommitments } from 'c/coachingMetrics';
import { reduceErrors } from 'c/ldsErrors';
import {
  nextCursor,
  nodesOf,
  sessionFactFromNode,
  splitMultiPicklist,
  type Connection,
  type FieldValue
} from 'c/opportunityData';
import { isIsoDate } from 'c/periods';
import { fill, formatDate, todayIso } from 'c/coachingFormat';
import RETRY from '@salesforce/label/c.SC_Retry';
import { TIMELINE_SESSIONS, type TimelineContext, timelineFilter } from './timelineQueries';

import TITLE from '@salesforce/label/c.SC_Timeline_Title';
import EMPTY from '@salesforce/label/c.SC_Timeline_Empty';
import SHOW_MORE from '@salesforce/label/c.SC_Timeline_Show_More';
import OVERDUE from '@salesforce/label/c.SC_Timeline_Overdue';
import COACH from '@salesforce/label/c.SC_Timeline_Coach';
import ACKNOWLEDGED from '@salesforce/label/c.SC_Timeline_Acknowledged';
import AWAITING from '@salesforce/label/c.SC_Timeline_Awaiting_Acknowledgement';
import ACKNOWLEDGE from '@salesforce/label/c.SC_Timeline_Acknowledge';
import RATING from '@salesforce/label/c.SC_Timeline_Rating';
import RATE from '@salesforce/label/c.SC_Timeline_Rate';
import RATED from '@salesforce/label/c.SC_Timeline_Rated';
import NOT_RATED from '@salesforce/label/c.SC_Timeline_Not_Rated';
import FEEDBACK_SAVED from '@salesforce/label/c.SC_Timeline_Feedback_Saved';
import STRENGTHS from '@salesforce/label/c.SC_Session_Strengths';
import DEVELOPMENT_AREAS from '@salesforce/label/c.SC_Session_Development_Areas';
import COMMITMENTS from '@salesforce/label/c.SC_Session_Commitments';
import FOLLOW_UP_DATE from '@salesforce/label/c.SC_Session_Follow_Up_Date';
import REP from '@salesforce/label/c.SC_Session_Rep';
import OPPORTUNITY from '@salesforce/label/c.SC_Session_Opportunity';
import LOADING from '@salesforce/label/c.SC_Loading';
import ERROR_TITLE from '@salesforce/label/c.SC_Error_Title';
import SAVED_TITLE from '@salesforce/label/c.SC_Saved_Title';
import PRIVATE_NOTES from '@salesforce/label/c.SC_Timeline_Private_Notes';
import PRIVATE_NOTES_VISIBILITY from '@salesforce/label/c.SC_Timeline_Private_Notes_Visibility';
import PRIVATE_NOTE_AUTHOR from '@salesforce/label/c.SC_Timeline_Private_Note_Author';
import MORE_NOTES from '@salesforce/label/c.SC_Timeline_MoreNotes';

export const PAGE_SIZE = 10;
const RATINGS = [1, 2, 3, 4, 5];
const COMPLETED = 'Completed';

/** A Coaching_Private_Note__c the user may read (sharing decides which come back). */
export interface PrivateNoteNode {
  Id: string;
  Body__c?: FieldValue<string>;
  Owner?: { Name?: FieldValue<string> } | null;
}

export interface TimelineSessionNode {
  Id: string;
  Name?: FieldValue<string>;
  Rep__c?: FieldValue<string>;
  Rep__r?: { Name?: FieldValue<string> } | null;
  Coach__r?: { Name?: FieldValue<string> } | null;
  Opportunity__r?: { Name?: FieldValue<string> } | null;
  Session_Date__c?: FieldValue<string>;
  Session_Type__c?: FieldValue<string>;
  Status__c?: FieldValue<string>;
  Focus_Areas__c?: FieldValue<string>;
  Strengths__c?: FieldValue<string>;
  Development_Areas__c?: FieldValue<string>;
  Commitments__c?: FieldValue<string>;
  Follow_Up_Date__c?: FieldValue<string>;
  Rep_Acknowledged__c?: FieldValue<boolean>;
  Rep_Rating__c?: FieldValue<number>;
  Private_Notes__r?: Connection<PrivateNoteNode> | null;
}

interface TimelineData {
  uiapi?: {
    query?: { Coaching_Session__c?: Connection<TimelineSessionNode> | null } | null;
  } | null;
}

export interface PrivateNoteRow {
  id: string;
  body: string;
  author: string;
}

interface RatingButton {
  value: number;
  key: string;
  label: string;
  text: string;
  pressed: string;
  variant: string;
}

export interface TimelineRow {
  id: string;
  title: string;
  date: string;
  type: string;
  status: string;
  repName: string;
  coachName: string;
  opportunityName: string;
  focusAreas: { key: string; label: string }[];
  hasFocusAreas: boolean;
  strengths: string;
  developmentAreas: string;
  commitments: string;
  followUpDate: string;
  followUpOverdue: boolean;
  followUpClass: string;
  acknowledged: boolean;
  /** The private notes on the session the user may read: their own, or their reports'. */
  privateNotes: PrivateNoteRow[];
  hasPrivateNotes: boolean;
  /** Past the first 10 notes: how many more the session's page lists; '' when none. */
  moreNotes: string;
  rating: number | null;
  ratingText: string;
  /** Completed sessions only: the acknowledgement and rating line. */
  showResponse: boolean;
  canRespond: boolean;
  ratingButtons: RatingButton[];
  busy: boolean;
}

/** The readable notes of a session; a note whose text the user may not see is left out. */
function privateNoteRows(node: TimelineSessionNode): PrivateNoteRow[] {
  return nodesOf(node.Private_Notes__r).flatMap((note) => {
    const body = note.Body__c?.value ?? '';
    if (body === '') return [];
    const name = note.Owner?.Name?.value ?? '';
    return [{ id: note.Id, body, author: name ? fill(PRIVATE_NOTE_AUTHOR, name) : '' }];
  });
}

/** The notes past the first page of the child relationship, which the session's page lists. */
function moreNotesText(node: TimelineSessionNode): string {
  const notes = node.Private_Notes__r;
  const total = notes?.totalCount;
  const shown = nodesOf(notes).length;
  return typeof total === 'number' && total > shown ? fill(MORE_NOTES, total - shown) : '';
}

export default class CoachingTimeline extends LightningElement {
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  /** Sessions about this rep (scorecard drill-down, app pages). */
  @api repId: string | undefined;
  /** ISO date for overdue follow-ups; defaults to the browser's date. */
  @api today: string | undefined;

  labels = {
    TITLE,
    EMPTY,
    SHOW_MORE,
    OVERDUE,
    COACH,
    ACKNOWLEDGED,
    AWAITING,
    ACKNOWLEDGE,
    RATING,
    STRENGTHS,
    DEVELOPMENT_AREAS,
    COMMITMENTS,
    FOLLOW_UP_DATE,
    REP,
    OPPORTUNITY,
    PRIVATE_NOTES,
    PRIVATE_NOTES_VISIBILITY,
    LOADING,
    ERROR_TITLE,
    RETRY
  };

  after: string | null = null;
  nodes: TimelineSessionNode[] = [];
  errors: string[] = [];
  loaded = false;
  loadingMore = false;
  nextPageCursor: string | null = null;
  busyIds: string[] = [];
  actionErrors: string[] = [];

  private result: GraphQLResult<TimelineData> | undefined;
  private readonly handleSessionLogged = (): void => {
    this.refresh();
  };

  override connectedCallback(): void {
    // The form may sit elsewhere on the page: its composed event reaches the window.
    window.addEventListener('sessionlogged', this.handleSessionLogged);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('sessionlogged', this.handleSessionLogged);
  }

  /** Re-reads the first page (after a session was logged or answered). */
  @api
  refresh(): void {
    if (this.after !== null) {
      // Changing the cursor re-provisions the wire from the first page.
      this.after = null;
      return;
    }
    Promise.resolve(this.result?.refresh?.()).catch((error: unknown) => {
      this.errors = reduceErrors(error);
    });
  }

  /** The error panel's Retry: asks for the sessions again. */
  handleRetry(): void {
    this.errors = [];
    Promise.resolve(this.result?.refresh?.()).catch((error: unknown) => {
      this.errors = reduceErrors(error);
    });
  }

  get mode(): 'opportunity' | 'goal' | 'rep' | 'user' {
    if (this.recordId && this.objectApiName === 'Opportunity') return 'opportunity';
    if (this.recordId && this.objectApiName === 'Development_Goal__c') return 'goal';
    if (this.repId) return 'rep';
    return 'user';
  }

  get context(): TimelineContext {
    const mode = this.mode;
    if (mode === 'user') return { kind: 'user', id: USER_ID };
    return { kind: mode, id: (mode === 'rep' ? this.repId : this.recordId) ?? null };
  }

  get variables(): { where: Record<string, unknown>; first: number; after: string | null } {
    return { where: timelineFilter(this.context), first: PAGE_SIZE, after: this.after };
  }

  @wire(graphql, { query: TIMELINE_SESSIONS, variables: '$variables' })
  wiredSessions(result: GraphQLResult<TimelineData>): void {
    this.result = result;
    if (result.errors && result.errors.length > 0) {
      this.errors = reduceErrors(result.errors);
      this.loadingMore = false;
      return;
    }
    const connection = result.data?.uiapi?.query?.Coaching_Session__c;
    if (!result.data) return;
    const page = nodesOf(connection);
    if (this.after === null) {
      this.nodes = page;
    } else {
      const seen = new Set(this.nodes.map((node) => node.Id));
      this.nodes = [...this.nodes, ...page.filter((node) => !seen.has(node.Id))];
    }
    this.nextPageCursor = nextCursor(connection);
    this.errors = [];
    this.loaded = true;
    this.loadingMore = false;
  }

  get todayValue(): string {
    return isIsoDate(this.today) ? this.today : todayIso();
  }

  get isLoading(): boolean {
    return !this.loaded && this.errors.length === 0;
  }

  get hasError(): boolean {
    return this.errors.length > 0;
  }

  get isEmpty(): boolean {
    return this.loaded && !this.hasError && this.nodes.length === 0;
  }

  get hasRows(): boolean {
    return this.loaded && !this.hasError && this.nodes.length > 0;
  }

  get hasMore(): boolean {
    return this.nextPageCursor !== null;
  }

  get hasActionErrors(): boolean {
    return this.actionErrors.length > 0;
  }

  /**
   * Sessions whose commitments are overdue, by the rule the scorecard counts them with
   * (c/coachingMetrics overdueCommitments): completed, commitments written, follow-up date
   * passed, and no later completed session with the same rep. Only the loaded sessions are
   * known here (newest first, so every later session of this context is loaded), and a later
   * session outside the context (about another deal or goal) does not clear the flag.
   */
  get overdueIds(): Set<string> {
    const facts: SessionFact[] = [];
    for (const node of this.nodes) {
      const fact = sessionFactFromNode(node);
      if (fact) facts.push(fact);
    }
    return new Set(overdueCommitments(facts, this.todayValue).map((fact) => fact.id));
  }

  get rows(): TimelineRow[] {
    const overdueIds = this.overdueIds;
    return this.nodes.map((node) => {
      const followUp = node.Follow_Up_Date__c?.value ?? '';
      const status = node.Status__c?.value ?? '';
      const overdue = overdueIds.has(node.Id);
      const rating =
        typeof node.Rep_Rating__c?.value === 'number' ? node.Rep_Rating__c.value : null;
      // Acknowledging and rating are about a session that took place: a planned or cancelled
      // one has nothing to acknowledge yet.
      const showResponse = status === COMPLETED;
      const canRespond = showResponse && node.Rep__c?.value === USER_ID;
      const privateNotes = privateNoteRows(node);
      return {
        id: node.Id,
        title: node.Session_Type__c?.displayValue ?? node.Session_Type__c?.value ?? '',
        // One date format everywhere: the user's locale, as c/coachingFormat writes it.
        date: formatDate(node.Session_Date__c?.value ?? node.Session_Date__c?.displayValue),
        type: node.Session_Type__c?.value ?? '',
        status: node.Status__c?.displayValue ?? status,
        repName: node.Rep__r?.Name?.value ?? '',
        coachName: node.Coach__r?.Name?.value ?? '',
        opportunityName: node.Opportunity__r?.Name?.value ?? '',
        focusAreas: splitMultiPicklist(node.Focus_Areas__c?.value).map((area) => ({
          key: `${node.Id}-${area}`,
          label: area
        })),
        hasFocusAreas: splitMultiPicklist(node.Focus_Areas__c?.value).length > 0,
        strengths: node.Strengths__c?.value ?? '',
        developmentAreas: node.Development_Areas__c?.value ?? '',
        commitments: node.Commitments__c?.value ?? '',
        followUpDate: followUp ? formatDate(followUp) : '',
        followUpOverdue: overdue,
        followUpClass: overdue ? 'slds-text-color_error follow-up' : 'follow-up',
        acknowledged: node.Rep_Acknowledged__c?.value === true,
        privateNotes,
        hasPrivateNotes: privateNotes.length > 0,
        moreNotes: moreNotesText(node),
        rating,
        ratingText: rating === null ? NOT_RATED : fill(RATED, rating),
        showResponse,
        canRespond,
        ratingButtons: RATINGS.map((value) => ({
          value,
          key: `${node.Id}-rate-${value}`,
          label: fill(RATE, value),
          text: String(value),
          pressed: String(rating === value),
          variant: rating === value ? 'brand' : 'neutral'
        })),
        busy: this.busyIds.includes(node.Id)
      };
    });
  }

  handleShowMore(): void {
    if (!this.nextPageCursor) return;
    this.loadingMore = true;
    this.after = this.nextPageCursor;
  }

  async handleAcknowledge(event: Event): Promise<void> {
    const id = (event.currentTarget as HTMLElement | null)?.dataset.id;
    if (id) await this.respond(id, { Rep_Acknowledged__c: true });
  }

  async handleRate(event: Event): Promise<void> {
    const target = event.currentTarget as HTMLElement | null;
    const id = target?.dataset.id;
    const rating = Number(target?.dataset.rating);
    // Rating a session acknowledges it too: the rep has read it.
    if (id && rating >= 1 && rating <= 5) {
      await this.respond(id, { Rep_Rating__c: rating, Rep_Acknowledged__c: true });
    }
  }

  private async respond(id: string, fields: Record<string, boolean | number>): Promise<void> {
    this.busyIds = [...this.busyIds, id];
    this.actionErrors = [];
    try {
      await updateRecord({ fields: { Id: id, ...fields } });
      this.nodes = this.nodes.map((node) => {
        if (node.Id !== id) return node;
        const updated: TimelineSessionNode = { ...node };
        if (typeof fields.Rep_Acknowledged__c === 'boolean') {
          updated.Rep_Acknowledged__c = { value: fields.Rep_Acknowledged__c };
        }
        if (typeof fields.Rep_Rating__c === 'number') {
          updated.Rep_Rating__c = { value: fields.Rep_Rating__c };
        }
        return updated;
      });
      this.dispatchEvent(
        new ShowToastEvent({ title: SAVED_TITLE, message: FEEDBACK_SAVED, variant: 'success' })
      );
      this.refresh();
    } catch (error) {
      this.actionErrors = reduceErrors(error);
    } finally {
      this.busyIds = this.busyIds.filter((busy) => busy !== id);
    }
  }
}
