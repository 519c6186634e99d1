import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, type GraphQLResult } from 'lightning/graphql';
import {
  createRecord,
  deleteRecord,
  notifyRecordUpdateAvailable,
  type ObjectInfo,
  type RecordRepresentation
} from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import USER_ID from '@salesforce/user/Id';
import COACHING_SESSION_OBJECT from '@salesforce/schema/Coaching_Session__c';
import PRIVATE_NOTE_OBJECT from '@salesforce/schema/Coaching_Private_Note__c';
import { fieldErrors, reduceErrors } from 'c/ldsErrors';
import { fill, formatNumber } from 'c/coachingFormat';
import { nodesOf, type Connection, type FieldValue } from 'c/opportunityData';
import {
  FIELD_BY_API_NAME,
  NOTE_FIELD_BY_API_NAME,
  clearDraft,
  draftKey,
  emptyValues,
  hasTypedContent,
  loadDraft,
  saveDraft,
  toPrivateNoteFields,
  toRecordFields,
  todayIso,
  validateSession,
  type DraftStorage,
  type SessionField,
  type SessionRule,
  type SessionValues
} from 'c/sessionDraft';

import TITLE from '@salesforce/label/c.SC_Session_Form_Title';
import REP from '@salesforce/label/c.SC_Session_Rep';
import REP_PLACEHOLDER from '@salesforce/label/c.SC_Session_Rep_Placeholder';
import NO_REPORTS from '@salesforce/label/c.SC_Session_No_Reports';
import NO_CREATE_ACCESS from '@salesforce/label/c.SC_Session_No_Create_Access';
import OPPORTUNITY from '@salesforce/label/c.SC_Session_Opportunity';
import SESSION_TYPE from '@salesforce/label/c.SC_Session_Type';
import STATUS from '@salesforce/label/c.SC_Session_Status';
import SESSION_DATE from '@salesforce/label/c.SC_Session_Date';
import DURATION from '@salesforce/label/c.SC_Session_Duration';
import FOCUS_AREAS from '@salesforce/label/c.SC_Session_Focus_Areas';
import STRENGTHS from '@salesforce/label/c.SC_Session_Strengths';
import DEVELOPMENT_AREAS from '@salesforce/label/c.SC_Session_Development_Areas';
import COMMITMENTS from '@salesforce/label/c.SC_Session_Commitments';
import FOLLOW_UP_DATE from '@salesforce/label/c.SC_Session_Follow_Up_Date';
import GOAL from '@salesforce/label/c.SC_Session_Goal';
import GOAL_NONE from '@salesforce/label/c.SC_Session_Goal_None';
import PRIVATE_NOTES from '@salesforce/label/c.SC_Session_Private_Notes';
import PRIVATE_NOTES_HELP from '@salesforce/label/c.SC_Session_Private_Notes_Help';
import NOTE_FAILED_NOTHING_SAVED from '@salesforce/label/c.SC_Session_Note_Failed_Nothing_Saved';
import NOTE_FAILED_SESSION_SAVED from '@salesforce/label/c.SC_Session_Note_Failed_Session_Saved';
import UNSAVED_NOTE from '@salesforce/label/c.SC_Session_Unsaved_Note';
import DATE_REQUIRED from '@salesforce/label/c.SC_Session_Date_Required';
import FIX_ERRORS from '@salesforce/label/c.SC_Session_Fix_Errors';
import SAVED from '@salesforce/label/c.SC_Session_Saved';
import SAVE_FAILED from '@salesforce/label/c.SC_Session_Save_Failed';
import DRAFT_RESTORED from '@salesforce/label/c.SC_Session_Draft_Restored';
import DISCARD_DRAFT from '@salesforce/label/c.SC_Session_Discard_Draft';
import SAVING from '@salesforce/label/c.SC_Session_Saving';
import SAVE from '@salesforce/label/c.SC_Save';
import LOADING from '@salesforce/label/c.SC_Loading';
import SAVED_TITLE from '@salesforce/label/c.SC_Saved_Title';
import ERROR_TITLE from '@salesforce/label/c.SC_Error_Title';
import VR_REP_REQUIRED from '@salesforce/label/c.SC_VR_Coaching_Session_Rep_Required';
import VR_FOLLOW_UP from '@salesforce/label/c.SC_VR_Coaching_Session_Follow_Up_Not_Before_Session';
import VR_DURATION from '@salesforce/label/c.SC_VR_Coaching_Session_Duration_Positive';
import LIMIT_REPORTS from '@salesforce/label/c.SC_Form_LimitReports';
import LIMIT_GOALS from '@salesforce/label/c.SC_Form_LimitGoals';
import {
  type FieldMessage,
  type FormError,
  type Option,
  type PicklistsByRecordType,
  type ValueChangeEvent,
  type WireResponse,
  clearFieldError,
  optionsOf,
  showFieldErrors
} from 'c/formSupport';

const RULE_MESSAGES: Readonly<Record<SessionRule, string>> = {
  Rep_Required: VR_REP_REQUIRED,
  Session_Date_Required: DATE_REQUIRED,
  Follow_Up_Not_Before_Session: VR_FOLLOW_UP,
  Duration_Positive: VR_DURATION
};

const FIELD_LABELS: Readonly<Record<SessionField, string>> = {
  repId: REP,
  sessionType: SESSION_TYPE,
  status: STATUS,
  sessionDate: SESSION_DATE,
  durationMinutes: DURATION,
  focusAreas: FOCUS_AREAS,
  strengths: STRENGTHS,
  developmentAreas: DEVELOPMENT_AREAS,
  commitments: COMMITMENTS,
  followUpDate: FOLLOW_UP_DATE,
  goalId: GOAL,
  privateNotes: PRIVATE_NOTES
};

const OPPORTUNITY_OBJECT = 'Opportunity';

/** "Listing N of M" when the query counted more than it returned. */
function limitNotice(
  label: string,
  shown: number,
  total: number | null | undefined
): string | null {
  return typeof total === 'number' && total > shown
    ? fill(label, formatNumber(shown), formatNumber(total))
    : null;
}
const GOAL_OBJECT = 'Development_Goal__c';
/** The fields a private note is created with: the user must be able to set both. */
const PRIVATE_NOTE_FIELDS = ['Coaching_Session__c', 'Body__c'];

/**
 * Rep, opportunity and goal choices: the deal (on an Opportunity), the user's reports and their
 * reports (a manager of managers coaches both, and opens the form from warnings about reps two
 * levels down), the rep's goals.
 */
const FORM_CONTEXT = gql`
  query sessionFormContext($opportunityId: ID, $userId: ID, $repId: ID) {
    uiapi {
      query {
        Opportunity(first: 1, where: { Id: { eq: $opportunityId } }) {
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
            }
          }
        }
        reports: User(
          first: 2000
          where: {
            IsActive: { eq: true }
            or: [{ ManagerId: { eq: $userId } }, { Manager: { ManagerId: { eq: $userId } } }]
          }
          orderBy: { Name: { order: ASC } }
        ) {
          totalCount
          edges {
            node {
              Id
              Name {
                value
              }
            }
          }
        }
        goals: Development_Goal__c(
          first: 50
          where: { Rep__c: { eq: $repId } }
          orderBy: { Target_Date__c: { order: ASC } }
        ) {
          totalCount
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

interface ContextOpportunityNode {
  Id: string;
  Name?: FieldValue<string>;
  OwnerId?: FieldValue<string>;
  Owner?: { Name?: FieldValue<string> } | null;
}
interface ContextUserNode {
  Id: string;
  Name?: FieldValue<string>;
}
interface ContextGoalNode {
  Id: string;
  Name?: FieldValue<string>;
  Status__c?: FieldValue<string>;
}
interface FormContextData {
  uiapi?: {
    query?: {
      Opportunity?: Connection<ContextOpportunityNode> | null;
      reports?: Connection<ContextUserNode> | null;
      goals?: Connection<ContextGoalNode> | null;
    } | null;
  } | null;
}

export interface SessionLoggedDetail {
  id: string;
  repId: string;
  opportunityId: string | null;
}

function sessionStore(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export default class CoachingSessionForm extends LightningElement {
  /** Record page context: on an Opportunity the rep and the deal are pre-filled. */
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;
  /** Presets so other components can open the form preset (dealCoach, scorecard warnings). */
  @api sessionType: string | undefined;
  @api
  get repId(): string | undefined {
    return this.presetRepId;
  }
  set repId(value: string | undefined) {
    const changed = value !== this.presetRepId;
    this.presetRepId = value;
    // A host that switches the rep while the form stays open gets the other rep's form and
    // draft, never what was typed for the first rep.
    if (changed && this.connected) this.restoreValues();
  }
  @api opportunityId: string | undefined;
  /** ISO date the form treats as today (tests, preview); defaults to the browser's date. */
  @api today: string | undefined;

  labels = {
    TITLE,
    REP,
    REP_PLACEHOLDER,
    NO_REPORTS,
    NO_CREATE_ACCESS,
    OPPORTUNITY,
    SESSION_TYPE,
    STATUS,
    SESSION_DATE,
    DURATION,
    FOCUS_AREAS,
    STRENGTHS,
    DEVELOPMENT_AREAS,
    COMMITMENTS,
    FOLLOW_UP_DATE,
    GOAL,
    PRIVATE_NOTES,
    PRIVATE_NOTES_HELP,
    UNSAVED_NOTE,
    FIX_ERRORS,
    DRAFT_RESTORED,
    DISCARD_DRAFT,
    SAVE,
    SAVING,
    LOADING,
    ERROR_TITLE
  };

  values: SessionValues = emptyValues(todayIso());
  draftRestored = false;
  saving = false;
  /** Messages of the rules or server errors that block the save, with their field labels. */
  formErrors: FormError[] = [];
  saveErrors: string[] = [];
  /** Why the last save failed (the session's, or the private note's with what became of it). */
  saveFailedMessage = SAVE_FAILED;
  /**
   * A private note that could not be saved while its session could not be undone: the session
   * stays saved, so the note is shown back to the user to add from the session instead.
   */
  unsavedNote = '';
  contextErrors: string[] = [];
  contextLoaded = false;

  objectInfo: ObjectInfo | undefined;
  /** Whether getObjectInfo has answered (with data or an error): until then nothing is offered. */
  objectInfoResolved = false;
  /** Coaching_Private_Note__c as the user may use it; undefined without access (reps). */
  privateNoteInfo: ObjectInfo | undefined;
  recordTypeId: string | undefined;
  typeOptions: Option[] = [];
  statusOptions: Option[] = [];
  focusAreaOptions: Option[] = [];
  opportunityName = '';
  opportunityOwnerId: string | null = null;
  opportunityOwnerName = '';
  reports: Option[] = [];
  goals: Option[] = [];
  /** What the pickers leave out (a page of 2,000 people, 50 goals): null when nothing. */
  reportsNotice: string | null = null;
  goalsNotice: string | null = null;

  /** The rep whose goals are offered; changes only with the rep, not with every keystroke. */
  goalsRepId: string | null = null;

  private contextResult: GraphQLResult<FormContextData> | undefined;
  private draftStorageKey = '';
  private presetRepId: string | undefined;
  private connected = false;

  override connectedCallback(): void {
    this.connected = true;
    this.restoreValues();
  }

  override disconnectedCallback(): void {
    this.connected = false;
  }

  /** The presets, or the draft kept for this record, user and preset rep. */
  private restoreValues(): void {
    // The preset rep is part of the key: a draft started for one rep is never offered for another.
    this.draftStorageKey = draftKey(this.recordId, USER_ID, this.presetRepId);
    this.draftRestored = false;
    this.saveErrors = [];
    this.showFieldErrors([]);
    const base = this.presetValues();
    const draft = loadDraft(sessionStore(), this.draftStorageKey, base);
    if (draft && hasTypedContent(draft)) {
      this.values = draft;
      this.draftRestored = true;
    } else {
      this.values = base;
    }
    this.goalsRepId = this.values.repId || null;
  }

  private presetValues(): SessionValues {
    const values = emptyValues(this.today ?? todayIso());
    if (this.sessionType) values.sessionType = this.sessionType;
    if (this.repId) values.repId = this.repId;
    if (this.objectApiName === GOAL_OBJECT && this.recordId) values.goalId = this.recordId;
    return values;
  }

  /** The deal the session is about: an explicit preset, or the Opportunity record page. */
  get contextOpportunityId(): string | null {
    if (this.opportunityId) return this.opportunityId;
    return this.objectApiName === OPPORTUNITY_OBJECT && this.recordId ? this.recordId : null;
  }

  get contextVariables(): Record<string, string | null> {
    return {
      opportunityId: this.contextOpportunityId,
      userId: USER_ID,
      repId: this.goalsRepId
    };
  }

  @wire(graphql, { query: FORM_CONTEXT, variables: '$contextVariables' })
  wiredContext(result: GraphQLResult<FormContextData>): void {
    this.contextResult = result;
    if (result.errors && result.errors.length > 0) {
      this.contextErrors = reduceErrors(result.errors);
      return;
    }
    const query = result.data?.uiapi?.query;
    if (!query) return;
    this.contextErrors = [];
    this.contextLoaded = true;
    const [opportunity] = nodesOf(query.Opportunity);
    if (opportunity) {
      this.opportunityName = opportunity.Name?.value ?? '';
      this.opportunityOwnerId = opportunity.OwnerId?.value ?? null;
      this.opportunityOwnerName = opportunity.Owner?.Name?.value ?? '';
      // The deal's owner is the rep, unless the user already chose (or a draft holds) one.
      if (!this.values.repId && this.opportunityOwnerId) {
        this.values = { ...this.values, repId: this.opportunityOwnerId };
        this.goalsRepId = this.opportunityOwnerId;
      }
    }
    this.reports = nodesOf(query.reports).map((node) => ({
      label: node.Name?.value ?? node.Id,
      value: node.Id
    }));
    this.goals = nodesOf(query.goals).map((node) => ({
      label: node.Name?.value ?? node.Id,
      value: node.Id
    }));
    this.reportsNotice = limitNotice(LIMIT_REPORTS, this.reports.length, query.reports?.totalCount);
    this.goalsNotice = limitNotice(LIMIT_GOALS, this.goals.length, query.goals?.totalCount);
  }

  @wire(getObjectInfo, { objectApiName: COACHING_SESSION_OBJECT })
  wiredObjectInfo({ data, error }: WireResponse<ObjectInfo>): void {
    if (data) {
      this.objectInfo = data;
      this.objectInfoResolved = true;
      this.recordTypeId = data.defaultRecordTypeId;
    } else if (error) {
      // No object info means no access to the object: nothing can be created either.
      this.objectInfo = undefined;
      this.objectInfoResolved = true;
    }
  }

  @wire(getObjectInfo, { objectApiName: PRIVATE_NOTE_OBJECT })
  wiredPrivateNoteInfo({ data, error }: WireResponse<ObjectInfo>): void {
    // An error means no access to private notes: the form then simply offers none.
    if (data) this.privateNoteInfo = data;
    else if (error) this.privateNoteInfo = undefined;
  }

  @wire(getPicklistValuesByRecordType, {
    objectApiName: COACHING_SESSION_OBJECT,
    recordTypeId: '$recordTypeId'
  })
  wiredPicklists({ data }: WireResponse<PicklistsByRecordType>): void {
    if (!data) return;
    const fields = data.picklistFieldValues ?? {};
    this.typeOptions = optionsOf(fields.Session_Type__c);
    this.statusOptions = optionsOf(fields.Status__c);
    this.focusAreaOptions = optionsOf(fields.Focus_Areas__c);
  }

  // ---- view state -----------------------------------------------------------------------------

  /** The form is offered only to users who can create sessions (a rep cannot). */
  get canCreate(): boolean {
    return this.objectInfo?.createable === true;
  }

  get isLoading(): boolean {
    if (!this.objectInfoResolved) return true;
    return this.canCreate && !this.contextLoaded && this.contextErrors.length === 0;
  }

  get cannotCreate(): boolean {
    return this.objectInfoResolved && !this.canCreate;
  }

  get hasContextError(): boolean {
    return this.canCreate && this.contextErrors.length > 0 && !this.contextLoaded;
  }

  get showForm(): boolean {
    return this.canCreate && this.contextLoaded;
  }

  /** On a deal the rep is the deal's owner (read only); elsewhere a picker of the user's reports. */
  get isOnOpportunity(): boolean {
    return this.contextOpportunityId !== null && this.opportunityName !== '';
  }

  get repOptions(): Option[] {
    const options = [...this.reports];
    const current = this.values.repId;
    if (
      this.opportunityOwnerId &&
      !options.some((option) => option.value === this.opportunityOwnerId)
    ) {
      options.unshift({ label: this.opportunityOwnerName, value: this.opportunityOwnerId });
    }
    if (current && !options.some((option) => option.value === current)) {
      options.unshift({ label: current, value: current });
    }
    return options;
  }

  get hasNoReports(): boolean {
    return this.repOptions.length === 0;
  }

  get goalOptions(): Option[] {
    return [{ label: GOAL_NONE, value: '' }, ...this.goals];
  }

  get showGoalPicker(): boolean {
    return this.goals.length > 0 || this.values.goalId !== '';
  }

  /**
   * Private notes are offered to users who may create Coaching_Private_Note__c records and set
   * their session and text (managers; never reps).
   */
  get canWritePrivateNotes(): boolean {
    const info = this.privateNoteInfo;
    return (
      info?.createable === true &&
      PRIVATE_NOTE_FIELDS.every((name) => info.fields?.[name]?.createable === true)
    );
  }

  get hasUnsavedNote(): boolean {
    return this.unsavedNote !== '';
  }

  get hasFormErrors(): boolean {
    return this.formErrors.length > 0;
  }

  get hasSaveErrors(): boolean {
    return this.saveErrors.length > 0;
  }

  get saveLabel(): string {
    return this.saving ? SAVING : SAVE;
  }

  // ---- interactions -----------------------------------------------------------------------------

  handleChange(event: ValueChangeEvent): void {
    const field = (event.target?.dataset?.field ?? '') as SessionField;
    if (!(field in this.values)) return;
    const raw = event.detail?.value ?? event.target?.value;
    const next: SessionValues = { ...this.values };
    if (field === 'focusAreas') {
      next.focusAreas = Array.isArray(raw) ? raw.map(String) : [];
    } else {
      next[field] = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    }
    if (field === 'repId' && next.repId !== this.values.repId) {
      next.goalId = '';
      this.goalsRepId = next.repId || null;
    }
    this.values = next;
    this.clearFieldError(field);
    saveDraft(sessionStore(), this.draftStorageKey, this.values);
  }

  handleDiscardDraft(): void {
    clearDraft(sessionStore(), this.draftStorageKey);
    this.resetForm();
  }

  async handleSave(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.saving || !this.canCreate) return;
    this.saveErrors = [];
    this.unsavedNote = '';
    const violations = validateSession(this.values);
    this.showFieldErrors(
      violations.map(({ field, rule }) => ({ field, message: RULE_MESSAGES[rule] }))
    );
    if (violations.length > 0) return;

    // Keep what was typed whatever happens next.
    saveDraft(sessionStore(), this.draftStorageKey, this.values);
    this.saving = true;
    const opportunityId = this.contextOpportunityId;
    let record: RecordRepresentation;
    try {
      record = await createRecord({
        apiName: COACHING_SESSION_OBJECT.objectApiName,
        fields: toRecordFields(this.values, { coachId: USER_ID, opportunityId })
      });
    } catch (error) {
      this.saving = false;
      this.showSaveError(error, SAVE_FAILED, FIELD_BY_API_NAME);
      return;
    }
    const noteSaved = await this.savePrivateNote(record);
    this.saving = false;
    if (noteSaved) this.handleSaved(record, opportunityId);
  }

  /**
   * The private note is its own record (owned by the coach, so the rep never reads it), created
   * once the session exists. UI API creates one record per request, so the two writes are made
   * all-or-nothing by hand: when the note fails, the session is deleted again and the form keeps
   * everything typed. Only if that delete fails too does the session stay, and the form says so
   * and shows the note back. Returns whether the save is complete (false: the error is shown).
   */
  private async savePrivateNote(session: RecordRepresentation): Promise<boolean> {
    const fields = this.canWritePrivateNotes ? toPrivateNoteFields(this.values, session.id) : null;
    if (!fields) return true;
    try {
      await createRecord({ apiName: PRIVATE_NOTE_OBJECT.objectApiName, fields });
      return true;
    } catch (noteError) {
      try {
        await deleteRecord(session.id);
      } catch {
        const note = this.values.privateNotes.trim();
        this.handleSaved(session, this.contextOpportunityId, false);
        this.saveErrors = reduceErrors(noteError);
        this.saveFailedMessage = NOTE_FAILED_SESSION_SAVED;
        this.unsavedNote = note;
        return false;
      }
      this.showSaveError(noteError, NOTE_FAILED_NOTHING_SAVED, NOTE_FIELD_BY_API_NAME);
      return false;
    }
  }

  private handleSaved(
    record: RecordRepresentation,
    opportunityId: string | null,
    complete = true
  ): void {
    const repId = this.values.repId;
    clearDraft(sessionStore(), this.draftStorageKey);
    if (complete) {
      this.dispatchEvent(
        new ShowToastEvent({ title: SAVED_TITLE, message: SAVED, variant: 'success' })
      );
    }
    const detail: SessionLoggedDetail = { id: record.id, repId, opportunityId };
    this.dispatchEvent(
      new CustomEvent<SessionLoggedDetail>('sessionlogged', {
        detail,
        bubbles: true,
        composed: true
      })
    );
    // Other components showing the deal or the rep re-read them (LDS cache notification).
    const touched = [opportunityId, repId].filter((id): id is string => !!id);
    Promise.resolve(notifyRecordUpdateAvailable(touched.map((id) => ({ recordId: id })))).catch(
      () => {
        // A failed cache notification only delays other components' refresh.
      }
    );
    Promise.resolve(this.contextResult?.refresh?.()).catch(() => {
      // As above: the saved record is not affected.
    });
    this.resetForm();
    // Closes the modal when the form runs as a quick action; nothing listens elsewhere. A save
    // that left the private note behind keeps the form open to say so.
    if (complete) this.dispatchEvent(new CloseActionScreenEvent());
  }

  private showSaveError(
    error: unknown,
    failedMessage: string,
    fieldsByApiName: Readonly<Record<string, SessionField>>
  ): void {
    this.saveErrors = reduceErrors(error);
    this.saveFailedMessage = failedMessage;
    const inline: { field: SessionField; message: string }[] = [];
    for (const [apiName, messages] of Object.entries(fieldErrors(error))) {
      const field = fieldsByApiName[apiName];
      if (field) for (const message of messages) inline.push({ field, message });
    }
    this.showFieldErrors(inline);
  }

  private resetForm(): void {
    const base = this.presetValues();
    if (!base.repId && this.opportunityOwnerId) base.repId = this.opportunityOwnerId;
    this.values = base;
    this.goalsRepId = base.repId || null;
    this.draftRestored = false;
    this.formErrors = [];
    this.saveErrors = [];
    this.unsavedNote = '';
    this.showFieldErrors([]);
  }

  private showFieldErrors(errors: FieldMessage<SessionField>[]): void {
    this.formErrors = showFieldErrors(this.template, errors, FIELD_LABELS);
  }

  private clearFieldError(field: SessionField): void {
    this.formErrors = clearFieldError(this.template, this.formErrors, field, FIELD_LABELS);
  }
}
