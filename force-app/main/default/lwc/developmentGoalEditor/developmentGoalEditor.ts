import { LightningElement, api, wire } from 'lwc';
import { graphql, gql, type GraphQLResult } from 'lightning/graphql';
import {
  createRecord,
  updateRecord,
  type ObjectInfo,
  type RecordRepresentation
} from 'lightning/uiRecordApi';
import RETRY from '@salesforce/label/c.SC_Retry';
import SAVE_FAILED_TITLE from '@salesforce/label/c.SC_Save_Failed_Title';
import GOAL_ID_INVALID from '@salesforce/label/c.SC_Goal_Editor_Id_Invalid';
import { getObjectInfo, getPicklistValuesByRecordType } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import DEVELOPMENT_GOAL_OBJECT from '@salesforce/schema/Development_Goal__c';
import { fill, formatNumber } from 'c/coachingFormat';
import { reduceErrors, splitSaveErrors } from 'c/ldsErrors';
import {
  TEAM_MEMBERS,
  nodesOf,
  type Connection,
  type FieldValue,
  type TeamMembersData
} from 'c/opportunityData';
import {
  DEFAULT_GOAL_LIMITS,
  GOAL_FIELD_BY_API_NAME,
  emptyGoalValues,
  toGoalFields,
  validateGoal,
  type GoalField,
  type GoalLimits,
  type GoalValues,
  type GoalViolation,
  type Measure
} from './goalEditorModel';

import TITLE_NEW from '@salesforce/label/c.SC_Goal_Editor_Title_New';
import TITLE_EDIT from '@salesforce/label/c.SC_Goal_Editor_Title_Edit';
import NAME from '@salesforce/label/c.SC_Goal_Editor_Name';
import REP from '@salesforce/label/c.SC_Goal_Editor_Rep';
import REP_PLACEHOLDER from '@salesforce/label/c.SC_Goal_Editor_Rep_Placeholder';
import NO_REPORTS from '@salesforce/label/c.SC_Goal_Editor_No_Reports';
import LIMIT_REPORTS from '@salesforce/label/c.SC_Form_LimitReports';
import NO_CREATE_ACCESS from '@salesforce/label/c.SC_Goal_Editor_No_Create_Access';
import REPORTS_FAILED from '@salesforce/label/c.SC_Goal_Editor_Reports_Failed';
import SKILL_AREA from '@salesforce/label/c.SC_Goal_Editor_Skill_Area';
import DESCRIPTION from '@salesforce/label/c.SC_Goal_Editor_Description';
import SUCCESS_MEASURE from '@salesforce/label/c.SC_Goal_Editor_Success_Measure';
import START_DATE from '@salesforce/label/c.SC_Goal_Editor_Start_Date';
import TARGET_DATE from '@salesforce/label/c.SC_Goal_Editor_Target_Date';
import STATUS from '@salesforce/label/c.SC_Goal_Editor_Status';
import MEASURE from '@salesforce/label/c.SC_Goal_Editor_Measure';
import MEASURE_MANUAL from '@salesforce/label/c.SC_Goal_Editor_Measure_Manual';
import MEASURE_KPI from '@salesforce/label/c.SC_Goal_Editor_Measure_Kpi';
import PROGRESS from '@salesforce/label/c.SC_Goal_Editor_Progress';
import METRIC from '@salesforce/label/c.SC_Goal_Editor_Metric';
import METRIC_PLACEHOLDER from '@salesforce/label/c.SC_Goal_Editor_Metric_Placeholder';
import BASELINE_VALUE from '@salesforce/label/c.SC_Goal_Editor_Baseline_Value';
import TARGET_VALUE from '@salesforce/label/c.SC_Goal_Editor_Target_Value';
import FIX_ERRORS from '@salesforce/label/c.SC_Goal_Editor_Fix_Errors';
import SAVE from '@salesforce/label/c.SC_Goal_Editor_Save';
import SAVING from '@salesforce/label/c.SC_Goal_Editor_Saving';
import SAVED_TITLE from '@salesforce/label/c.SC_Goal_Editor_Saved_Title';
import SAVED from '@salesforce/label/c.SC_Goal_Editor_Saved';
import SAVE_FAILED from '@salesforce/label/c.SC_Goal_Editor_Save_Failed';
import LOADING from '@salesforce/label/c.SC_Goal_Editor_Loading';
import ERROR_TITLE from '@salesforce/label/c.SC_Goal_Editor_Error_Title';
import NOT_FOUND from '@salesforce/label/c.SC_Goal_Editor_Not_Found';
import {
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
  numberText,
  optionsOf,
  showFieldErrors
} from 'c/formSupport';

const FIELD_LABELS: Readonly<Record<GoalField, string>> = {
  repId: REP,
  name: NAME,
  skillArea: SKILL_AREA,
  description: DESCRIPTION,
  successMeasure: SUCCESS_MEASURE,
  startDate: START_DATE,
  targetDate: TARGET_DATE,
  status: STATUS,
  measure: MEASURE,
  progress: PROGRESS,
  metric: METRIC,
  baselineValue: BASELINE_VALUE,
  targetValue: TARGET_VALUE
};

const GOAL_OBJECT = 'Development_Goal__c';
const COACH_FIELD = 'Coach__c';

/** Each editor field's record field; the measure is the metric link. */
const API_NAME_BY_FIELD: Readonly<Record<GoalField, string>> = {
  repId: 'Rep__c',
  name: 'Name',
  skillArea: 'Skill_Area__c',
  description: 'Description__c',
  successMeasure: 'Success_Measure__c',
  startDate: 'Start_Date__c',
  targetDate: 'Target_Date__c',
  status: 'Status__c',
  measure: 'Metric__c',
  progress: 'Progress__c',
  metric: 'Metric__c',
  baselineValue: 'Baseline_Value__c',
  targetValue: 'Target_Value__c'
};

/** The goal being edited, by id. */
const GOAL_QUERY = gql`
  query developmentGoalEditorGoal($goalId: ID) {
    uiapi {
      query {
        Development_Goal__c(first: 1, where: { Id: { eq: $goalId } }) {
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
              Skill_Area__c {
                value
              }
              Description__c {
                value
              }
              Success_Measure__c {
                value
              }
              Start_Date__c {
                value
              }
              Target_Date__c {
                value
              }
              Status__c {
                value
              }
              Progress__c {
                value
              }
              Metric__c {
                value
              }
              Baseline_Value__c {
                value
              }
              Target_Value__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

interface GoalNode {
  Id: string;
  Name?: FieldValue<string>;
  Rep__c?: FieldValue<string>;
  Rep__r?: { Name?: FieldValue<string> } | null;
  Skill_Area__c?: FieldValue<string>;
  Description__c?: FieldValue<string>;
  Success_Measure__c?: FieldValue<string>;
  Start_Date__c?: FieldValue<string>;
  Target_Date__c?: FieldValue<string>;
  Status__c?: FieldValue<string>;
  Progress__c?: FieldValue<number>;
  Metric__c?: FieldValue<string>;
  Baseline_Value__c?: FieldValue<number>;
  Target_Value__c?: FieldValue<number>;
}
interface GoalQueryData {
  uiapi?: {
    query?: {
      Development_Goal__c?: Connection<GoalNode> | null;
    } | null;
  } | null;
}

export interface GoalSavedDetail {
  id: string;
}

function text(field: FieldValue<string> | FieldValue<number> | undefined): string {
  const value = field?.value;
  if (typeof value === 'number') return numberText(value);
  return value === null || value === undefined ? '' : String(value);
}

function valuesFromNode(node: GoalNode): GoalValues {
  const metric = text(node.Metric__c);
  return {
    repId: text(node.Rep__c),
    name: text(node.Name),
    skillArea: text(node.Skill_Area__c),
    description: text(node.Description__c),
    successMeasure: text(node.Success_Measure__c),
    startDate: text(node.Start_Date__c),
    targetDate: text(node.Target_Date__c),
    status: text(node.Status__c),
    measure: metric ? 'kpi' : 'manual',
    progress: text(node.Progress__c),
    metric,
    baselineValue: text(node.Baseline_Value__c),
    targetValue: text(node.Target_Value__c)
  };
}

export default class DevelopmentGoalEditor extends LightningElement {
  /** Preset rep: the goal is for this rep and no rep picker is shown. */
  @api repId: string | undefined;
  /** Goal to edit; without it (and without a goal record page) the editor creates a goal. */
  @api goalId: string | undefined;
  /** Record page context: on a Development_Goal__c record page the record is the goal edited. */
  @api recordId: string | undefined;
  @api objectApiName: string | undefined;

  labels = {
    NAME,
    REP,
    REP_PLACEHOLDER,
    NO_REPORTS,
    NO_CREATE_ACCESS,
    REPORTS_FAILED,
    SKILL_AREA,
    DESCRIPTION,
    SUCCESS_MEASURE,
    START_DATE,
    TARGET_DATE,
    STATUS,
    MEASURE,
    PROGRESS,
    METRIC,
    METRIC_PLACEHOLDER,
    BASELINE_VALUE,
    TARGET_VALUE,
    FIX_ERRORS,
    SAVE_FAILED,
    LOADING,
    ERROR_TITLE,
    RETRY
  };

  values: GoalValues = emptyGoalValues();
  /** Anything changed since the goal was loaded, opened or saved: only then is there a save. */
  dirty = false;
  saving = false;
  saveFailed = false;
  /** After the next render, focus this element (the error beside Save). */
  private pendingFocus: string | null = null;
  formErrors: FormError[] = [];
  saveErrors: string[] = [];
  loadErrors: string[] = [];
  goalLoaded = false;
  goalMissing = false;
  loadedRepName = '';

  reports: Option[] = [];
  /** The picker lists one page of 2,000 reports: past that, how many of how many. */
  reportsNotice: string | null = null;
  reportsLoaded = false;
  reportsFailed = false;
  /** The user's access to Development_Goal__c; until it is known no form is offered. */
  objectInfo: ObjectInfo | undefined;
  objectInfoResolved = false;
  recordTypeId: string | undefined;
  skillAreaOptions: Option[] = [];
  statusOptions: Option[] = [];
  metricOptions: Option[] = [];

  private goalResult: GraphQLResult<GoalQueryData> | undefined;

  override connectedCallback(): void {
    this.values = emptyGoalValues(this.repId ?? '');
  }

  /** The goal edited: goalId, else the Development_Goal__c record of the record page. */
  get editGoalId(): string | null {
    if (this.goalId) return this.goalId;
    if (this.recordId && (!this.objectApiName || this.objectApiName === GOAL_OBJECT)) {
      return this.recordId;
    }
    return null;
  }

  get isEdit(): boolean {
    return this.editGoalId !== null;
  }

  /** A goal id that is not one (a hand-edited URL): not queried, and said plainly. */
  get hasInvalidGoalId(): boolean {
    const id = this.editGoalId;
    return id !== null && !isRecordId(id);
  }

  get invalidIdMessage(): string {
    return GOAL_ID_INVALID;
  }

  get goalVariables(): { goalId: string | null } {
    const id = this.editGoalId;
    return { goalId: id && isRecordId(id) ? id : null };
  }

  get reportsVariables(): { managerId: string } {
    return { managerId: USER_ID };
  }

  // The graphql wire serves both queries; each handler reads only its own part of the data.
  @wire(graphql, { query: GOAL_QUERY, variables: '$goalVariables' })
  wiredGoal(result: GraphQLResult<GoalQueryData>): void {
    if (!this.isEdit) return;
    this.goalResult = result;
    if (result.errors && result.errors.length > 0) {
      this.loadErrors = reduceErrors(result.errors);
      return;
    }
    const connection = result.data?.uiapi?.query?.Development_Goal__c;
    if (connection === undefined) return;
    this.loadErrors = [];
    const [node] = nodesOf(connection);
    if (!node) {
      this.goalMissing = true;
      return;
    }
    this.goalMissing = false;
    this.goalLoaded = true;
    this.loadedRepName = text(node.Rep__r?.Name);
    this.values = valuesFromNode(node);
    this.dirty = false;
  }

  @wire(graphql, { query: TEAM_MEMBERS, variables: '$reportsVariables' })
  wiredReports(result: GraphQLResult<TeamMembersData>): void {
    if (result.errors && result.errors.length > 0) {
      this.reportsFailed = true;
      return;
    }
    const reports = result.data?.uiapi?.query?.reports;
    if (reports === undefined) return;
    this.reportsFailed = false;
    this.reportsLoaded = true;
    this.reports = nodesOf(reports).map((node) => ({
      label: node.Name?.value ?? node.Id,
      value: node.Id
    }));
    const total = reports?.totalCount;
    this.reportsNotice =
      typeof total === 'number' && total > this.reports.length
        ? fill(LIMIT_REPORTS, formatNumber(this.reports.length), formatNumber(total))
        : null;
  }

  @wire(getObjectInfo, { objectApiName: DEVELOPMENT_GOAL_OBJECT })
  wiredObjectInfo({ data, error }: WireResponse<ObjectInfo>): void {
    if (data) {
      this.objectInfo = data;
      this.objectInfoResolved = true;
      this.recordTypeId = data.defaultRecordTypeId;
    } else if (error) {
      // No object info means no access to the object: nothing is writable.
      this.objectInfo = undefined;
      this.objectInfoResolved = true;
    }
  }

  @wire(getPicklistValuesByRecordType, {
    objectApiName: DEVELOPMENT_GOAL_OBJECT,
    recordTypeId: '$recordTypeId'
  })
  wiredPicklists({ data }: WireResponse<PicklistsByRecordType>): void {
    if (!data) return;
    const fields = data.picklistFieldValues ?? {};
    this.skillAreaOptions = optionsOf(fields.Skill_Area__c);
    this.statusOptions = optionsOf(fields.Status__c);
    this.metricOptions = optionsOf(fields.Metric__c);
  }

  // ---- view state -----------------------------------------------------------------------------

  get cardTitle(): string {
    return this.isEdit ? TITLE_EDIT : TITLE_NEW;
  }

  get isLoading(): boolean {
    if (this.hasLoadError || this.isMissing || this.hasInvalidGoalId) return false;
    return !this.objectInfoResolved || (this.isEdit && !this.goalLoaded);
  }

  get hasLoadError(): boolean {
    return this.isEdit && !this.goalLoaded && this.loadErrors.length > 0;
  }

  /** Re-runs the goal query that failed. */
  handleRetry(): void {
    this.loadErrors = [];
    Promise.resolve(this.goalResult?.refresh?.()).catch((error: unknown) => {
      this.loadErrors = reduceErrors(error);
    });
  }

  get isMissing(): boolean {
    return (
      this.isEdit &&
      !this.hasInvalidGoalId &&
      !this.goalLoaded &&
      this.goalMissing &&
      this.loadErrors.length === 0
    );
  }

  get notFoundMessage(): string {
    return NOT_FOUND;
  }

  get canCreate(): boolean {
    return this.objectInfo?.createable === true;
  }

  /** "New goal" is not offered to users who cannot create goals (reps). */
  get cannotCreate(): boolean {
    return !this.isEdit && this.objectInfoResolved && !this.canCreate;
  }

  get showForm(): boolean {
    if (!this.objectInfoResolved || this.hasInvalidGoalId) return false;
    return this.isEdit ? this.goalLoaded : this.canCreate;
  }

  /** Whether the user may write a record field: createable for a new goal, updateable for one. */
  private canWrite(apiName: string): boolean {
    const info = this.objectInfo;
    const field = info?.fields?.[apiName];
    if (!info || !field) return false;
    return this.isEdit ? info.updateable && field.updateable : info.createable && field.createable;
  }

  /** Fields the user may not write are shown read-only (a rep edits only progress and status). */
  get readOnly(): Record<GoalField, boolean> {
    const entries = (Object.keys(API_NAME_BY_FIELD) as GoalField[]).map(
      (field) => [field, !this.canWrite(API_NAME_BY_FIELD[field])] as const
    );
    return Object.fromEntries(entries) as Record<GoalField, boolean>;
  }

  get canSave(): boolean {
    const readOnly = this.readOnly;
    return (Object.keys(readOnly) as GoalField[]).some((field) => !readOnly[field]);
  }

  /** A preset rep or an existing goal fixes the rep; otherwise the manager picks a report. */
  get showRepPicker(): boolean {
    return !this.repId && !this.isEdit;
  }

  get repName(): string {
    const id = this.values.repId;
    return this.reports.find((option) => option.value === id)?.label ?? this.loadedRepName;
  }

  get showRepName(): boolean {
    return !this.showRepPicker && this.repName !== '';
  }

  get hasNoReports(): boolean {
    return this.reportsLoaded && this.reports.length === 0;
  }

  get measureOptions(): Option[] {
    return [
      { label: MEASURE_MANUAL, value: 'manual' },
      { label: MEASURE_KPI, value: 'kpi' }
    ];
  }

  get isKpi(): boolean {
    return this.values.measure === 'kpi';
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

  /** The fields' limits: object info's, else the metadata's. */
  get limits(): GoalLimits {
    const limits: GoalLimits = {};
    for (const field of Object.keys(DEFAULT_GOAL_LIMITS) as GoalField[]) {
      limits[field] = fieldLimits(
        this.objectInfo,
        API_NAME_BY_FIELD[field],
        DEFAULT_GOAL_LIMITS[field]
      );
    }
    return limits;
  }

  /** The rules' verdict on the fields the user may change (the server judges the others). */
  get violations(): GoalViolation[] {
    const readOnly = this.readOnly;
    return validateGoal(this.values, this.limits).filter(({ field }) => !readOnly[field]);
  }

  /** Save is offered while nothing is in flight, something changed, and it is valid. */
  get saveDisabled(): boolean {
    return this.saving || !this.dirty || this.violations.length > 0;
  }

  /** What stops the save, beside the Save button: the problems, or the failed save's fields. */
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
    return this.hasFixList || this.saveFailed;
  }

  /** "120 of 32,768 characters" under the text areas that have text. */
  get counts(): Record<string, string> {
    const limits = this.limits;
    return {
      description: this.values.description
        ? characterCount(this.values.description, limits.description?.length)
        : '',
      successMeasure: this.values.successMeasure
        ? characterCount(this.values.successMeasure, limits.successMeasure?.length)
        : ''
    };
  }

  override renderedCallback(): void {
    const selector = this.pendingFocus;
    if (selector && focusFirst(this.template, selector)) this.pendingFocus = null;
  }

  // ---- interactions -----------------------------------------------------------------------------

  handleChange(event: ValueChangeEvent): void {
    const field = (event.target?.dataset?.field ?? '') as GoalField;
    if (!(field in this.values)) return;
    const raw = event.detail?.value ?? event.target?.value;
    const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    const next: GoalValues = { ...this.values };
    if (field === 'measure') {
      next.measure = (value === 'kpi' ? 'kpi' : 'manual') satisfies Measure;
    } else {
      next[field] = value;
    }
    this.values = next;
    this.dirty = true;
    this.clearFieldError(field);
    // The field says what is wrong with it as soon as it is.
    const own = this.violations.find((violation) => violation.field === field);
    if (own) {
      const element = this.template?.querySelector<
        HTMLElement & {
          setCustomValidity?: (message: string) => void;
          reportValidity?: () => boolean;
        }
      >(`[data-field="${field}"]`);
      element?.setCustomValidity?.(own.message);
      element?.reportValidity?.();
    }
  }

  async handleSave(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.saving || !this.canSave || !this.dirty) return;
    this.saveErrors = [];
    this.saveFailed = false;
    // A rule on a field the user cannot change is not theirs to fix; the server has the last word.
    const violations = this.violations;
    this.showFieldErrors(violations.map(({ field, message }) => ({ field, message })));
    if (violations.length > 0) {
      this.pendingFocus = '.save-feedback';
      return;
    }

    this.saving = true;
    const goalId = this.editGoalId;
    const fields = this.writableFields(
      goalId ? toGoalFields(this.values) : { ...toGoalFields(this.values), [COACH_FIELD]: USER_ID }
    );
    let record: RecordRepresentation;
    try {
      record = goalId
        ? await updateRecord({ fields: { Id: goalId, ...fields } })
        : await createRecord({ apiName: DEVELOPMENT_GOAL_OBJECT.objectApiName, fields });
    } catch (error) {
      this.showSaveError(error);
      return;
    } finally {
      this.saving = false;
    }
    this.handleSaved(record.id);
  }

  /** Only the fields the user may write: one read-only field in a save fails the whole save. */
  private writableFields(
    fields: Record<string, string | number | null>
  ): Record<string, string | number | null> {
    return Object.fromEntries(Object.entries(fields).filter(([apiName]) => this.canWrite(apiName)));
  }

  private handleSaved(id: string): void {
    this.dirty = false;
    this.dispatchEvent(
      new ShowToastEvent({ title: SAVED_TITLE, message: SAVED, variant: 'success' })
    );
    this.dispatchEvent(
      new CustomEvent<GoalSavedDetail>('goalsaved', {
        detail: { id },
        bubbles: true,
        composed: true
      })
    );
    if (this.isEdit) {
      Promise.resolve(this.goalResult?.refresh?.()).catch(() => {
        // A failed refresh only delays showing the saved values; the save itself succeeded.
      });
    } else {
      this.values = emptyGoalValues(this.repId ?? '');
    }
    this.showFieldErrors([]);
  }

  /**
   * A failed save, where the user looks: beside Save (focused), at the top, and in a toast; a
   * message about a field is shown on it and names it once.
   */
  private showSaveError(error: unknown): void {
    const { byField, other } = splitSaveErrors(error);
    const inline: { field: GoalField; message: string }[] = [];
    const unmapped: string[] = [];
    for (const [apiName, messages] of Object.entries(byField)) {
      const field = GOAL_FIELD_BY_API_NAME[apiName];
      if (field) for (const message of messages) inline.push({ field, message });
      else unmapped.push(...messages);
    }
    this.saveErrors = [...other, ...unmapped];
    this.saveFailed = true;
    this.showFieldErrors(inline);
    this.pendingFocus = '.save-feedback';
    this.dispatchEvent(
      new ShowToastEvent({ title: SAVE_FAILED_TITLE, message: SAVE_FAILED, variant: 'error' })
    );
  }

  private showFieldErrors(errors: FieldMessage<GoalField>[]): void {
    this.formErrors = showFieldErrors(this.template, errors, FIELD_LABELS);
  }

  private clearFieldError(field: GoalField): void {
    this.formErrors = clearFieldError(this.template, this.formErrors, field, FIELD_LABELS);
  }
}
