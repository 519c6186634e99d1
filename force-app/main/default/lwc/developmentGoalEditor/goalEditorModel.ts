/**
 * Pure model of the development goal editor: form values, the client-side mirror of the
 * Development_Goal__c validation rules, and the record fields a save sends.
 */

export type Measure = 'manual' | 'kpi';

export interface GoalValues {
  repId: string;
  name: string;
  skillArea: string;
  description: string;
  successMeasure: string;
  startDate: string;
  targetDate: string;
  status: string;
  measure: Measure;
  progress: string;
  metric: string;
  baselineValue: string;
  targetValue: string;
}

export type GoalField = keyof GoalValues;

/** The five validation rules of Development_Goal__c, plus the editor's own required fields. */
export type GoalRule =
  | 'Name_Required'
  | 'Rep_Required'
  | 'Target_Date_Not_Before_Start'
  | 'Progress_Between_0_And_100'
  | 'Metric_Required'
  | 'KPI_Goal_Needs_Baseline'
  | 'KPI_Goal_Needs_Target';

export interface GoalViolation {
  field: GoalField;
  rule: GoalRule;
}

export const DEFAULT_STATUS = 'Not Started';

export function emptyGoalValues(repId = ''): GoalValues {
  return {
    repId,
    name: '',
    skillArea: '',
    description: '',
    successMeasure: '',
    startDate: '',
    targetDate: '',
    status: DEFAULT_STATUS,
    measure: 'manual',
    progress: '',
    metric: '',
    baselineValue: '',
    targetValue: ''
  };
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

function numberOrNull(value: string): number | null {
  if (isBlank(value)) return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

function textOrNull(value: string): string | null {
  return isBlank(value) ? null : value;
}

/**
 * Mirrors Rep_Required, Target_Date_Not_Before_Start, Progress_Between_0_And_100,
 * KPI_Goal_Needs_Baseline and KPI_Goal_Needs_Target. Without a baseline a KPI goal's progress
 * can never be measured, so the editor asks for it on every save.
 */
export function validateGoal(values: GoalValues): GoalViolation[] {
  const violations: GoalViolation[] = [];
  if (isBlank(values.name)) violations.push({ field: 'name', rule: 'Name_Required' });
  if (isBlank(values.repId)) violations.push({ field: 'repId', rule: 'Rep_Required' });
  // ISO dates compare correctly as strings.
  if (values.startDate && values.targetDate && values.targetDate < values.startDate) {
    violations.push({ field: 'targetDate', rule: 'Target_Date_Not_Before_Start' });
  }
  if (values.measure === 'manual' && !isBlank(values.progress)) {
    const progress = Number(values.progress);
    if (!Number.isFinite(progress) || progress < 0 || progress > 100) {
      violations.push({ field: 'progress', rule: 'Progress_Between_0_And_100' });
    }
  }
  if (values.measure === 'kpi') {
    if (isBlank(values.metric)) {
      violations.push({ field: 'metric', rule: 'Metric_Required' });
    } else {
      if (numberOrNull(values.baselineValue) === null) {
        violations.push({ field: 'baselineValue', rule: 'KPI_Goal_Needs_Baseline' });
      }
      if (numberOrNull(values.targetValue) === null) {
        violations.push({ field: 'targetValue', rule: 'KPI_Goal_Needs_Target' });
      }
    }
  }
  return violations;
}

/** Record fields for createRecord / updateRecord; a manual goal clears the KPI link and back. */
export function toGoalFields(values: GoalValues): Record<string, string | number | null> {
  const kpi = values.measure === 'kpi';
  const fields: Record<string, string | number | null> = {
    Name: values.name.trim(),
    Rep__c: values.repId,
    Skill_Area__c: textOrNull(values.skillArea),
    Description__c: textOrNull(values.description),
    Success_Measure__c: textOrNull(values.successMeasure),
    Start_Date__c: textOrNull(values.startDate),
    Target_Date__c: textOrNull(values.targetDate),
    Status__c: textOrNull(values.status),
    Metric__c: kpi ? textOrNull(values.metric) : null,
    Baseline_Value__c: kpi ? numberOrNull(values.baselineValue) : null,
    Target_Value__c: kpi ? numberOrNull(values.targetValue) : null
  };
  // A KPI goal's progress is measured live from Opportunity data, so it is not typed in.
  if (!kpi) fields.Progress__c = numberOrNull(values.progress);
  return fields;
}

/** Server field API names mapped to editor fields, for inline server errors. */
export const GOAL_FIELD_BY_API_NAME: Readonly<Record<string, GoalField>> = Object.freeze({
  Name: 'name',
  Rep__c: 'repId',
  Skill_Area__c: 'skillArea',
  Description__c: 'description',
  Success_Measure__c: 'successMeasure',
  Start_Date__c: 'startDate',
  Target_Date__c: 'targetDate',
  Status__c: 'status',
  Progress__c: 'progress',
  Metric__c: 'metric',
  Baseline_Value__c: 'baselineValue',
  Target_Value__c: 'targetValue'
});
