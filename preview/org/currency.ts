/**
 * Multi-currency in the in-memory org. A multi-currency org (the dataset's meta.currency) adds
 * to the single-currency one, as Salesforce does:
 *
 * - every record of an object that supports currencies carries CurrencyIsoCode, and its
 *   currency fields hold amounts in that currency; users have DefaultCurrencyIsoCode, the
 *   currency new records get and the one convertCurrency converts to;
 * - aggregate functions over a currency field (SUM, AVG, MIN, MAX) return the corporate
 *   currency, and cannot be converted to the user's currency (SOQL and SOSL Reference,
 *   "convertCurrency()", Considerations: "If a query includes a GROUP BY or HAVING clause, any
 *   currency data returned by using an aggregate function, such as SUM() or MAX(), is in the
 *   org's default currency" —
 *   https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-querying-currency-fields.md);
 * - a record's amount read with convertCurrency is in the user's currency
 *   (`CurrencyValue.convertCurrency` in the UI API's shared-schema.graphqls);
 * - opportunities convert at the dated rate of their CloseDate under advanced currency
 *   management, everything else at the static rate (data/currency.ts);
 * - CurrencyIsoCode and CurrencyType exist in multi-currency orgs only ("CurrencyType: This
 *   object is not available in single-currency organizations", Object Reference).
 *
 * The functions are pure reads of the store: the GraphQL schema calls `corporateAmount` for
 * aggregates and `userCurrencyAmount` for CurrencyValue.convertCurrency. In a single-currency
 * org every function returns the amount unchanged (and currency codes are null).
 */
import type { CurrencySettings, DatasetRecord, FieldValue } from '../../data/dataset';
import {
  DATED_RATE_FIELD,
  DATED_RATE_OBJECT,
  conversionRate,
  decimalPlacesOf
} from '../../data/currency';
import { keyPrefixOf } from '../../data/ids';
import { formatCurrency } from './format';
import type { OrgField, OrgModel, OrgObject, UiDataType } from './model';
import type { OrgStore } from './store';

/** A record's currency (every object that supports currencies, in a multi-currency org). */
export const CURRENCY_ISO_CODE = 'CurrencyIsoCode';
/** A user's currency: what their new records get and what convertCurrency converts to. */
export const DEFAULT_CURRENCY_ISO_CODE = 'DefaultCurrencyIsoCode';
/** The object listing the org's currencies (multi-currency orgs only). */
export const CURRENCY_TYPE = 'CurrencyType';

/**
 * Standard objects of the package that carry a currency in a multi-currency org ("Standard and
 * custom objects like Accounts, … Opportunities … support multiple currencies"); every custom
 * object does too. History objects and roles have no currency.
 */
const STANDARD_OBJECTS_WITH_CURRENCY = new Set(['Opportunity', 'Account', 'User']);

/** The corporate currency's ISO code; null in a single-currency org. */
export function corporateIsoCode(store: OrgStore): string | null {
  return store.currency?.corporate ?? null;
}

/** The user's currency (DefaultCurrencyIsoCode, else the corporate one); null in single-currency. */
export function userIsoCode(store: OrgStore, userId: string): string | null {
  const settings = store.currency;
  if (!settings) return null;
  const iso = store.user(userId)?.[DEFAULT_CURRENCY_ISO_CODE];
  return typeof iso === 'string' && iso !== '' ? iso : settings.corporate;
}

/** The record a dotted path ends on (Account.AnnualRevenue → the account), with its object. */
function holderOf(
  store: OrgStore,
  object: OrgObject,
  row: DatasetRecord,
  fieldPath: string
): { object: OrgObject; record: DatasetRecord } | null {
  const segments = fieldPath.split('.');
  let current: { object: OrgObject; record: DatasetRecord } | undefined = { object, record: row };
  for (const relationship of segments.slice(0, -1)) {
    current = store.parent(current.object, current.record, relationship);
    if (!current) return null;
  }
  return current;
}

/**
 * The currency of the amount at `fieldPath` of the row: the CurrencyIsoCode of the record that
 * holds the field (a parent's for Account.AnnualRevenue), else the corporate currency. Null in
 * a single-currency org.
 */
export function recordIsoCode(
  store: OrgStore,
  object: OrgObject,
  row: DatasetRecord,
  fieldPath: string
): string | null {
  const settings = store.currency;
  if (!settings) return null;
  const holder = holderOf(store, object, row, fieldPath);
  const iso = holder?.record[CURRENCY_ISO_CODE];
  return typeof iso === 'string' && iso !== '' ? iso : settings.corporate;
}

/** The date whose dated rate converts the holder's amounts, or null for the static rate. */
function rateDate(
  settings: CurrencySettings,
  holder: { object: OrgObject; record: DatasetRecord }
) {
  if (!settings.datedRates?.length || holder.object.apiName !== DATED_RATE_OBJECT) return null;
  const date = holder.record[DATED_RATE_FIELD];
  return typeof date === 'string' && date !== '' ? date : null;
}

function amountIn(
  store: OrgStore,
  target: (settings: CurrencySettings) => string,
  object: OrgObject,
  row: DatasetRecord,
  fieldPath: string,
  value: FieldValue
): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const settings = store.currency;
  if (!settings) return value;
  const holder = holderOf(store, object, row, fieldPath) ?? { object, record: row };
  const from = recordIsoCode(store, object, row, fieldPath) ?? settings.corporate;
  const to = target(settings);
  if (from === to) return value;
  const date = rateDate(settings, holder);
  const fromRate = conversionRate(settings, from, date);
  const toRate = conversionRate(settings, to, date);
  if (fromRate === null || toRate === null) return null;
  return (value / fromRate) * toRate;
}

/**
 * A record's currency amount in the corporate currency — what aggregate functions add up. The
 * amount unchanged in a single-currency org; null for a non-number or an unknown currency.
 */
export function corporateAmount(
  store: OrgStore,
  object: OrgObject,
  row: DatasetRecord,
  fieldPath: string,
  value: FieldValue
): number | null {
  return amountIn(store, (settings) => settings.corporate, object, row, fieldPath, value);
}

/**
 * A record's currency amount in the user's currency (CurrencyValue.convertCurrency), rounded
 * to that currency's decimal places. The amount unchanged in a single-currency org.
 */
export function userCurrencyAmount(
  store: OrgStore,
  userId: string,
  object: OrgObject,
  row: DatasetRecord,
  fieldPath: string,
  value: FieldValue
): number | null {
  const settings = store.currency;
  const to = userIsoCode(store, userId);
  if (!settings || to === null) {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  const amount = amountIn(store, () => to, object, row, fieldPath, value);
  if (amount === null) return null;
  const factor = 10 ** decimalPlacesOf(settings, to);
  return Math.round(amount * factor) / factor;
}

// ---- Display values ------------------------------------------------------------------------------

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount with its ISO code, as a multi-currency org shows it: "EUR 1,234.00". */
export function formatMoney(value: number, isoCode: string, scale = 2): string {
  const key = `${isoCode}:${scale}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: isoCode,
      currencyDisplay: 'code',
      minimumFractionDigits: scale,
      maximumFractionDigits: scale
    });
    moneyFormats.set(key, format);
  }
  return format.format(value);
}

/** displayValue of a record's currency field: in the record's currency ("$1,234.00" if single). */
export function currencyDisplayValue(
  store: OrgStore,
  object: OrgObject,
  row: DatasetRecord,
  fieldPath: string,
  value: FieldValue,
  scale = 2
): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const iso = recordIsoCode(store, object, row, fieldPath);
  return iso === null ? formatCurrency(value, scale) : formatMoney(value, iso, scale);
}

/** displayValue of an aggregate of a currency field: in the corporate currency. */
export function corporateDisplayValue(
  store: OrgStore,
  value: FieldValue,
  scale = 2
): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const iso = corporateIsoCode(store);
  return iso === null ? formatCurrency(value, scale) : formatMoney(value, iso, scale);
}

// ---- Writes -----------------------------------------------------------------------------------------

/**
 * The CurrencyIsoCode a new record gets when the input names none: a detail record its
 * master's, any other the creating user's currency. Null when the object has no currency.
 */
export function currencyOnCreate(
  store: OrgStore,
  userId: string,
  object: OrgObject,
  record: DatasetRecord
): string | null {
  if (!store.currency || !(CURRENCY_ISO_CODE in object.fields)) return null;
  if (object.ownership === 'master') {
    const master = store.masterOf(object, record);
    const iso = master?.record[CURRENCY_ISO_CODE];
    if (typeof iso === 'string' && iso !== '') return iso;
  }
  return userIsoCode(store, userId);
}

// ---- The model of a multi-currency org -----------------------------------------------------------

function supportsCurrency(object: OrgObject): boolean {
  if (object.apiName.endsWith('History')) return false;
  return object.custom || STANDARD_OBJECTS_WITH_CURRENCY.has(object.apiName);
}

/** A standard field as the org model holds it (no formula, no relationship). */
function standardField(
  apiName: string,
  label: string,
  dataType: UiDataType,
  writable: boolean,
  picklist: readonly string[] = []
): OrgField {
  return {
    apiName,
    label,
    dataType,
    custom: false,
    required: false,
    createable: writable,
    updateable: writable,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    masterDetail: false,
    picklistValues: picklist.map((value) => ({ value, label: value })),
    restrictedPicklist: picklist.length > 0,
    formula: null,
    trackHistory: false,
    scale: null,
    precision: null,
    length: null,
    defaultValue: undefined,
    unique: false,
    autoNumberFormat: null,
    inlineHelpText: null
  };
}

function isoCodes(settings: CurrencySettings): string[] {
  return settings.currencies.map((currency) => currency.isoCode);
}

function currencyTypeObject(settings: CurrencySettings): OrgObject {
  const fields: Record<string, OrgField> = {
    Id: standardField('Id', 'Currency Type ID', 'Id', false),
    // Admins (Customize Application) create and update currencies; no package permission does.
    IsoCode: standardField('IsoCode', 'Currency ISO Code', 'Picklist', true, isoCodes(settings)),
    ConversionRate: standardField('ConversionRate', 'Conversion Rate', 'Double', true),
    DecimalPlaces: standardField('DecimalPlaces', 'Decimal Places', 'Int', true),
    IsActive: standardField('IsActive', 'Active', 'Boolean', true),
    IsCorporate: standardField('IsCorporate', 'Corporate Currency', 'Boolean', false)
  };
  return {
    apiName: CURRENCY_TYPE,
    label: 'Currency Type',
    labelPlural: 'Currency Types',
    custom: false,
    keyPrefix: keyPrefixOf(CURRENCY_TYPE),
    nameField: 'IsoCode',
    fields,
    childRelationships: [],
    historyObject: null,
    ownership: 'public'
  };
}

/**
 * The model of the same org with multiple currencies enabled: CurrencyIsoCode on every object
 * that supports currencies (read-only on detail objects, which follow their master),
 * DefaultCurrencyIsoCode on User, and the CurrencyType object. The input is not changed.
 */
export function withMultiCurrency(model: OrgModel, settings: CurrencySettings): OrgModel {
  const objects: Record<string, OrgObject> = {};
  for (const [name, object] of Object.entries(model.objects)) {
    if (!supportsCurrency(object)) {
      objects[name] = object;
      continue;
    }
    const fields: Record<string, OrgField> = { ...object.fields };
    const detail = object.ownership === 'master';
    fields[CURRENCY_ISO_CODE] = standardField(
      CURRENCY_ISO_CODE,
      `${object.label} Currency`,
      'Picklist',
      !detail,
      isoCodes(settings)
    );
    if (object.apiName === 'User') {
      fields[DEFAULT_CURRENCY_ISO_CODE] = standardField(
        DEFAULT_CURRENCY_ISO_CODE,
        'User Currency',
        'Picklist',
        true,
        isoCodes(settings)
      );
    }
    objects[name] = { ...object, fields };
  }
  objects[CURRENCY_TYPE] ??= currencyTypeObject(settings);
  return { ...model, objects };
}

/** The API names of an object's currency fields, for converting sample data. */
export function currencyFieldsOf(model: OrgModel, objectApiName: string): string[] {
  const object = model.objects[objectApiName];
  if (!object) return [];
  return Object.values(object.fields)
    .filter((field) => field.dataType === 'Currency' && !field.formula)
    .map((field) => field.apiName);
}
