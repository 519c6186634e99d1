/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so a generated file never depends on
 * the machine's time zone.
 */

const DAY_MS = 86_400_000;

export function parseIsoDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return toIsoDate(new Date(parseIsoDate(iso).getTime() + Math.round(days) * DAY_MS));
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseIsoDate(toIso).getTime() - parseIsoDate(fromIso).getTime()) / DAY_MS);
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
