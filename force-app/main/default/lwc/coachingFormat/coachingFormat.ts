/**
 * Display helpers shared by the territory plan and development goal components: today's date,
 * label templates with {0}-style placeholders, and number formatting that never prints NaN.
 */
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

const CURRENCY = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0
});
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function formatCurrency(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? CURRENCY.format(value) : '—';
}

export function formatNumber(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? DECIMAL.format(value) : '—';
}

/** A 0–1 share as a whole percent, e.g. 0.4567 → "46%". */
export function formatPercent(share: number | null | undefined): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${Math.round(share * 100)}%` : '—';
}

/** A multiple such as pipeline coverage, e.g. 2.456 → "2.5×". */
export function formatMultiple(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${DECIMAL.format(value)}×` : '—';
}
