/**
 * What the record forms (coachingSessionForm, developmentGoalEditor) share: the shapes of the
 * wires they read picklists and object info from, the base-component events they handle, and
 * turning picklist values into combobox options. One place, so the forms cannot drift apart.
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
  root?.querySelector<FieldElement>(`[data-field="${field}"]`)?.setCustomValidity?.('');
  const label = labels[field];
  return formErrors.some((error) => error.field === label)
    ? formErrors.filter((error) => error.field !== label)
    : formErrors;
}
