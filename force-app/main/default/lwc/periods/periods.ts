/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') for KPI periods.
 *
 * Salesforce Date fields carry no time zone, so every function here works on whole days:
 * a date is converted to an epoch day (days since 1970-01-01) with integer arithmetic and
 * never goes through `Date` in local time. The result is the same in every browser time zone
 * and across daylight-saving changes. `today` is always a parameter, so tests and snapshots
 * are reproducible.
 */

/** 'YYYY-MM-DD'. */
export type IsoDate = string;

/** Days since 1970-01-01 (may be negative). */
export type EpochDay = number;

/** An inclusive range of days. */
export interface Period {
  start: IsoDate;
  /** Inclusive. */
  end: IsoDate;
  label?: string;
}

export interface YearMonthDay {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

/** Fiscal-year setting: the month (1–12) in which the fiscal year starts; 1 = calendar year. */
export interface FiscalSettings {
  fiscalYearStartMonth: number;
}

export const CALENDAR: FiscalSettings = { fiscalYearStartMonth: 1 };

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses 'YYYY-MM-DD' (a DateTime string is cut to its date part); null when not a real date. */
export function parseIsoDate(value: unknown): YearMonthDay | null {
  if (typeof value !== 'string') return null;
  const match = ISO_PATTERN.exec(value.length > 10 ? value.slice(0, 10) : value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && value.length === 10 && parseIsoDate(value) !== null;
}

/** Days from civil date (Howard Hinnant's algorithm): exact for every proleptic Gregorian date. */
export function epochDayOf(year: number, month: number, day: number): EpochDay {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilOf(epochDay: EpochDay): YearMonthDay {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Epoch day of an ISO date (a DateTime string counts by its UTC date part). Throws on bad input. */
export function toEpochDay(iso: IsoDate): EpochDay {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new RangeError(`Not an ISO date: ${String(iso)}`);
  return epochDayOf(ymd.year, ymd.month, ymd.day);
}

/** Like toEpochDay, but null for null, undefined or malformed input (for optional fields). */
export function toEpochDayOrNull(iso: unknown): EpochDay | null {
  const ymd = parseIsoDate(iso);
  return ymd ? epochDayOf(ymd.year, ymd.month, ymd.day) : null;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatIsoDate(ymd: YearMonthDay): IsoDate {
  return `${pad(ymd.year, 4)}-${pad(ymd.month, 2)}-${pad(ymd.day, 2)}`;
}

export function fromEpochDay(epochDay: EpochDay): IsoDate {
  return formatIsoDate(civilOf(epochDay));
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Adds months; a day that does not exist in the target month is clamped (Jan 31 + 1 → Feb 28/29). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new RangeError(`Not an ISO date: ${String(iso)}`);
  const index = ymd.year * 12 + (ymd.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(ymd.day, daysInMonth(year, month)) });
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  // ISO dates of four-digit years sort lexically; compare epoch days to be safe for any input.
  return toEpochDay(a) - toEpochDay(b);
}

export function makePeriod(start: IsoDate, end: IsoDate, label?: string): Period {
  if (toEpochDay(end) < toEpochDay(start)) {
    throw new RangeError(`Period ends before it starts: ${start} – ${end}`);
  }
  return label === undefined ? { start, end } : { start, end, label };
}

/** Number of days in the period, both ends included. */
export function dayCount(period: Period): number {
  return toEpochDay(period.end) - toEpochDay(period.start) + 1;
}

/** The period as epoch days, for numeric compares in hot loops. */
export interface DayRange {
  startDay: EpochDay;
  endDay: EpochDay;
}

export function toDayRange(period: Period): DayRange {
  return { startDay: toEpochDay(period.start), endDay: toEpochDay(period.end) };
}

function isMonthEnd(ymd: YearMonthDay): boolean {
  return ymd.day === daysInMonth(ymd.year, ymd.month);
}

function monthEnd(year: number, month: number): IsoDate {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

/** True when the period runs from the first of a month to the last day of a month. */
export function isWholeMonths(period: Period): boolean {
  const start = parseIsoDate(period.start);
  const end = parseIsoDate(period.end);
  return start !== null && end !== null && start.day === 1 && isMonthEnd(end);
}

function monthsSpanned(period: Period): number {
  const start = parseIsoDate(period.start) as YearMonthDay;
  const end = parseIsoDate(period.end) as YearMonthDay;
  return (end.year - start.year) * 12 + (end.month - start.month) + 1;
}

function shiftMonths(period: Period, months: number): Period {
  // Whole-month periods keep their shape: the end moves to the last day of its month, so
  // Feb 2024 (29 days) a year back is Feb 2023 (28 days) and Feb 2023 forward is Feb 2024.
  const start = addMonths(period.start, months);
  const endYmd = parseIsoDate(period.end) as YearMonthDay;
  const shiftedEnd = addMonths(period.end, months);
  if (isMonthEnd(endYmd)) {
    const e = parseIsoDate(shiftedEnd) as YearMonthDay;
    return makePeriod(start, monthEnd(e.year, e.month));
  }
  return makePeriod(start, shiftedEnd);
}

/**
 * The same period one year earlier. Dates move by calendar year; Feb 29 becomes Feb 28, and an
 * end on the last day of a month stays on the last day of that month (so a February that ends
 * on the 28th maps to a leap February ending on the 29th).
 */
export function samePeriodLastYear(period: Period): Period {
  return shiftMonths(period, -12);
}

/**
 * The period immediately before: for whole-month periods (months, quarters, years) the same
 * number of months before; otherwise the same number of days, ending the day before `start`.
 */
export function previousPeriod(period: Period): Period {
  if (isWholeMonths(period)) return shiftMonths(period, -monthsSpanned(period));
  const length = dayCount(period);
  const end = toEpochDay(period.start) - 1;
  return makePeriod(fromEpochDay(end - length + 1), fromEpochDay(end));
}

function checkStartMonth(settings: FiscalSettings): number {
  const month = settings.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearStartMonth must be 1–12, got ${String(month)}`);
  }
  return month;
}

/**
 * The fiscal year is named after the calendar year in which it ends (the common convention:
 * with a February start, Feb 2024 – Jan 2025 is FY2025). A calendar year is named by itself.
 */
export function fiscalYearOf(iso: IsoDate, settings: FiscalSettings = CALENDAR): Period {
  const startMonth = checkStartMonth(settings);
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new RangeError(`Not an ISO date: ${String(iso)}`);
  const startYear = ymd.month >= startMonth ? ymd.year : ymd.year - 1;
  const start = formatIsoDate({ year: startYear, month: startMonth, day: 1 });
  const end = addDays(addMonths(start, 12), -1);
  const endYear = startMonth === 1 ? startYear : startYear + 1;
  return makePeriod(start, end, startMonth === 1 ? String(endYear) : `FY${endYear}`);
}

/** The (fiscal) quarter containing the date, labelled 'Q1 2025' or 'Q1 FY2025'. */
export function quarterOf(iso: IsoDate, settings: FiscalSettings = CALENDAR): Period {
  const year = fiscalYearOf(iso, settings);
  const ymd = parseIsoDate(iso) as YearMonthDay;
  const yearStart = parseIsoDate(year.start) as YearMonthDay;
  const monthsIn = (ymd.year - yearStart.year) * 12 + (ymd.month - yearStart.month);
  const quarter = Math.floor(monthsIn / 3);
  const start = addMonths(year.start, quarter * 3);
  const end = addDays(addMonths(start, 3), -1);
  return makePeriod(start, end, `Q${quarter + 1} ${year.label ?? ''}`.trim());
}

export function thisQuarter(today: IsoDate, settings: FiscalSettings = CALENDAR): Period {
  return quarterOf(today, settings);
}

export function lastQuarter(today: IsoDate, settings: FiscalSettings = CALENDAR): Period {
  return quarterOf(addMonths(thisQuarter(today, settings).start, -3), settings);
}

export function thisFiscalYear(today: IsoDate, settings: FiscalSettings = CALENDAR): Period {
  return fiscalYearOf(today, settings);
}

export function lastFiscalYear(today: IsoDate, settings: FiscalSettings = CALENDAR): Period {
  return fiscalYearOf(addMonths(thisFiscalYear(today, settings).start, -12), settings);
}

/**
 * The last n quarters, oldest first. With `includeCurrent` (default) the list ends with the
 * quarter containing today; without it, with the last completed quarter.
 */
export function lastNQuarters(
  today: IsoDate,
  n: number,
  settings: FiscalSettings = CALENDAR,
  includeCurrent = true
): Period[] {
  const count = Math.max(0, Math.floor(n));
  const anchor = thisQuarter(today, settings).start;
  const offset = includeCurrent ? 0 : 1;
  const quarters: Period[] = [];
  for (let i = count - 1 + offset; i >= offset; i--) {
    quarters.push(quarterOf(addMonths(anchor, -3 * i), settings));
  }
  return quarters;
}

/** Days left in the period after today (0 when the period is over; the full length before it). */
export function daysRemaining(period: Period, today: IsoDate): number {
  const todayDay = toEpochDay(today);
  const start = toEpochDay(period.start);
  const end = toEpochDay(period.end);
  if (todayDay < start) return end - start + 1;
  return Math.max(0, end - todayDay);
}
