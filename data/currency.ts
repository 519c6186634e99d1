/**
 * Currencies of a multi-currency org: the conversion arithmetic, and the sample org's
 * multi-currency variant (the single-currency sample with currencies assigned to users and
 * records), deterministic like the sample itself.
 *
 * Conversion follows Salesforce's definitions:
 * - CurrencyType.ConversionRate is the "conversion rate of this currency type against the
 *   corporate currency" (Object Reference for the Salesforce Platform, "CurrencyType"): an
 *   amount in currency X is amount ÷ rate(X) in the corporate currency.
 * - With advanced currency management, dated exchange rates apply to opportunities, using the
 *   rate in effect on the CloseDate; a rate is in effect from its start date to the day before
 *   the next one. Other objects use the static rate (Salesforce Help, "About Advanced Currency
 *   Management"; SOQL and SOSL Reference, "convertCurrency()").
 */
import { recordId } from './ids';
import type { CurrencySettings, Dataset, DatasetRecord, DatedRate, FieldValue } from './dataset';

/** The object whose currency fields convert at dated rates (advanced currency management). */
export const DATED_RATE_OBJECT = 'Opportunity';
/** The date field that picks an opportunity's dated rate. */
export const DATED_RATE_FIELD = 'CloseDate';

/**
 * The sample multi-currency org: corporate currency EUR, with US dollars, pounds and yen.
 * The rates are illustrative sample values, not market data. Static rates equal the latest
 * dated ones, as they do right after an admin enters both.
 */
export const SAMPLE_CURRENCY_SETTINGS: CurrencySettings = Object.freeze({
  corporate: 'EUR',
  currencies: [
    { isoCode: 'EUR', conversionRate: 1, decimalPlaces: 2 },
    { isoCode: 'USD', conversionRate: 1.08, decimalPlaces: 2 },
    { isoCode: 'GBP', conversionRate: 0.85, decimalPlaces: 2 },
    { isoCode: 'JPY', conversionRate: 162, decimalPlaces: 0 }
  ],
  datedRates: [
    { isoCode: 'USD', startDate: '2024-01-01', conversionRate: 1.09 },
    { isoCode: 'USD', startDate: '2025-01-01', conversionRate: 1.04 },
    { isoCode: 'USD', startDate: '2025-07-01', conversionRate: 1.17 },
    { isoCode: 'USD', startDate: '2026-01-01', conversionRate: 1.16 },
    { isoCode: 'USD', startDate: '2026-07-01', conversionRate: 1.08 },
    { isoCode: 'GBP', startDate: '2024-01-01', conversionRate: 0.86 },
    { isoCode: 'GBP', startDate: '2025-01-01', conversionRate: 0.83 },
    { isoCode: 'GBP', startDate: '2025-07-01', conversionRate: 0.86 },
    { isoCode: 'GBP', startDate: '2026-01-01', conversionRate: 0.87 },
    { isoCode: 'GBP', startDate: '2026-07-01', conversionRate: 0.85 },
    { isoCode: 'JPY', startDate: '2024-01-01', conversionRate: 158 },
    { isoCode: 'JPY', startDate: '2025-01-01', conversionRate: 163 },
    { isoCode: 'JPY', startDate: '2025-07-01', conversionRate: 170 },
    { isoCode: 'JPY', startDate: '2026-01-01', conversionRate: 176 },
    { isoCode: 'JPY', startDate: '2026-07-01', conversionRate: 162 }
  ]
});

/**
 * Units of `isoCode` for one unit of the corporate currency. `date` (an ISO date) selects a
 * dated rate when the settings have them; before the first dated rate the earliest applies.
 * Null for a currency the org does not have.
 */
export function conversionRate(
  settings: CurrencySettings,
  isoCode: string,
  date: string | null = null
): number | null {
  if (isoCode === settings.corporate) return 1;
  const dated = date ? datedRateOn(settings.datedRates ?? [], isoCode, date.slice(0, 10)) : null;
  if (dated !== null) return dated;
  const entry = settings.currencies.find((currency) => currency.isoCode === isoCode);
  return entry && entry.conversionRate > 0 ? entry.conversionRate : null;
}

function datedRateOn(rates: readonly DatedRate[], isoCode: string, date: string): number | null {
  let best: DatedRate | null = null;
  let earliest: DatedRate | null = null;
  for (const rate of rates) {
    if (rate.isoCode !== isoCode || !(rate.conversionRate > 0)) continue;
    if (!earliest || rate.startDate < earliest.startDate) earliest = rate;
    if (rate.startDate <= date && (!best || rate.startDate > best.startDate)) best = rate;
  }
  return (best ?? earliest)?.conversionRate ?? null;
}

/** An amount in `from` expressed in `to`, at the rates in effect on `date` (null: static). */
export function convertAmount(
  settings: CurrencySettings,
  value: number,
  from: string,
  to: string,
  date: string | null = null
): number | null {
  if (from === to) return value;
  const fromRate = conversionRate(settings, from, date);
  const toRate = conversionRate(settings, to, date);
  if (fromRate === null || toRate === null) return null;
  return (value / fromRate) * toRate;
}

export function decimalPlacesOf(settings: CurrencySettings, isoCode: string): number {
  return settings.currencies.find((currency) => currency.isoCode === isoCode)?.decimalPlaces ?? 2;
}

// ---- The sample's multi-currency variant -------------------------------------------------------

/** Goal metrics whose baseline and target are amounts (Number fields, in the goal's currency). */
const AMOUNT_GOAL_METRICS = new Set(['Closed Won Amount', 'Average Deal Size']);

/** Currencies users get, in turn; the personas are fixed so the preview shows every case. */
const USER_CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY'];
const PERSONA_CURRENCIES: Record<string, string> = { vp: 'EUR', manager: 'USD', rep: 'GBP' };

/**
 * The sample as a multi-currency org. The single-currency sample's amounts are read as
 * corporate-currency amounts; each record gets a currency (CurrencyIsoCode) and its currency
 * fields are converted into it and rounded to whole units, so aggregates in the corporate
 * currency stay close to the single-currency figures while records differ:
 *
 * - users: the VP in the corporate currency, the manager persona in USD, the rep persona in
 *   GBP, everyone else in turn (DefaultCurrencyIsoCode, and CurrencyIsoCode alike);
 * - opportunities and accounts: their owner's currency (opportunities at the dated rate of
 *   their close date);
 * - territory plans and sessions: the currency of the manager or coach who creates them, so a
 *   rep's plan is often in another currency than the rep's deals; plan accounts follow their
 *   plan, and the plan's target history is converted with it;
 * - development goals: the rep's currency (amount goals are measured in it);
 * - saved scorecards: the corporate currency, as the scorecard saves its aggregates;
 * - anything else owned: the owner's currency.
 *
 * `currencyFields(object)` names an object's currency fields (from the object model).
 */
export function multiCurrencyDataset(
  dataset: Dataset,
  currencyFields: (objectApiName: string) => readonly string[],
  settings: CurrencySettings = SAMPLE_CURRENCY_SETTINGS
): Dataset {
  const users = dataset.records.User ?? [];
  const userCurrency = new Map<string, string>();
  const personaOf = new Map(Object.entries(dataset.meta.personas).map(([k, id]) => [id, k]));
  users.forEach((user, index) => {
    const persona = personaOf.get(user.Id);
    const iso =
      (persona ? PERSONA_CURRENCIES[persona] : undefined) ??
      USER_CURRENCIES[index % USER_CURRENCIES.length];
    userCurrency.set(user.Id, iso);
  });
  const currencyOfUser = (id: FieldValue): string =>
    (typeof id === 'string' ? userCurrency.get(id) : undefined) ?? settings.corporate;

  const planCurrency = new Map<string, string>();
  const scorecardCurrency = settings.corporate;
  const recordCurrency = (objectApiName: string, row: DatasetRecord): string | null => {
    switch (objectApiName) {
      case 'User':
        return currencyOfUser(row.Id);
      case 'Territory_Plan__c':
        return currencyOfUser(row.Manager__c ?? row.OwnerId);
      case 'Territory_Plan_Account__c':
        return planCurrency.get(String(row.Territory_Plan__c)) ?? settings.corporate;
      case 'Coaching_Session__c':
        return currencyOfUser(row.Coach__c ?? row.OwnerId);
      case 'Development_Goal__c':
        // Set in the rep's currency, so amount goals compare with the rep's converted figures.
        return currencyOfUser(row.Rep__c ?? row.OwnerId);
      case 'Manager_Scorecard__c':
      case 'Scorecard_Entry__c':
        return scorecardCurrency;
      default:
        if (objectApiName.endsWith('History') || objectApiName === 'UserRole') return null;
        return 'OwnerId' in row ? currencyOfUser(row.OwnerId) : settings.corporate;
    }
  };
  const toRecordCurrency = (value: FieldValue, iso: string, date: string | null): FieldValue => {
    if (typeof value !== 'number') return value;
    const converted = convertAmount(settings, value, settings.corporate, iso, date);
    return converted === null ? value : Math.round(converted);
  };

  const records: Record<string, DatasetRecord[]> = {};
  // Plans first: their accounts and history follow the plan's currency.
  const order = Object.keys(dataset.records).sort(
    (a, b) => Number(b === 'Territory_Plan__c') - Number(a === 'Territory_Plan__c')
  );
  for (const objectApiName of order) {
    const fields = currencyFields(objectApiName);
    records[objectApiName] = dataset.records[objectApiName].map((source) => {
      const row: DatasetRecord = { ...source };
      const iso = recordCurrency(objectApiName, row);
      if (objectApiName === 'User') {
        row.DefaultCurrencyIsoCode = iso;
        row.CurrencyIsoCode = iso;
      } else if (iso !== null) {
        row.CurrencyIsoCode = iso;
      }
      if (objectApiName === 'Territory_Plan__c' && iso) planCurrency.set(row.Id, iso);
      if (iso) {
        const date =
          objectApiName === DATED_RATE_OBJECT ? String(row[DATED_RATE_FIELD] ?? '') || null : null;
        for (const field of fields) row[field] = toRecordCurrency(row[field], iso, date);
        if (
          objectApiName === 'Development_Goal__c' &&
          AMOUNT_GOAL_METRICS.has(String(row.Metric__c))
        ) {
          row.Baseline_Value__c = toRecordCurrency(row.Baseline_Value__c, iso, null);
          row.Target_Value__c = toRecordCurrency(row.Target_Value__c, iso, null);
        }
      }
      return row;
    });
  }
  // Field history of a plan's currency fields holds amounts in the plan's currency.
  const planFields = new Set(currencyFields('Territory_Plan__c'));
  records.Territory_Plan__History = (records.Territory_Plan__History ?? []).map((row) => {
    const iso = planCurrency.get(String(row.ParentId));
    if (!iso || !planFields.has(String(row.Field))) return row;
    return {
      ...row,
      OldValue: toRecordCurrency(row.OldValue, iso, null),
      NewValue: toRecordCurrency(row.NewValue, iso, null)
    };
  });
  const ordered: Record<string, DatasetRecord[]> = {};
  for (const objectApiName of Object.keys(dataset.records)) {
    ordered[objectApiName] = records[objectApiName];
  }
  ordered.CurrencyType = currencyTypeRecords(settings);
  return {
    meta: {
      ...dataset.meta,
      description: `${dataset.meta.description} Multi-currency variant (data/currency.ts).`,
      currency: settings
    },
    records: ordered
  };
}

/** The org's CurrencyType records: one per active currency, the corporate one flagged. */
export function currencyTypeRecords(settings: CurrencySettings): DatasetRecord[] {
  return settings.currencies.map((currency, index) => ({
    Id: recordId('CurrencyType', index + 1),
    IsoCode: currency.isoCode,
    ConversionRate: currency.conversionRate,
    DecimalPlaces: currency.decimalPlaces,
    IsActive: true,
    IsCorporate: currency.isoCode === settings.corporate
  }));
}
