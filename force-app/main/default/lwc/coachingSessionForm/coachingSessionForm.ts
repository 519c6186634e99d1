import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, type GraphQLResult } from 'lightning/graphql';
import {
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
import { reduceErrors, splitSaveErrors } from 'c/ldsErrors';
import { fill, formatNumber } from 'c/coachingFormat';
import { nodesOf, type Connection, type FieldValue } from 'c/opportunityData';
import {
  DEFAULT_LIMITS,
  FIELD_BY_API_NAME,
  LIMIT_FIELDS,
  LOG_SESSION_REQUEST,
  NOTE_FIELD_BY_API_NAME,
  browserSessionStorage,
  clearDraft,
  draftKey,
  emptyValues,
  hasTypedContent,
  loadDraft,
  saveDraft,
  toPrivateNoteFields,
  toRecordFields,
  validateSession,
  type LogSessionRequestDetail,
  type SessionField,
  type SessionValues,
  type SessionViolation
} from 'c/sessionDraft';
import { todayIso } from 'c/coachingFormat';

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
import RETRY from '@salesforce/label/c.SC_Retry';
import SAVE_FAILED_TITLE from '@salesforce/label/c.SC_Save_Failed_Title';
import OPPORTUNITY_NOT_AVAILABLE from '@salesforce/label/c.SC_Session_Opportunity_Not_Available';
import RECORD_ID_INVALID from '@salesforce/label/c.SC_Session_Record_Id_Invalid';
import LIMIT_REPORTS from '@salesforce/label/c.SC_Form_LimitReports';
import LIMIT_GOALS from '@salesforce/label/c.SC_Form_LimitGoals';
import {
  type FieldLimits,
  type FieldMessage,
  type FormError,
  type Option,
  type PicklistsByRecordType,
  type ValueChangeEvent,
  type WireResponse,
  characterCount,
  clearFieldError,
  fieldLimits,
  focusFirst,
  isRecordId,
  optionsOf,
  saveAll,
  showFieldErrors
} from 'c/formSupport';

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

const sessionStore = browserSessionStorage;

/** The text areas, each with a character count under it. */
const TEXT_FIELDS = ['strengths', 'developmentAreas', 'commitments', 'privateNotes'] as const;

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
    ERROR_TITLE,
    RETRY
  };

  values: SessionValues = emptyValues(todayIso());
  /**
   * Whether anything was entered since the form was opened or last saved. A fresh form has
   * nothing to save: repeated clicks on Save once a session is saved write nothing more.
   */
  dirty = false;
  draftRestored = false;
  saving = false;
  /** Messages of the rules or server errors that block the save, with their field labels. */
  formErrors: FormError[] = [];
  saveErrors: string[] = [];
  /** The last save failed: its message shows at the top and beside the Save button. */
  saveFailed = false;
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
  /** A rep and session type another component asked this form for (LOG_SESSION_REQUEST). */
  private requested: { repId: string; sessionType: string | null } | null = null;
  private connected = false;
  /** After the next render, focus this element (the save error, or the first field). */
  private pendingFocus: string | null = null;
  private readonly handleLogSessionRequest = (event: Event): void => {
    const detail = (event as CustomEvent<LogSessionRequestDetail>).detail;
    if (!detail || !this.isGeneralForm || !this.showForm || this.saving) return;
    detail.accept();
    this.requested = { repId: detail.repId, sessionType: detail.sessionType };
    this.restoreValues();
    this.pendingFocus = '[data-field="repId"]';
    this.template?.querySelector('form')?.scrollIntoView?.({ block: 'start' });
  };

  override connectedCallback(): void {
    this.connected = true;
    this.restoreValues();
    window.addEventListener(LOG_SESSION_REQUEST, this.handleLogSessionRequest);
  }

  override disconnectedCallback(): void {
    this.connected = false;
    window.removeEventListener(LOG_SESSION_REQUEST, this.handleLogSessionRequest);
  }

  override renderedCallback(): void {
    const selector = this.pendingFocus;
    if (!selector) return;
    if (focusFirst(this.template, selector)) this.pendingFocus = null;
  }

  /** Not tied to a record or a preset rep: the form the page offers for any session. */
  get isGeneralForm(): boolean {
    return !this.recordId && !this.opportunityId && !this.presetRepId;
  }

  private get effectiveRepId(): string | undefined {
    return this.presetRepId ?? this.requested?.repId;
  }

  /** The presets, or the draft kept for this record, user and preset rep. */
  private restoreValues(): void {
    // The preset rep is part of the key: a draft started for one rep is never offered for another.
    this.draftStorageKey = draftKey(this.recordId, USER_ID, this.effectiveRepId);
    this.draftRestored = false;
    this.saveErrors = [];
    this.saveFailed = false;
    this.showFieldErrors([]);
    const base = this.presetValues();
    const draft = loadDraft(sessionStore(), this.draftStorageKey, base);
    if (draft && hasTypedContent(draft)) {
      this.values = draft;
      this.draftRestored = true;
      this.dirty = true;
    } else {
      this.values = base;
      // A form another component asked for is ready to save as preset (the warning's rep and
      // session type); a form opened on its own waits for an entry.
      this.dirty = this.requested !== null;
    }
    this.goalsRepId = this.values.repId || null;
  }

  private get todayValue(): string {
    return this.today ?? todayIso();
  }

  private presetValues(): SessionValues {
    const values = emptyValues(this.todayValue);
    const sessionType = this.sessionType ?? this.requested?.sessionType;
    if (sessionType) values.sessionType = sessionType;
    const repId = this.effectiveRepId;
    if (repId) values.repId = repId;
    if (this.objectApiName === GOAL_OBJECT && this.recordId) values.goalId = this.recordId;
    return values;
  }

  /** The deal the session is about: an explicit preset, or the Opportunity record page. */
  get contextOpportunityId(): string | null {
    if (this.opportunityId) return this.opportunityId;
    return this.objectApiName === OPPORTUNITY_OBJECT && this.recordId ? this.recordId : null;
  }

  /** The record the session would be linked to: the deal, or the goal of a goal page. */
  private get linkedRecordId(): string | null {
    if (this.contextOpportunityId) return this.contextOpportunityId;
    return this.objectApiName === GOAL_OBJECT && this.recordId ? this.recordId : null;
  }

  /** A record id that is not one (a hand-edited URL): nothing is linked to it, or asked for. */
  get hasInvalidRecordId(): boolean {
    const id = this.linkedRecordId;
    return id !== null && !isRecordId(id);
  }

  /**
   * The deal is not readable by this user (sharing, or deleted): the form offers no session,
   * since the session would be linked to a record the user cannot see.
   */
  get opportunityUnavailable(): boolean {
    return (
      this.contextLoaded &&
      !this.hasInvalidRecordId &&
      this.contextOpportunityId !== null &&
      this.opportunityName === ''
    );
  }

  get contextVariables(): Record<string, string | null> {
    const opportunityId = this.contextOpportunityId;
    return {
      opportunityId: opportunityId && isRecordId(opportunityId) ? opportunityId : null,
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
    this.opportunityName = '';
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
    if (this.hasInvalidRecordId) return false;
    return this.canCreate && !this.contextLoaded && this.contextErrors.length === 0;
  }

  get cannotCreate(): boolean {
    return this.objectInfoResolved && !this.canCreate;
  }

  get hasContextError(): boolean {
    return this.canCreate && this.contextErrors.length > 0 && !this.contextLoaded;
  }

  /** Why no session can be logged here, in plain words; null when one can. */
  get unavailableMessage(): string | null {
    if (!this.canCreate) return null;
    if (this.hasInvalidRecordId) return RECORD_ID_INVALID;
    return this.opportunityUnavailable ? OPPORTUNITY_NOT_AVAILABLE : null;
  }

  get showForm(): boolean {
    return this.canCreate && this.contextLoaded && this.unavailableMessage === null;
  }

  /** Re-runs the context query that failed. */
  handleRetry(): void {
    this.contextErrors = [];
    Promise.resolve(this.contextResult?.refresh?.()).catch((error: unknown) => {
      this.contextErrors = reduceErrors(error);
    });
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
    return this.saveFailed;
  }

  get saveLabel(): string {
    return this.saving ? SAVING : SAVE;
  }

  /** The limits of the typed fields: object info's, else the metadata's. */
  get limits(): Partial<Record<SessionField, FieldLimits>> {
    const limits: Partial<Record<SessionField, FieldLimits>> = {};
    for (const [field, apiName] of Object.entries(LIMIT_FIELDS) as [SessionField, string][]) {
      const info = field === 'privateNotes' ? this.privateNoteInfo : this.objectInfo;
      limits[field] = fieldLimits(info, apiName, DEFAULT_LIMITS[field]);
    }
    return limits;
  }

  /** What the rules and the fields' limits say about the values, as the user types. */
  get violations(): SessionViolation[] {
    return validateSession(this.values, { today: this.todayValue, limits: this.limits });
  }

  /** Save is offered while nothing is in flight, something was entered, and it is valid. */
  get saveDisabled(): boolean {
    return this.saving || !this.dirty || this.violations.length > 0;
  }

  /**
   * What stops the save, beside the Save button where the user is: the current problems once
   * something was entered, and the reason of a failed save.
   */
  get saveFeedback(): FormError[] {
    const violations = this.dirty ? this.violations : [];
    if (violations.length === 0) return this.saveFailed ? this.formErrors : [];
    return violations.map(({ field, message }, index) => ({
      key: `${field}-${index}`,
      field: FIELD_LABELS[field],
      message
    }));
  }

  get hasFixList(): boolean {
    return this.saveFeedback.length > 0;
  }

  get hasSaveFeedback(): boolean {
    return this.saveFeedback.length > 0 || this.hasSaveErrors;
  }

  /** "120 of 32,768 characters" under each text area that has text. */
  get counts(): Record<string, string> {
    const limits = this.limits;
    return Object.fromEntries(
      TEXT_FIELDS.map((field) => [
        field,
        this.values[field] ? characterCount(this.values[field], limits[field]?.length) : ''
      ])
    );
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
    this.dirty = true;
    this.clearFieldError(field);
    // The field says what is wrong with it as soon as it is: a number that is not one, text too
    // long for the field, a rule it breaks.
    const own = this.violations.filter((violation) => violation.field === field);
    if (own.length > 0) this.showInline(field, own[0].message);
    saveDraft(sessionStore(), this.draftStorageKey, this.values);
  }

  private showInline(field: SessionField, message: string): void {
    const element = this.template?.querySelector<
      HTMLElement & {
        setCustomValidity?: (message: string) => void;
        reportValidity?: () => boolean;
      }
    >(`[data-field="${field}"]`);
    element?.setCustomValidity?.(message);
    element?.reportValidity?.();
  }

  handleDiscardDraft(): void {
    clearDraft(sessionStore(), this.draftStorageKey);
    this.resetForm();
  }

  async handleSave(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.saving || !this.canCreate || !this.showForm || !this.dirty) return;
    this.saveErrors = [];
    this.saveFailed = false;
    this.unsavedNote = '';
    const violations = this.violations;
    this.showFieldErrors(violations.map(({ field, message }) => ({ field, message })));
    if (violations.length > 0) {
      this.pendingFocus = '.save-feedback';
      return;
    }

    // Keep what was typed whatever happens next.
    saveDraft(sessionStore(), this.draftStorageKey, this.values);
    this.saving = true;
    const opportunityId = this.contextOpportunityId;
    const noteFields = this.canWritePrivateNotes;
    const values = this.values;
    // The session, then the coach's private note as its own record (owned by the coach, so the
    // rep never reads it): one save, all or nothing (saveAll undoes the session if the note
    // fails).
    const outcome = await saveAll([
      {
        action: 'create',
        apiName: COACHING_SESSION_OBJECT.objectApiName,
        fields: toRecordFields(values, { coachId: USER_ID, opportunityId })
      },
      ...(noteFields && values.privateNotes.trim() !== ''
        ? [
            {
              action: 'create' as const,
              apiName: PRIVATE_NOTE_OBJECT.objectApiName,
              fields: ([session]: readonly RecordRepresentation[]) =>
                toPrivateNoteFields(values, session.id) ?? {}
            }
          ]
        : [])
    ]);
    this.saving = false;
    if (outcome.ok) {
      this.handleSaved(outcome.records[0], opportunityId);
      return;
    }
    if (outcome.failedStep === 0) {
      this.showSaveError(outcome.error, SAVE_FAILED, FIELD_BY_API_NAME);
    } else if (outcome.undone) {
      this.showSaveError(outcome.error, NOTE_FAILED_NOTHING_SAVED, NOTE_FIELD_BY_API_NAME);
    } else {
      // The note failed and the session could not be undone: the session stays, the form
      // says so and shows the note back to add from the session.
      const note = values.privateNotes.trim();
      this.handleSaved(outcome.records[0], opportunityId, false);
      this.saveErrors = reduceErrors(outcome.error);
      this.saveFailed = true;
      this.saveFailedMessage = NOTE_FAILED_SESSION_SAVED;
      this.unsavedNote = note;
      this.announceFailure();
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
    // A request from another component is answered: the form is the page's general one again.
    this.requested = null;
    this.resetForm();
    // Closes the modal when the form runs as a quick action; nothing listens elsewhere. A save
    // that left the private note behind keeps the form open to say so.
    if (complete) this.dispatchEvent(new CloseActionScreenEvent());
  }

  /**
   * A failed save, shown where the user is looking: beside the Save button (focused) and at the
   * top of the form, and in a toast. Messages about a field are shown on the field and named
   * once; the others are listed.
   */
  private showSaveError(
    error: unknown,
    failedMessage: string,
    fieldsByApiName: Readonly<Record<string, SessionField>>
  ): void {
    const { byField, other } = splitSaveErrors(error);
    const inline: { field: SessionField; message: string }[] = [];
    const unmapped: string[] = [];
    for (const [apiName, messages] of Object.entries(byField)) {
      const field = fieldsByApiName[apiName];
      if (field) for (const message of messages) inline.push({ field, message });
      else unmapped.push(...messages);
    }
    this.saveErrors = [...other, ...unmapped];
    this.saveFailedMessage = failedMessage;
    this.saveFailed = true;
    this.showFieldErrors(inline);
    this.announceFailure();
  }

  private announceFailure(): void {
    this.pendingFocus = '.save-feedback';
    this.dispatchEvent(
      new ShowToastEvent({
        title: SAVE_FAILED_TITLE,
        message: this.saveFailedMessage,
        variant: 'error'
      })
    );
  }

  private resetForm(): void {
    const base = this.presetValues();
    if (!base.repId && this.opportunityOwnerId) base.repId = this.opportunityOwnerId;
    this.values = base;
    this.dirty = false;
    this.goalsRepId = base.repId || null;
    this.draftRestored = false;
    this.formErrors = [];
    this.saveErrors = [];
    this.saveFailed = false;
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
