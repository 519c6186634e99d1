import LOCALE from '@salesforce/i18n/locale';
import {
  createRecord,
  deleteRecord,
  updateRecord,
  type ObjectInfo,
  type RecordRepresentation
} from 'lightning/uiRecordApi';
import NUMBER_INVALID from '@salesforce/label/c.SC_Form_Number_Invalid';
import NUMBER_WHOLE from '@salesforce/label/c.SC_Form_Number_Whole';
import NUMBER_SCALE from '@salesforce/label/c.SC_Form_Number_Scale';
import NUMBER_PRECISION from '@salesforce/label/c.SC_Form_Number_Precision';
import TEXT_TOO_LONG from '@salesforce/label/c.SC_Form_Text_Too_Long';
import CHARACTERS from '@salesforce/label/c.SC_Form_Characters';

/**
 * What the record forms (coachingSessionForm, developmentGoalEditor) share: the shapes of the
 * wires they read picklists and object info from, the base-component events they handle, and
 * turning picklist values into combobox options, numbers and text checked against the field's
 * limits, and saves of several records made all-or-nothing. One place, so the forms cannot
 * drift apart.
 */

export interface Option {
  label: string;
  value: string;
}

export interface PicklistValuesResult {
  values?: { label: string; value: string }[];
}

/** getPicklistValuesByRecordType's data. */
export interface PicklistsByRecordType {
  picklistFieldValues?: Record<string, PicklistValuesResult | undefined>;
}

export interface WireResponse<T> {
  data?: T;
  error?: unknown;
}

/** A base input (lightning-input, -combobox, -textarea) as the forms validate it. */
export interface FieldElement extends HTMLElement {
  setCustomValidity?: (message: string) => void;
  reportValidity?: () => boolean;
  checkValidity?: () => boolean;
}

/** The `change` event of a base input: the new value in detail, the field name in a data-*. */
export interface ValueChangeEvent extends CustomEvent<{ value?: unknown }> {
  target: (EventTarget & { dataset?: DOMStringMap; value?: unknown }) | null;
}

export function optionsOf(result: PicklistValuesResult | undefined): Option[] {
  return (result?.values ?? []).map(({ label, value }) => ({ label, value }));
}

/** A row of a form's error summary: which field (by its label) and what is wrong. */
export interface FormError {
  key: string;
  field: string;
  message: string;
}

/** A validation message for one field, the field named as in the form's data-field. */
export interface FieldMessage<F extends string> {
  field: F;
  message: string;
}

function fieldElements(root: ParentNode | null | undefined): FieldElement[] {
  return Array.from(root?.querySelectorAll<FieldElement>('[data-field]') ?? []);
}

/**
 * A base input keeps showing its last message until validity is reported again, even once the
 * message is cleared or the value reset: report it when the field is valid, which hides the old
 * message without flagging an untouched required field.
 */
function hideStaleMessage(element: FieldElement): void {
  if (element.checkValidity?.() !== false) element.reportValidity?.();
}

/**
 * Shows validation messages twice, as a demanding user needs them: on each base input
 * (the first message of a field, reported so the input turns red and screen readers hear it)
 * and as the summary rows returned for the form's error list. An empty list clears every
 * input's message.
 */
export function showFieldErrors<F extends string>(
  root: ParentNode | null | undefined,
  errors: FieldMessage<F>[],
  labels: Readonly<Record<F, string>>
): FormError[] {
  const byField = new Map<string, string>();
  for (const { field, message } of errors) if (!byField.has(field)) byField.set(field, message);
  for (const element of fieldElements(root)) {
    const field = element.dataset.field ?? '';
    element.setCustomValidity?.(byField.get(field) ?? '');
    if (byField.has(field)) element.reportValidity?.();
    else hideStaleMessage(element);
  }
  return errors.map(({ field, message }, index) => ({
    key: `${field}-${index}`,
    field: labels[field],
    message
  }));
}

/**
 * Once the user edits a field its message is stale: clears it on the input and returns the
 * summary without that field's rows (the same array when it had none, so no re-render).
 */
export function clearFieldError<F extends string>(
  root: ParentNode | null | undefined,
  formErrors: FormError[],
  field: F,
  labels: Readonly<Record<F, string>>
): FormError[] {
  const element = root?.querySelector<FieldElement>(`[data-field="${field}"]`);
  element?.setCustomValidity?.('');
  if (element) hideStaleMessage(element);
  const label = labels[field];
  return formErrors.some((error) => error.field === label)
    ? formErrors.filter((error) => error.field !== label)
    : formErrors;
}

// ---- Numbers typed in a form ----------------------------------------------------------------

/** The characters a locale writes numbers with. */
export interface NumberSeparators {
  decimal: string;
  group: string;
}

/** The decimal and grouping separators of a locale ("de-DE": "," and "."), from Intl. */
export function separatorsOf(locale: string): NumberSeparators {
  const candidates = [locale, locale.split(/[-_]/).slice(0, 2).join('-'), 'en-US'];
  for (const candidate of candidates) {
    try {
      const parts = new Intl.NumberFormat(candidate).formatToParts(12345.6);
      return {
        decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
        group: parts.find((part) => part.type === 'group')?.value ?? ','
      };
    } catch {
      // Next candidate: Salesforce locales such as "de-DE-EURO" carry a variant Intl rejects.
    }
  }
  return { decimal: '.', group: ',' };
}

export const USER_SEPARATORS: NumberSeparators = separatorsOf(LOCALE || 'en-US');

/** What a number field accepts, from object info: digits after and in all. */
export interface NumberLimits {
  scale?: number | null;
  precision?: number | null;
}

export type NumberProblem =
  { kind: 'invalid' } | { kind: 'scale'; scale: number } | { kind: 'precision'; digits: number };

export type ParsedNumber =
  { ok: true; value: number | null } | { ok: false; problem: NumberProblem };

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The one parser of numbers typed in a form. Blank is null; anything else is a number written
 * the user's way (their locale's decimal and grouping separators, groups of three) or an
 * error — never a silent blank, never rounded: more decimals than the field's scale, or more
 * digits than its precision, is an error the user fixes, as the platform would otherwise round
 * or reject the value after the round trip. (Salesforce Help, "Custom Field Attributes",
 * https://help.salesforce.com/s/articleView?id=platform.custom_field_attributes.htm: Decimal
 * Places — "the system rounds the decimal numbers that you enter"; Length — the digits allowed
 * to the left of the decimal point.)
 */
export function parseNumber(
  input: unknown,
  limits: NumberLimits = {},
  separators: NumberSeparators = USER_SEPARATORS
): ParsedNumber {
  const raw = typeof input === 'number' ? String(input) : typeof input === 'string' ? input : '';
  const source = typeof input === 'number' ? raw : raw.trim();
  if (source === '') return { ok: true, value: null };
  const decimal = typeof input === 'number' ? '.' : separators.decimal;
  // A locale grouping with a space (fr, ru…) may be typed as any kind of space.
  const group = /\s/.test(separators.group)
    ? '[\\s\\u00a0\\u202f]'
    : escapeRegExp(separators.group);
  const pattern = new RegExp(
    `^([+\\-\\u2212]?)((?:\\d{1,3}(?:${group}\\d{3})+)|\\d*)(?:${escapeRegExp(decimal)}(\\d+))?$`
  );
  const match =
    typeof input === 'number' ? /^(-?)(\d*)(?:\.(\d+))?$/.exec(raw) : pattern.exec(source);
  if (!match || (match[2] === '' && match[3] === undefined))
    return { ok: false, problem: { kind: 'invalid' } };
  const sign = match[1] === '' || match[1] === '+' ? '' : '-';
  const whole = match[2].replace(/\D/g, '').replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const value = Number(`${sign}${whole}${fraction ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return { ok: false, problem: { kind: 'invalid' } };
  const scale = limits.scale ?? null;
  if (scale !== null && fraction.length > scale)
    return { ok: false, problem: { kind: 'scale', scale } };
  const precision = limits.precision ?? null;
  if (precision !== null && precision > 0) {
    const digits = precision - (scale ?? 0);
    if (whole !== '0' && whole.length > digits) {
      return { ok: false, problem: { kind: 'precision', digits } };
    }
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** What to do about a number the field cannot take, in the user's words. */
export function numberMessage(
  problem: NumberProblem,
  separators: NumberSeparators = USER_SEPARATORS
): string {
  switch (problem.kind) {
    case 'scale':
      return problem.scale === 0 ? NUMBER_WHOLE : fill(NUMBER_SCALE, problem.scale);
    case 'precision':
      return fill(NUMBER_PRECISION, problem.digits);
    default:
      return fill(NUMBER_INVALID, `1${separators.group}250${separators.decimal}5`);
  }
}

/** A number as the form shows it back: the user's decimal separator, no grouping. */
export function numberText(
  value: number | null | undefined,
  separators: NumberSeparators = USER_SEPARATORS
): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  // Plain digits (no exponent) so the text parses back to the same value.
  const plain =
    Math.abs(value) >= 1e21
      ? String(value)
      : value.toLocaleString('en-US', {
          useGrouping: false,
          maximumFractionDigits: 20
        });
  return plain.replace('.', separators.decimal);
}

// ---- Text length -------------------------------------------------------------------------------

/** The message for text longer than the field holds, or null when it fits (or has no limit). */
export function textLengthMessage(
  text: string,
  maxLength: number | null | undefined
): string | null {
  if (!maxLength || maxLength <= 0 || text.length <= maxLength) return null;
  return fill(TEXT_TOO_LONG, formatCount(maxLength), formatCount(text.length));
}

/** "120 of 32,768 characters": shown under a text field as the user types. */
export function characterCount(text: string, maxLength: number | null | undefined): string {
  return maxLength && maxLength > 0
    ? fill(CHARACTERS, formatCount(text.length), formatCount(maxLength))
    : '';
}

function formatCount(value: number): string {
  try {
    return new Intl.NumberFormat(LOCALE || 'en-US').format(value);
  } catch {
    return String(value);
  }
}

function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

// ---- Object info ------------------------------------------------------------------------------

/** The limits object info reports for a field: text length, number scale and precision. */
export interface FieldLimits {
  length: number | null;
  scale: number | null;
  precision: number | null;
}

/**
 * A field's limits from object info, else the metadata's (`fallback`, so a form enforces them
 * before object info arrives). Object info reports 0 for "not applicable".
 */
export function fieldLimits(
  info: ObjectInfo | undefined,
  apiName: string,
  fallback: Partial<FieldLimits> = {}
): FieldLimits {
  const field = info?.fields?.[apiName];
  const positive = (value: number | undefined): number | null => {
    return typeof value === 'number' && value > 0 ? value : null;
  };
  const numeric = field ? /^(Double|Currency|Percent|Int|Long)$/.test(field.dataType) : false;
  return {
    length: (field ? positive(field.length) : null) ?? fallback.length ?? null,
    scale:
      (field && numeric && typeof field.scale === 'number' ? field.scale : null) ??
      fallback.scale ??
      null,
    precision: (field && numeric ? positive(field.precision) : null) ?? fallback.precision ?? null
  };
}

// ---- Record ids -------------------------------------------------------------------------------

/** A 15- or 18-character Salesforce record id (what a record page may pass a form). */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value);
}

// ---- Writes of several records, all or nothing ------------------------------------------------

export type RecordFields = Record<string, unknown>;

/** A record to create; its fields may use the records created by earlier steps. */
export interface CreateStep {
  action: 'create';
  apiName: string;
  fields: RecordFields | ((earlier: readonly RecordRepresentation[]) => RecordFields);
}

/** A record to update, with the values its fields had, to put back if a later step fails. */
export interface UpdateStep {
  action: 'update';
  fields: RecordFields & { Id: string };
  restore: RecordFields;
}

export type WriteStep = CreateStep | UpdateStep;

export type SaveOutcome =
  | { ok: true; records: RecordRepresentation[] }
  | {
      ok: false;
      /** Why the step failed. */
      error: unknown;
      /** Index of the step that failed. */
      failedStep: number;
      /** Whether every earlier step was undone: then nothing was saved. */
      undone: boolean;
      /** What the earlier steps wrote (still there when `undone` is false). */
      records: RecordRepresentation[];
    };

/**
 * Writes several records as one save. UI API writes one record per request, so a save of
 * several is made all-or-nothing by hand: the steps run in order, and when one fails, what the
 * earlier ones created is deleted and what they updated is put back, newest first (children
 * before their parents). `undone` says whether that worked; when it did, nothing was saved.
 * (A UI API GraphQL mutation with several operations is atomic on the server, `allOrNone`
 * defaulting to true — GraphQL API Developer Guide, "Send Mutation Requests",
 * https://developer.salesforce.com/docs/platform/graphql/guide/mutations-use.html — but it is
 * generally available from API 66.0 only, beta before; the package is on 62.0.)
 */
export async function saveAll(steps: readonly WriteStep[]): Promise<SaveOutcome> {
  const records: RecordRepresentation[] = [];
  // One step after the other (not in parallel): a later step may need an earlier record's Id,
  // and a failure must leave a known list of what to undo.
  const run = async (index: number): Promise<SaveOutcome> => {
    if (index === steps.length) return { ok: true, records };
    const step = steps[index];
    try {
      records.push(await write(step, records));
    } catch (error) {
      const undone = await undo(steps, records, records.length - 1);
      return { ok: false, error, failedStep: index, undone, records };
    }
    return run(index + 1);
  };
  return run(0);
}

function write(
  step: WriteStep,
  earlier: readonly RecordRepresentation[]
): Promise<RecordRepresentation> {
  if (step.action === 'update') return updateRecord({ fields: step.fields });
  const fields = typeof step.fields === 'function' ? step.fields(earlier) : step.fields;
  return createRecord({ apiName: step.apiName, fields });
}

/** Undoes steps `index` down to 0; true when every one was undone. */
async function undo(
  steps: readonly WriteStep[],
  records: readonly RecordRepresentation[],
  index: number
): Promise<boolean> {
  if (index < 0) return true;
  const step = steps[index];
  let undone = true;
  try {
    if (step.action === 'create') await deleteRecord(records[index].id);
    else await updateRecord({ fields: { ...step.restore, Id: step.fields.Id } });
  } catch {
    undone = false;
  }
  // Keep undoing the rest even when one fails: the less left behind, the better.
  return (await undo(steps, records, index - 1)) && undone;
}

// ---- Showing a failed save --------------------------------------------------------------------

/**
 * Moves focus to a form's error message after the render that shows it, so a keyboard or
 * screen-reader user, or anyone scrolled to the Save button, lands on what went wrong.
 */
export function focusFirst(root: ParentNode | null | undefined, selector: string): boolean {
  const target = root?.querySelector<HTMLElement>(selector);
  if (!target) return false;
  target.focus();
  return true;
}
