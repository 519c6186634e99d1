import fc from 'fast-check';
import {
  addDays,
  addMonths,
  dayCount,
  daysRemaining,
  fiscalYearOf,
  fromEpochDay,
  isIsoDate,
  isWholeMonths,
  lastFiscalYear,
  lastNQuarters,
  lastQuarter,
  parseIsoDate,
  previousPeriod,
  quarterOf,
  samePeriodLastYear,
  thisFiscalYear,
  thisQuarter,
  toEpochDay,
  toEpochDayOrNull
} from 'c/periods';

const FEB_START = { fiscalYearStartMonth: 2 };

function contains(period: { start: string; end: string }, iso: string): boolean {
  const day = toEpochDay(iso);
  return day >= toEpochDay(period.start) && day <= toEpochDay(period.end);
}

describe('epoch days', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2024-02-29', 19782],
    ['2025-02-15', 20134]
  ])('%s is epoch day %d', (iso, day) => {
    expect(toEpochDay(iso)).toBe(day);
    expect(fromEpochDay(day)).toBe(iso);
  });

  it('counts a DateTime by its date part', () => {
    expect(toEpochDay('2025-02-15T23:59:59.000Z')).toBe(20134);
  });

  it('agrees with UTC Date arithmetic and round-trips for every day of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -150_000, max: 150_000 }), (day) => {
        const iso = fromEpochDay(day);
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
        expect(toEpochDay(iso)).toBe(day);
      }),
      { numRuns: 500 }
    );
  });

  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('2024-04-31')).toBeNull();
    expect(parseIsoDate('yesterday')).toBeNull();
    expect(parseIsoDate(20240101)).toBeNull();
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-02-29T00:00:00Z')).toBe(false);
    expect(toEpochDayOrNull(null)).toBeNull();
    expect(toEpochDayOrNull('2023-02-29')).toBeNull();
    expect(() => toEpochDay('2023-02-29')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('crosses year ends and leap days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(toEpochDay('2025-01-05') - toEpochDay('2024-12-25')).toBe(11);
    expect(toEpochDay('2025-01-01') - toEpochDay('2024-01-01')).toBe(366);
  });

  it('clamps month arithmetic to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-30', 2)).toBe('2025-01-30');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('counts days of periods, both ends included', () => {
    expect(dayCount({ start: '2024-01-01', end: '2024-12-31' })).toBe(366);
    expect(dayCount({ start: '2025-01-01', end: '2025-12-31' })).toBe(365);
    expect(dayCount({ start: '2025-03-01', end: '2025-03-01' })).toBe(1);
  });
});

describe('calendar and fiscal periods', () => {
  it('finds calendar quarters', () => {
    expect(thisQuarter('2025-02-15')).toEqual({
      start: '2025-01-01',
      end: '2025-03-31',
      label: 'Q1 2025'
    });
    expect(lastQuarter('2025-02-15')).toEqual({
      start: '2024-10-01',
      end: '2024-12-31',
      label: 'Q4 2024'
    });
  });

  it('names a fiscal year after the year it ends in', () => {
    expect(fiscalYearOf('2025-01-15', FEB_START)).toEqual({
      start: '2024-02-01',
      end: '2025-01-31',
      label: 'FY2025'
    });
    expect(fiscalYearOf('2025-02-01', FEB_START)).toEqual({
      start: '2025-02-01',
      end: '2026-01-31',
      label: 'FY2026'
    });
    expect(fiscalYearOf('2025-09-30', { fiscalYearStartMonth: 10 })).toEqual({
      start: '2024-10-01',
      end: '2025-09-30',
      label: 'FY2025'
    });
    expect(thisFiscalYear('2025-03-01', FEB_START).label).toBe('FY2026');
    expect(lastFiscalYear('2025-03-01', FEB_START)).toEqual({
      start: '2024-02-01',
      end: '2025-01-31',
      label: 'FY2025'
    });
  });

  it('finds fiscal quarters, including one that spans the calendar year end', () => {
    expect(quarterOf('2025-01-15', FEB_START)).toEqual({
      start: '2024-11-01',
      end: '2025-01-31',
      label: 'Q4 FY2025'
    });
    expect(quarterOf('2025-02-01', FEB_START)).toEqual({
      start: '2025-02-01',
      end: '2025-04-30',
      label: 'Q1 FY2026'
    });
    expect(lastQuarter('2025-02-10', FEB_START)).toEqual({
      start: '2024-11-01',
      end: '2025-01-31',
      label: 'Q4 FY2025'
    });
  });

  it('rejects a fiscal start month outside 1–12', () => {
    expect(() => thisQuarter('2025-01-01', { fiscalYearStartMonth: 0 })).toThrow(RangeError);
    expect(() => thisQuarter('2025-01-01', { fiscalYearStartMonth: 13 })).toThrow(RangeError);
    expect(() => thisQuarter('2025-01-01', { fiscalYearStartMonth: 1.5 })).toThrow(RangeError);
  });

  it('lists the last n quarters oldest first, with or without the current one', () => {
    expect(lastNQuarters('2025-02-15', 3).map((q) => q.label)).toEqual([
      'Q3 2024',
      'Q4 2024',
      'Q1 2025'
    ]);
    expect(lastNQuarters('2025-02-15', 2, undefined, false).map((q) => q.label)).toEqual([
      'Q3 2024',
      'Q4 2024'
    ]);
    expect(lastNQuarters('2025-02-15', 0)).toEqual([]);
  });

  it('every date lies in its quarter and fiscal year, for every start month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 1, max: 12 }),
        (day, month) => {
          const iso = fromEpochDay(day);
          const settings = { fiscalYearStartMonth: month };
          const quarter = quarterOf(iso, settings);
          const year = fiscalYearOf(iso, settings);
          expect(contains(quarter, iso)).toBe(true);
          expect(contains(year, iso)).toBe(true);
          expect(contains(year, quarter.start) && contains(year, quarter.end)).toBe(true);
          expect(isWholeMonths(quarter)).toBe(true);
          expect(previousPeriod(quarter)).toEqual({
            start: lastQuarter(iso, settings).start,
            end: lastQuarter(iso, settings).end
          });
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe('related periods', () => {
  it('moves a period one year back, Feb 29 to Feb 28', () => {
    expect(samePeriodLastYear({ start: '2024-01-01', end: '2024-03-31' })).toEqual({
      start: '2023-01-01',
      end: '2023-03-31'
    });
    expect(samePeriodLastYear({ start: '2024-02-01', end: '2024-02-29' })).toEqual({
      start: '2023-02-01',
      end: '2023-02-28'
    });
    expect(samePeriodLastYear({ start: '2024-02-10', end: '2024-02-20' })).toEqual({
      start: '2023-02-10',
      end: '2023-02-20'
    });
    expect(samePeriodLastYear({ start: '2024-02-29', end: '2024-03-10' })).toEqual({
      start: '2023-02-28',
      end: '2023-03-10'
    });
  });

  it('keeps a whole February whole when moving into a leap year', () => {
    expect(samePeriodLastYear({ start: '2025-02-01', end: '2025-02-28' })).toEqual({
      start: '2024-02-01',
      end: '2024-02-29'
    });
    expect(samePeriodLastYear({ start: '2025-01-01', end: '2025-12-31' })).toEqual({
      start: '2024-01-01',
      end: '2024-12-31'
    });
  });

  it('finds the previous period of the same shape', () => {
    expect(previousPeriod({ start: '2025-01-01', end: '2025-03-31' })).toEqual({
      start: '2024-10-01',
      end: '2024-12-31'
    });
    expect(previousPeriod({ start: '2025-03-01', end: '2025-03-31' })).toEqual({
      start: '2025-02-01',
      end: '2025-02-28'
    });
    expect(previousPeriod({ start: '2025-01-01', end: '2025-12-31' })).toEqual({
      start: '2024-01-01',
      end: '2024-12-31'
    });
    // Not whole months: the same number of days immediately before.
    expect(previousPeriod({ start: '2025-01-05', end: '2025-01-14' })).toEqual({
      start: '2024-12-26',
      end: '2025-01-04'
    });
  });

  it('a previous period ends the day before, as long in days when not whole months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: 0, max: 400 }),
        (start, length) => {
          const period = { start: fromEpochDay(start), end: fromEpochDay(start + length) };
          const before = previousPeriod(period);
          expect(addDays(before.end, 1)).toBe(period.start);
          const sameDays = isWholeMonths(period) || dayCount(before) === dayCount(period);
          expect(sameDays).toBe(true);
          const lastYear = samePeriodLastYear(period);
          expect(Math.abs(dayCount(lastYear) - dayCount(period))).toBeLessThanOrEqual(1);
        }
      ),
      { numRuns: 300 }
    );
  });

  it('counts the days left in a period after today', () => {
    const q1 = { start: '2025-01-01', end: '2025-03-31' };
    expect(daysRemaining(q1, '2025-03-30')).toBe(1);
    expect(daysRemaining(q1, '2025-03-31')).toBe(0);
    expect(daysRemaining(q1, '2024-12-01')).toBe(90);
  });
});
