/**
 * Pure model of the development goal editor: form values, the client-side mirror of the
 * Development_Goal__c validation rules and field limits, and the record fields a save sends.
 */
import { type FieldLimits, numberMessage, parseNumber, textLengthMessage } from 'c/formSupport';
import { isIsoDate } from 'c/periods';
import NAME_REQUIRED from '@salesforce/label/c.SC_Goal_Editor_Name_Required';
import METRIC_REQUIRED from '@salesforce/label/c.SC_Goal_Editor_Metric_Required';
import DATE_INVALID from '@salesforce/label/c.SC_Form_Date_Invalid';
import VR_REP_REQUIRED from '@salesforce/label/c.SC_VR_Development_Goal_Rep_Required';
import VR_TARGET_DATE from '@salesforce/label/c.SC_VR_Development_Goal_Target_Date_Not_Before_Start';
import VR_PROGRESS from '@salesforce/label/c.SC_VR_Development_Goal_Progress_Between_0_And_100';
import VR_KPI_BASELINE from '@salesforce/label/c.SC_VR_Development_Goal_KPI_Goal_Needs_Baseline';
import VR_KPI_TARGET from '@salesforce/label/c.SC_VR_Development_Goal_KPI_Goal_Needs_Target';
import VR_BASELINE_RANGE from '@salesforce/label/c.SC_VR_Development_Goal_Baseline_In_Range_For_Metric';
import VR_TARGET_RANGE from '@salesforce/label/c.SC_VR_Development_Goal_Target_In_Range_For_Metric';

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

/**
 * The validation rules of Development_Goal__c, the editor's own required fields, and what the
 * fields hold (numbers within scale and precision, dates, text within its length).
 */
export type GoalRule =
  | 'Name_Required'
  | 'Rep_Required'
  | 'Target_Date_Not_Before_Start'
  | 'Progress_Between_0_And_100'
  | 'Metric_Required'
  | 'KPI_Goal_Needs_Baseline'
  | 'KPI_Goal_Needs_Target'
  | 'Baseline_In_Range_For_Metric'
  | 'Target_In_Range_For_Metric'
  | 'Number'
  | 'Date'
  | 'Too_Long';

export interface GoalViolation {
  field: GoalField;
  rule: GoalRule;
  /** What the user reads: the rule's message (the org's words), or the field's. */
  message: string;
}

/** The fields' limits as the metadata defines them; object info replaces them when it arrives. */
export const DEFAULT_GOAL_LIMITS: Readonly<Partial<Record<GoalField, Partial<FieldLimits>>>> = {
  name: { length: 80 },
  description: { length: 32768 },
  // A TextArea field holds 255 characters; its metadata sets no length (Salesforce Help,
  // "Custom Field Types", https://help.salesforce.com/s/articleView?id=platform.custom_field_types.htm).
  successMeasure: { length: 255 },
  progress: { scale: 0, precision: 3 },
  baselineValue: { scale: 2, precision: 16 },
  targetValue: { scale: 2, precision: 16 }
};

export type GoalLimits = Partial<Record<GoalField, Partial<FieldLimits>>>;

/**
 * The largest value each metric can take (Baseline_/Target_In_Range_For_Metric): percent for win
 * rate, a multiple for coverage, days for the sales cycle; amounts up to a trillion. None is
 * negative.
 */
const METRIC_MAX: Readonly<Record<string, number>> = {
  'Win Rate': 100,
  'Pipeline Coverage': 100,
  'Sales Cycle Days': 3650
};
export const AMOUNT_MAX = 1e12;

export function metricMax(metric: string): number {
  return METRIC_MAX[metric] ?? AMOUNT_MAX;
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

function limitsOf(field: GoalField, limits: GoalLimits | undefined): Partial<FieldLimits> {
  return { ...DEFAULT_GOAL_LIMITS[field], ...limits?.[field] };
}

/** A number field's value as the editor sends it: null when blank or not a number it accepts. */
function numberOrNull(values: GoalValues, field: GoalField): number | null {
  const parsed = parseNumber(values[field], DEFAULT_GOAL_LIMITS[field]);
  return parsed.ok ? parsed.value : null;
}

function textOrNull(value: string): string | null {
  return isBlank(value) ? null : value;
}

/**
 * Mirrors Rep_Required, Target_Date_Not_Before_Start, Progress_Between_0_And_100,
 * KPI_Goal_Needs_Baseline, KPI_Goal_Needs_Target and Baseline_/Target_In_Range_For_Metric, and
 * the fields' own limits. Without a baseline a KPI goal's progress can never be measured, so the
 * editor asks for it on every save.
 */
export function validateGoal(values: GoalValues, limits?: GoalLimits): GoalViolation[] {
  const violations: GoalViolation[] = [];
  const add = (field: GoalField, rule: GoalRule, message: string): void => {
    violations.push({ field, rule, message });
  };
  /** A number the field accepts, or null (blank, or refused with the field's message). */
  const number = (field: GoalField): number | null => {
    const parsed = parseNumber(values[field], limitsOf(field, limits));
    if (parsed.ok) return parsed.value;
    add(field, 'Number', numberMessage(parsed.problem));
    return null;
  };
  const text = (field: GoalField): void => {
    const tooLong = textLengthMessage(values[field], limitsOf(field, limits).length);
    if (tooLong) add(field, 'Too_Long', tooLong);
  };
  if (isBlank(values.name)) add('name', 'Name_Required', NAME_REQUIRED);
  text('name');
  if (isBlank(values.repId)) add('repId', 'Rep_Required', VR_REP_REQUIRED);
  let datesValid = true;
  for (const field of ['startDate', 'targetDate'] as const) {
    if (!isBlank(values[field]) && !isIsoDate(values[field])) {
      add(field, 'Date', DATE_INVALID);
      datesValid = false;
    }
  }
  // ISO dates compare correctly as strings.
  if (datesValid && values.startDate && values.targetDate && values.targetDate < values.startDate) {
    add('targetDate', 'Target_Date_Not_Before_Start', VR_TARGET_DATE);
  }
  text('description');
  text('successMeasure');
  if (values.measure === 'manual') {
    const progress = number('progress');
    if (progress !== null && (progress < 0 || progress > 100)) {
      add('progress', 'Progress_Between_0_And_100', VR_PROGRESS);
    }
  }
  if (values.measure === 'kpi') {
    if (isBlank(values.metric)) {
      add('metric', 'Metric_Required', METRIC_REQUIRED);
    } else {
      const max = metricMax(values.metric);
      const inRange = (value: number): boolean => value >= 0 && value <= max;
      const baseline = number('baselineValue');
      if (isBlank(values.baselineValue)) {
        add('baselineValue', 'KPI_Goal_Needs_Baseline', VR_KPI_BASELINE);
      } else if (baseline !== null && !inRange(baseline)) {
        add('baselineValue', 'Baseline_In_Range_For_Metric', VR_BASELINE_RANGE);
      }
      const target = number('targetValue');
      if (isBlank(values.targetValue)) {
        add('targetValue', 'KPI_Goal_Needs_Target', VR_KPI_TARGET);
      } else if (target !== null && !inRange(target)) {
        add('targetValue', 'Target_In_Range_For_Metric', VR_TARGET_RANGE);
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
    Baseline_Value__c: kpi ? numberOrNull(values, 'baselineValue') : null,
    Target_Value__c: kpi ? numberOrNull(values, 'targetValue') : null
  };
  // A KPI goal's progress is measured live from Opportunity data, so it is not typed in.
  if (!kpi) fields.Progress__c = numberOrNull(values, 'progress');
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
