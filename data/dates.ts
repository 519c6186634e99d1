/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so a generated file never depends on
 * the machine's time zone.
 */

export function parseIsoDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Days since 1970-01-01 of an ISO date, by calendar arithmetic (H. Hinnant's days_from_civil):
 * a large org calls this millions of times, where a Date per call dominates the generation.
 */
export function epochDay(iso: string): number {
  const digit = (at: number): number => iso.charCodeAt(at) - 48;
  let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const month = digit(5) * 10 + digit(6);
  const day = digit(8) * 10 + digit(9);
  year -= month <= 2 ? 1 : 0;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** The ISO date of a day number (civil_from_days), the inverse of epochDay. */
function isoOfEpochDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(iso: string, days: number): string {
  return isoOfEpochDay(epochDay(iso) + Math.round(days));
}

export function daysBetween(fromIso: string, toIso: string): number {
  return epochDay(toIso) - epochDay(fromIso);
}

/** An ISO date-time at the given hour and minute of a date, as the API returns DateTime values. */
export function isoDateTime(isoDate: string, hour: number, minute: number): string {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `${isoDate.slice(0, 10)}T${hh}:${mm}:00.000Z`;
}

export interface Quarter {
  /** e.g. "Q4 2026" */
  label: string;
  start: string;
  end: string;
}

function quarterAt(year: number, index: number): Quarter {
  const start = new Date(Date.UTC(year, index * 3, 1));
  const end = new Date(Date.UTC(year, index * 3 + 3, 0));
  return { label: `Q${index + 1} ${year}`, start: toIsoDate(start), end: toIsoDate(end) };
}

/** The quarter `offset` quarters after the one containing `iso` (negative: before). */
export function shiftQuarter(iso: string, offset: number): Quarter {
  const date = parseIsoDate(iso);
  const absolute = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  return quarterAt(Math.floor(absolute / 4), absolute % 4);
}
