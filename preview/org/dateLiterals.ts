/**
 * Relative date literals and ranges (TODAY, THIS_QUARTER, LAST_N_DAYS:n, …) as inclusive ISO
 * date ranges relative to the org's today, with calendar quarters and Sunday-first weeks
 * (en-US), as SOQL and the GraphQL DateInput interpret them.
 */
import { addDays, parseIsoDate, shiftQuarter, toIsoDate } from '../../data/dates';

export interface DateRange {
  from: string;
  to: string;
}

function monthRange(today: string, offset: number): DateRange {
  const date = parseIsoDate(today);
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset + 1, 0));
  return { from: toIsoDate(start), to: toIsoDate(end) };
}

function weekRange(today: string, offset: number): DateRange {
  const weekday = parseIsoDate(today).getUTCDay();
  const start = addDays(today, -weekday + offset * 7);
  return { from: start, to: addDays(start, 6) };
}

function quarterRange(today: string, offset: number): DateRange {
  const quarter = shiftQuarter(today, offset);
  return { from: quarter.start, to: quarter.end };
}

function yearRange(today: string, offset: number): DateRange {
  const year = parseIsoDate(today).getUTCFullYear() + offset;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A named literal; fiscal periods follow the calendar (the sample org's fiscal year). */
export function literalRange(literal: string, today: string): DateRange | null {
  switch (literal.toUpperCase()) {
    case 'TODAY':
      return { from: today, to: today };
    case 'YESTERDAY':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'TOMORROW':
      return { from: addDays(today, 1), to: addDays(today, 1) };
    case 'LAST_WEEK':
      return weekRange(today, -1);
    case 'THIS_WEEK':
      return weekRange(today, 0);
    case 'NEXT_WEEK':
      return weekRange(today, 1);
    case 'LAST_MONTH':
      return monthRange(today, -1);
    case 'THIS_MONTH':
      return monthRange(today, 0);
    case 'NEXT_MONTH':
      return monthRange(today, 1);
    case 'LAST_90_DAYS':
      return { from: addDays(today, -90), to: today };
    case 'NEXT_90_DAYS':
      return { from: addDays(today, 1), to: addDays(today, 90) };
    case 'LAST_QUARTER':
    case 'LAST_FISCAL_QUARTER':
      return quarterRange(today, -1);
    case 'THIS_QUARTER':
    case 'THIS_FISCAL_QUARTER':
      return quarterRange(today, 0);
    case 'NEXT_QUARTER':
    case 'NEXT_FISCAL_QUARTER':
      return quarterRange(today, 1);
    case 'LAST_YEAR':
    case 'LAST_FISCAL_YEAR':
      return yearRange(today, -1);
    case 'THIS_YEAR':
    case 'THIS_FISCAL_YEAR':
      return yearRange(today, 0);
    case 'NEXT_YEAR':
    case 'NEXT_FISCAL_YEAR':
      return yearRange(today, 1);
    default:
      return null;
  }
}

/** A parameterised range such as { last_n_days: 30 } (the GraphQL DateRange input). */
export function parameterRange(range: Record<string, unknown>, today: string): DateRange | null {
  const [key, raw] = Object.entries(range).find(([, value]) => typeof value === 'number') ?? [];
  if (key === undefined || typeof raw !== 'number') return null;
  const n = raw;
  switch (key) {
    case 'last_n_days':
      return { from: addDays(today, -n), to: today };
    case 'next_n_days':
      return { from: addDays(today, 1), to: addDays(today, n) };
    case 'n_days_ago':
      return { from: addDays(today, -n), to: addDays(today, -n) };
    case 'last_n_weeks':
      return { from: weekRange(today, -n).from, to: weekRange(today, -1).to };
    case 'next_n_weeks':
      return { from: weekRange(today, 1).from, to: weekRange(today, n).to };
    case 'last_n_months':
      return { from: monthRange(today, -n).from, to: monthRange(today, -1).to };
    case 'next_n_months':
      return { from: monthRange(today, 1).from, to: monthRange(today, n).to };
    case 'last_n_quarters':
    case 'last_n_fiscal_quarters':
      return { from: quarterRange(today, -n).from, to: quarterRange(today, -1).to };
    case 'next_n_quarters':
    case 'next_n_fiscal_quarters':
      return { from: quarterRange(today, 1).from, to: quarterRange(today, n).to };
    case 'last_n_years':
    case 'last_n_fiscal_years':
      return { from: yearRange(today, -n).from, to: yearRange(today, -1).to };
    case 'next_n_years':
    case 'next_n_fiscal_years':
      return { from: yearRange(today, 1).from, to: yearRange(today, n).to };
    // N_<UNIT>_AGO:n is the one whole unit n units back (SOQL Date Formats and Date Literals).
    case 'n_weeks_ago':
      return weekRange(today, -n);
    case 'n_months_ago':
      return monthRange(today, -n);
    case 'n_quarters_ago':
    case 'n_fiscal_quarters_ago':
      return quarterRange(today, -n);
    case 'n_years_ago':
    case 'n_fiscal_years_ago':
      return yearRange(today, -n);
    default:
      return null;
  }
}
