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
