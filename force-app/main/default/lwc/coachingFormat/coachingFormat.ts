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
