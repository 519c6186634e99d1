/**
 * Record saves as the platform performs them, in its order of execution: access checks,
 * field types and restricted picklists, before-save automation, required fields, validation
 * rules (evaluated from the metadata's formulas), then the save and field history.
 */
import type { DatasetRecord, FieldValue } from '../../data/dataset';
import { stageNamed } from '../../force-app/main/default/lwc/dealHealth/dealHealth';
import { detail, insufficientAccess, notFound, recordError, type UiApiErrorDetail } from './errors';
import { CURRENCY_ISO_CODE, currencyOnCreate } from './currency';
import { evaluateFormula, FormulaError } from './formula';
import {
  createAccess,
  fieldAccess,
  objectAccess,
  type OrgField,
  type OrgObject,
  type PermissionProfile
} from './model';
import type { OrgStore } from './store';

export type WriteAction = 'create' | 'update' | 'delete';

/** A change that happened, for listeners (notifyRecordUpdateAvailable, wire refresh, journal). */
export interface OrgChange {
  action: WriteAction;
  objectApiName: string;
  recordId: string;
  /** The fields as given by the caller (for replaying the journal). */
  fields: Record<string, FieldValue>;
  userId: string;
}

/** Fields the system sets; callers may not write them. */
const SYSTEM_MANAGED = new Set([
  'Id',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'IsDeleted'
]);

class ErrorCollector {
  readonly errors: UiApiErrorDetail[] = [];
  readonly fieldErrors: Record<string, UiApiErrorDetail[]> = {};

  page(errorCode: string, message: string): void {
    this.errors.push(detail(errorCode, message));
  }

  field(field: OrgField, errorCode: string, message: string): void {
    (this.fieldErrors[field.apiName] ??= []).push(
      detail(errorCode, message, field.apiName, field.label)
    );
  }

  get empty(): boolean {
    return this.errors.length === 0 && Object.keys(this.fieldErrors).length === 0;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Coerces a value to the field's type, or explains why it cannot. */
function coerce(
  field: OrgField,
  value: unknown
): { ok: true; value: FieldValue } | { ok: false; range?: boolean } {
  if (value === null || value === undefined || value === '') {
    return { ok: true, value: field.dataType === 'Boolean' ? false : null };
  }
  switch (field.dataType) {
    case 'Boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false };
    case 'Currency':
    case 'Double':
    case 'Percent':
    case 'Int':
    case 'Long': {
      const number =
        typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      if (!Number.isFinite(number)) return { ok: false };
      if ((field.dataType === 'Int' || field.dataType === 'Long') && !Number.isInteger(number))
        return { ok: false };
      const scale = field.scale ?? null;
      // A number with more digits before the point than the field holds is refused
      // (NUMBER_OUTSIDE_VALID_RANGE); more decimals than its scale are rounded (Salesforce
      // Help, "Custom Field Attributes": Length and Decimal Places).
      const precision = field.precision ?? null;
      if (precision !== null && Math.abs(number) >= 10 ** (precision - (scale ?? 0)))
        return { ok: false, range: true };
      return { ok: true, value: scale === null ? number : Number(number.toFixed(scale)) };
    }
    case 'Date':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? { ok: true, value }
        : { ok: false };
    case 'DateTime':
      return typeof value === 'string' && ISO_DATE_TIME.test(value)
        ? { ok: true, value: new Date(value).toISOString() }
        : { ok: false };
    case 'Id':
    case 'Reference':
      return typeof value === 'string' && /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)
        ? { ok: true, value }
        : { ok: false };
    default:
      return typeof value === 'string' ? { ok: true, value } : { ok: false };
  }
}

function isBlank(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

export interface WriteContext {
  store: OrgStore;
  profile: PermissionProfile;
  userId: string;
}

function checkFields(
  context: WriteContext,
  object: OrgObject,
  input: Record<string, unknown>,
  action: 'create' | 'update',
  errors: ErrorCollector
): Record<string, FieldValue> {
  const accepted: Record<string, FieldValue> = {};
  const notWritable: string[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (name === 'Id') continue;
    const field = object.fields[name];
    if (!field) {
      errors.page('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.apiName}`);
      continue;
    }
    const access = fieldAccess(context.profile, object, field);
    const writable =
      !SYSTEM_MANAGED.has(name) &&
      !field.formula &&
      (action === 'create'
        ? createAccess(context.profile, object, field)
        : access.edit && field.updateable);
    // Owner is settable by the owner's managers through sharing even without FLS on it.
    if (!writable && !(name === 'OwnerId' && objectAccess(context.profile, object).edit)) {
      notWritable.push(name);
      continue;
    }
    const coerced = coerce(field, raw);
    if (!coerced.ok) {
      if (coerced.range) {
        errors.field(
          field,
          'NUMBER_OUTSIDE_VALID_RANGE',
          `${field.label}: value outside of valid range on numeric field: ${String(raw)}`
        );
      } else {
        errors.field(
          field,
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${field.label}: value not of required type: ${String(raw)}`
        );
      }
      continue;
    }
    const value = coerced.value;
    if (value !== null && field.picklistValues.length > 0 && field.restrictedPicklist) {
      const allowed = new Set(field.picklistValues.map((entry) => entry.value));
      const parts = field.dataType === 'MultiPicklist' ? String(value).split(';') : [String(value)];
      const bad = parts.find((part) => !allowed.has(part));
      if (bad !== undefined) {
        errors.field(
          field,
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.label}: bad value for restricted picklist field: ${bad}`
        );
        continue;
      }
    }
    if (value !== null && field.dataType === 'Reference') {
      const target = context.store.find(value as string);
      if (
        !target ||
        (field.referenceTo.length > 0 && !field.referenceTo.includes(target.object.apiName))
      ) {
        errors.field(
          field,
          'FIELD_INTEGRITY_EXCEPTION',
          `${field.label}: id value of incorrect type: ${String(value)}`
        );
        continue;
      }
    }
    if (
      value !== null &&
      typeof value === 'string' &&
      field.length &&
      value.length > field.length
    ) {
      errors.field(
        field,
        'STRING_TOO_LONG',
        `${field.label}: data value too large: ${value.slice(0, 20)}… (max length=${field.length})`
      );
      continue;
    }
    accepted[name] = value;
  }
  if (notWritable.length > 0) {
    errors.page(
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`
    );
  }
  return accepted;
}

/**
 * The package's before-save Flows, as their metadata defines them (e.g. the owner rules: the
 * rep owns the sessions and goals about them, the plan owner owns their territory plan).
 */
function applyRecordFlows(
  context: WriteContext,
  object: OrgObject,
  record: DatasetRecord,
  prior: DatasetRecord | null
): void {
  for (const flow of context.store.model.recordFlows) {
    if (flow.objectApiName !== object.apiName) continue;
    if (flow.recordTriggerType === (prior ? 'Create' : 'Update')) continue;
    const met = flow.conditions.every(
      (condition) => isBlank(record[condition.field]) === condition.value
    );
    if (!met) continue;
    for (const assignment of flow.assignments) {
      record[assignment.field] = record[assignment.fromField] ?? null;
    }
  }
}

/** The effects of the package's before-save Flows and of the standard Opportunity logic. */
function applyAutomation(
  context: WriteContext,
  object: OrgObject,
  record: DatasetRecord,
  prior: DatasetRecord | null,
  changed: Record<string, FieldValue>
): void {
  applyRecordFlows(context, object, record, prior);
  if (object.apiName === 'Opportunity') {
    // Standard stage behaviour: the stage decides closed/won, probability and forecast.
    const stage = stageNamed(record.StageName);
    if (stage && (!prior || prior.StageName !== record.StageName)) {
      record.IsClosed = stage.closed;
      record.IsWon = stage.won;
      record.ForecastCategoryName = stage.forecast;
      if (!('Probability' in changed)) record.Probability = stage.probability;
      record.LastStageChangeDate = context.store.now();
    }
    // PushCount counts moves of the close date into a later month.
    if (prior && typeof prior.CloseDate === 'string' && typeof record.CloseDate === 'string') {
      if (record.CloseDate.slice(0, 7) > prior.CloseDate.slice(0, 7)) {
        record.PushCount = Number(prior.PushCount ?? 0) + 1;
      }
    }
  }
}

function checkRequired(object: OrgObject, record: DatasetRecord, errors: ErrorCollector): void {
  const missing = Object.values(object.fields).filter(
    (field) =>
      field.required &&
      !field.formula &&
      !SYSTEM_MANAGED.has(field.apiName) &&
      field.dataType !== 'Boolean' &&
      isBlank(record[field.apiName])
  );
  if (missing.length === 0) return;
  const message = `Required fields are missing: [${missing.map((field) => field.apiName).join(', ')}]`;
  for (const field of missing) errors.field(field, 'REQUIRED_FIELD_MISSING', message);
}

/** Unique fields (e.g. a scorecard's Period_Key__c) reject a second record with the value. */
function checkUnique(
  context: WriteContext,
  object: OrgObject,
  record: DatasetRecord,
  errors: ErrorCollector
): void {
  for (const field of Object.values(object.fields)) {
    const value = record[field.apiName];
    if (!field.unique || value === null || value === undefined || value === '') continue;
    const key = String(value).toLowerCase();
    for (const other of context.store.rows(object.apiName)) {
      if (other.Id !== record.Id && String(other[field.apiName] ?? '').toLowerCase() === key) {
        errors.field(
          field,
          'DUPLICATE_VALUE',
          `duplicate value found: ${field.apiName} duplicates value on record with id: ${other.Id}`
        );
        break;
      }
    }
  }
}

function checkValidationRules(
  context: WriteContext,
  object: OrgObject,
  record: DatasetRecord,
  prior: DatasetRecord | null,
  errors: ErrorCollector
): void {
  const rules = context.store.model.validationRules.filter(
    (rule) => rule.objectApiName === object.apiName && rule.active
  );
  for (const rule of rules) {
    let fails: unknown;
    try {
      fails = evaluateFormula(rule.formula, {
        today: context.store.today,
        userId: context.userId,
        isNew: prior === null,
        field: (path) => context.store.readPath(object, record, path, false),
        prior: (path) => (prior ? context.store.readPath(object, prior, path, false) : null)
      });
    } catch (error) {
      // A rule the evaluator cannot read must not silently pass: say which one.
      const reason = error instanceof FormulaError ? error.message : String(error);
      throw new Error(
        `Validation rule ${object.apiName}.${rule.name} cannot be evaluated: ${reason}`
      );
    }
    if (fails !== true) continue;
    const field = rule.displayField ? object.fields[rule.displayField] : undefined;
    if (field) errors.field(field, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message);
    else errors.page('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message);
  }
}

function historyRows(
  context: WriteContext,
  object: OrgObject,
  prior: DatasetRecord | null,
  record: DatasetRecord,
  at: string
): void {
  const historyObject = object.historyObject
    ? context.store.object(object.historyObject)
    : undefined;
  if (!historyObject) return;
  const add = (
    field: string,
    dataType: string,
    oldValue: FieldValue,
    newValue: FieldValue
  ): void => {
    context.store.insert(historyObject.apiName, {
      Id: context.store.newId(historyObject.apiName),
      ParentId: record.Id,
      Field: field,
      DataType: dataType,
      OldValue: oldValue,
      NewValue: newValue,
      CreatedById: context.userId,
      CreatedDate: at
    });
  };
  if (!prior) {
    add('created', 'Text', null, null);
    return;
  }
  for (const field of Object.values(object.fields)) {
    if (!field.trackHistory) continue;
    const before = prior[field.apiName] ?? null;
    const after = record[field.apiName] ?? null;
    if (before !== after) add(field.apiName, field.dataType, before, after);
  }
}

function throwIfErrors(errors: ErrorCollector, action: 'create' | 'update'): void {
  if (!errors.empty) {
    throw recordError({ errors: errors.errors, fieldErrors: errors.fieldErrors }, action);
  }
}

export function createRecord(
  context: WriteContext,
  objectApiName: string,
  input: Record<string, unknown>
): DatasetRecord {
  const object = context.store.object(objectApiName);
  if (!object) {
    throw recordError(
      {
        errors: [detail('INVALID_TYPE', `Cannot create records of type ${objectApiName}`)],
        fieldErrors: {}
      },
      'create'
    );
  }
  if (!objectAccess(context.profile, object).create) {
    throw recordError(
      {
        errors: [
          detail(
            'INSUFFICIENT_ACCESS_OR_READONLY',
            `You don't have permission to create ${object.labelPlural}.`
          )
        ],
        fieldErrors: {}
      },
      'create'
    );
  }
  const errors = new ErrorCollector();
  const accepted = checkFields(context, object, input, 'create', errors);
  throwIfErrors(errors, 'create');

  const now = context.store.now();
  const record: DatasetRecord = { Id: context.store.newId(objectApiName) };
  for (const field of Object.values(object.fields)) {
    if (field.defaultValue !== undefined && field.defaultValue !== null)
      record[field.apiName] = field.defaultValue;
    else if (field.dataType === 'Boolean' && !field.formula) record[field.apiName] = false;
  }
  Object.assign(record, accepted);
  for (const field of Object.values(object.fields)) {
    if (field.autoNumberFormat) record[field.apiName] = context.store.nextAutoNumber(object, field);
  }
  if (object.ownership === 'owned' && isBlank(record.OwnerId)) record.OwnerId = context.userId;
  // Multi-currency: a record without a currency gets its master's or its creator's.
  if (isBlank(record[CURRENCY_ISO_CODE])) {
    const iso = currencyOnCreate(context.store, context.userId, object, record);
    if (iso !== null) record[CURRENCY_ISO_CODE] = iso;
  }
  if ('CreatedDate' in object.fields || object.ownership !== 'public') {
    record.CreatedDate = now;
    record.CreatedById = context.userId;
  }
  record.LastModifiedDate = now;
  record.LastModifiedById = context.userId;
  applyAutomation(context, object, record, null, accepted);
  checkRequired(object, record, errors);
  throwIfErrors(errors, 'create');
  checkValidationRules(context, object, record, null, errors);
  checkUnique(context, object, record, errors);
  throwIfErrors(errors, 'create');
  if (object.ownership === 'master') {
    const master = context.store.masterOf(object, record);
    if (!master || !canEdit(context, master.object, master.record)) throw insufficientAccess();
  }
  context.store.insert(objectApiName, record);
  historyRows(context, object, null, record, now);
  return record;
}

export function canEdit(context: WriteContext, object: OrgObject, record: DatasetRecord): boolean {
  if (!objectAccess(context.profile, object).edit) return false;
  if (object.ownership === 'master') {
    const master = context.store.masterOf(object, record);
    return master ? canEdit(context, master.object, master.record) : false;
  }
  return context.store.canSee(context.userId, object, record);
}

export function updateRecord(
  context: WriteContext,
  recordId: string,
  input: Record<string, unknown>
): DatasetRecord {
  const found = context.store.find(recordId);
  if (!found || !context.store.canSee(context.userId, found.object, found.record)) throw notFound();
  const { object, record: prior } = found;
  if (!canEdit(context, object, prior)) throw insufficientAccess();
  const errors = new ErrorCollector();
  const accepted = checkFields(context, object, input, 'update', errors);
  throwIfErrors(errors, 'update');
  const now = context.store.now();
  const record: DatasetRecord = {
    ...prior,
    ...accepted,
    LastModifiedDate: now,
    LastModifiedById: context.userId
  };
  applyAutomation(context, object, record, prior, accepted);
  checkRequired(object, record, errors);
  throwIfErrors(errors, 'update');
  checkValidationRules(context, object, record, prior, errors);
  checkUnique(context, object, record, errors);
  throwIfErrors(errors, 'update');
  context.store.replace(object.apiName, record);
  historyRows(context, object, prior, record, now);
  return record;
}

export function deleteRecord(context: WriteContext, recordId: string): void {
  const found = context.store.find(recordId);
  if (!found || !context.store.canSee(context.userId, found.object, found.record)) throw notFound();
  const { object, record } = found;
  const deletable =
    objectAccess(context.profile, object).delete && canEdit(context, object, record);
  if (!deletable) throw insufficientAccess();
  // Master-detail children go with their master, as the platform cascades the delete.
  for (const child of Object.values(context.store.model.objects)) {
    for (const field of Object.values(child.fields)) {
      if (field.masterDetail && field.referenceTo.includes(object.apiName)) {
        for (const row of context.store.children(recordId, child.apiName, field.apiName)) {
          context.store.remove(child.apiName, row.Id);
        }
      }
    }
  }
  context.store.remove(object.apiName, recordId);
}
