/**
 * The sample dataset's shape, shared by the generator, the in-memory org, the preview and the
 * benchmarks. Field values are what the UI API returns: ISO strings for dates and date-times,
 * numbers, booleans, `;`-joined strings for multi-select picklists, null for empty.
 */
export type FieldValue = string | number | boolean | null;

export interface DatasetRecord {
  Id: string;
  [field: string]: FieldValue;
}

export interface Personas {
  vp: string;
  manager: string;
  rep: string;
}

/** One active currency of a multi-currency org (the CurrencyType object). */
export interface CurrencyTypeEntry {
  /** ISO 4217 code, e.g. 'EUR'. */
  isoCode: string;
  /** Units of this currency for one unit of the corporate currency (1 for the corporate one). */
  conversionRate: number;
  decimalPlaces: number;
}

/** A dated exchange rate (DatedConversionRate): in effect from startDate to the next one. */
export interface DatedRate {
  isoCode: string;
  startDate: string;
  conversionRate: number;
}

/**
 * The currency settings of a multi-currency org. Absent from a single-currency org's dataset.
 * With `datedRates` (advanced currency management) opportunities convert at the rate in effect
 * on their CloseDate; every other object, and every record without dated rates, at the static
 * rate of `currencies`.
 */
export interface CurrencySettings {
  corporate: string;
  currencies: CurrencyTypeEntry[];
  datedRates?: DatedRate[];
}

export interface DatasetMeta {
  description: string;
  seed: number;
  /** The date the sample is built around; the preview treats it as today. */
  today: string;
  personas: Personas;
  /** A generated large org (data/scales.ts); absent from the committed sample. */
  scale?: string;
  /** Present in a multi-currency org only. */
  currency?: CurrencySettings;
}

export interface Dataset {
  meta: DatasetMeta;
  /** Records by object API name. */
  records: Record<string, DatasetRecord[]>;
}
