/**
 * Display helpers shared by the components: today's date, the one filler of label templates
 * ({0}-style placeholders, as every label uses), and number formatting in the user's locale and
 * currency that never prints NaN.
 */
import CURRENCY_CODE from '@salesforce/i18n/currency';
import LOCALE from '@salesforce/i18n/locale';
import type { IsoDate } from 'c/periods';

/** Today in the browser's time zone, as an ISO date. */
export function todayIso(now: Date = new Date()): IsoDate {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Fills {0}, {1}, … in a label with the values, in order. */
export function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** Formatters for amounts and numbers in one locale and currency. */
export interface NumberFormatters {
  formatCurrency(value: number | null | undefined): string;
  formatNumber(value: number | null | undefined): string;
  formatMultiple(value: number | null | undefined): string;
}

const DEFAULT_LOCALE = 'en-US';
const DEFAULT_CURRENCY = 'USD';

/**
 * Intl throws a RangeError for a locale or currency code it does not know. A bad value from the
 * platform must not break the page: try the locale, then its language-region part (Salesforce
 * locales such as "de-DE-EURO" carry a variant Intl rejects), then en-US; and a currency Intl
 * rejects falls back to `fallback`.
 */
function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions,
  fallback: Intl.NumberFormatOptions = options
): Intl.NumberFormat {
  const locales = [locale, locale.split(/[-_]/).slice(0, 2).join('-'), DEFAULT_LOCALE];
  for (const opts of [options, fallback]) {
    for (const candidate of locales) {
      try {
        return new Intl.NumberFormat(candidate, opts);
      } catch {
        // Next candidate.
      }
    }
  }
  return new Intl.NumberFormat(DEFAULT_LOCALE, fallback);
}

/**
 * Amounts in the user's currency and numbers in the user's locale, as Salesforce settings give
 * them (`@salesforce/i18n/locale`, `@salesforce/i18n/currency`): a euro org in Germany reads
 * "100.000 €", not "$100,000". `display: 'code'` writes the ISO code instead of the symbol
 * ("EUR 100,000"), as a multi-currency org shows amounts.
 */
export function createFormatters(
  locale: string,
  currency: string,
  display: 'symbol' | 'code' = 'symbol'
): NumberFormatters {
  const money = numberFormat(
    locale,
    { style: 'currency', currency, currencyDisplay: display, maximumFractionDigits: 0 },
    { style: 'currency', currency: DEFAULT_CURRENCY, maximumFractionDigits: 0 }
  );
  const decimal = numberFormat(locale, { maximumFractionDigits: 1 });
  const finite = (value: number | null | undefined): value is number =>
    typeof value === 'number' && Number.isFinite(value);
  return {
    formatCurrency: (value) => (finite(value) ? money.format(value) : '—'),
    formatNumber: (value) => (finite(value) ? decimal.format(value) : '—'),
    formatMultiple: (value) => (finite(value) ? `${decimal.format(value)}×` : '—')
  };
}

const AMOUNT_FORMAT = numberFormat(LOCALE || DEFAULT_LOCALE, { maximumFractionDigits: 0 });

const USER_FORMATTERS = createFormatters(
  LOCALE || DEFAULT_LOCALE,
  CURRENCY_CODE || DEFAULT_CURRENCY
);

export function formatCurrency(value: number | null | undefined): string {
  return USER_FORMATTERS.formatCurrency(value);
}

export function formatNumber(value: number | null | undefined): string {
  return USER_FORMATTERS.formatNumber(value);
}

const CODE_FORMATTERS = new Map<string, NumberFormatters>();

/**
 * An amount in a named currency, with its ISO code ("GBP 12,000"), in the user's locale: for
 * multi-currency orgs, where a figure must say which currency it is in. Without a code, the
 * user's currency as formatCurrency writes it.
 */
export function formatCurrencyIn(
  value: number | null | undefined,
  isoCode: string | null | undefined
): string {
  if (!isoCode) return formatCurrency(value);
  let formatters = CODE_FORMATTERS.get(isoCode);
  if (!formatters) {
    formatters = createFormatters(LOCALE || DEFAULT_LOCALE, isoCode, 'code');
    CODE_FORMATTERS.set(isoCode, formatters);
  }
  return formatters.formatCurrency(value);
}

/** An amount whose currency code is unknown: the number alone, never a wrong symbol. */
export function formatAmount(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? AMOUNT_FORMAT.format(Math.round(value))
    : '—';
}

/** A 0–1 share as a whole percent, e.g. 0.4567 → "46%". */
export function formatPercent(share: number | null | undefined): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${Math.round(share * 100)}%` : '—';
}

/** A multiple such as pipeline coverage, e.g. 2.456 → "2.5×". */
export function formatMultiple(value: number | null | undefined): string {
  return USER_FORMATTERS.formatMultiple(value);
}

// ---- Dates and counts ----------------------------------------------------------------------

function dateFormat(locale: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC'
  };
  for (const candidate of [locale, locale.split(/[-_]/).slice(0, 2).join('-'), DEFAULT_LOCALE]) {
    try {
      return new Intl.DateTimeFormat(candidate, options);
    } catch {
      // Next candidate, as numberFormat does.
    }
  }
  return new Intl.DateTimeFormat(DEFAULT_LOCALE, options);
}

/**
 * A date (ISO "2026-11-17", or a date-time) in one locale's short numeric form — the form the
 * UI API gives dates as display values (11/17/2026 in en-US, 17.11.2026 in de-DE) — so every
 * component shows dates the same way. Anything that is not a date is returned as it is.
 */
export function createDateFormatter(locale: string): (iso: string | null | undefined) => string {
  const format = dateFormat(locale);
  return (iso) => {
    const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
    if (!match) return iso ?? '';
    const [year, month, day] = match.slice(1).map(Number);
    return format.format(new Date(Date.UTC(year, month - 1, day)));
  };
}

const USER_DATE = createDateFormatter(LOCALE || DEFAULT_LOCALE);

/** A date in the user's locale (see createDateFormatter). */
export function formatDate(iso: string | null | undefined): string {
  return USER_DATE(iso);
}

/**
 * Of two texts for a count, the one the user's language uses: `one` when it calls the count
 * singular ("pushed once", "1 day"), else `other`.
 */
export function pluralForm(count: number, one: string, other: string, locale = LOCALE): string {
  let rule: Intl.LDMLPluralRule = count === 1 ? 'one' : 'other';
  try {
    rule = new Intl.PluralRules(locale || DEFAULT_LOCALE).select(count);
  } catch {
    // The English rule above.
  }
  return rule === 'one' ? one : other;
}
