import { describe, expect, it } from 'vitest';
import {
  SAME_DAY_ACH_LIMIT_CENTS,
  achEffectiveDate,
  addBusinessDays,
  businessDaysBetween,
  federalReserveHolidayOn,
  federalReserveHolidays,
  isBusinessDay,
  isFederalReserveHoliday,
  isPlainDate,
  nextBusinessDay,
  observedFederalReserveHolidays,
  previousBusinessDay,
  toZonedDate,
  toZonedDateTime,
} from './business-days.ts';

const NY = 'America/New_York';

describe('federalReserveHolidays', () => {
  // Expected closures copied from the Federal Reserve's published holiday schedules.
  it('matches the published 2026 closures, with Independence Day (a Saturday) not observed', () => {
    expect(observedFederalReserveHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    const july4 = federalReserveHolidays(2026).find((h) => h.name === 'Independence Day');
    expect(july4).toEqual({ name: 'Independence Day', date: '2026-07-04', observedDate: null });
  });

  it('matches the published 2027 closures: July 4 (Sunday) moves to Monday, Juneteenth and Christmas (Saturdays) close nothing', () => {
    expect(observedFederalReserveHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
    ]);
    expect(federalReserveHolidays(2027)).toHaveLength(11);
  });

  it('matches 2023: New Year on Sunday observed January 2, Veterans Day on Saturday not observed', () => {
    expect(observedFederalReserveHolidays(2023)).toEqual([
      '2023-01-02',
      '2023-01-16',
      '2023-02-20',
      '2023-05-29',
      '2023-06-19',
      '2023-07-04',
      '2023-09-04',
      '2023-10-09',
      '2023-11-23',
      '2023-12-25',
    ]);
  });

  it('starts Juneteenth closures in 2022', () => {
    expect(federalReserveHolidays(2021).map((h) => h.name)).not.toContain(
      'Juneteenth National Independence Day',
    );
    expect(observedFederalReserveHolidays(2022)).toContain('2022-06-20');
    expect(observedFederalReserveHolidays(2022)).toContain('2022-12-26');
  });

  it('computes far years from the rules (2100: Thanksgiving on the 25th, Memorial Day on the 31st)', () => {
    const byName = Object.fromEntries(federalReserveHolidays(2100).map((h) => [h.name, h.date]));
    expect(byName['Thanksgiving Day']).toBe('2100-11-25');
    expect(byName['Memorial Day']).toBe('2100-05-31');
    expect(byName['Birthday of Martin Luther King, Jr.']).toBe('2100-01-18');
  });

  it('only ever observes on a weekday inside the same year', () => {
    for (let year = 1990; year <= 2060; year += 1) {
      for (const holiday of federalReserveHolidays(year)) {
        if (holiday.observedDate === null) {
          expect(new Date(`${holiday.date}T00:00:00Z`).getUTCDay()).toBe(6);
          continue;
        }
        const weekday = new Date(`${holiday.observedDate}T00:00:00Z`).getUTCDay();
        expect(weekday).toBeGreaterThanOrEqual(1);
        expect(weekday).toBeLessThanOrEqual(5);
        expect(holiday.observedDate.slice(0, 4)).toBe(String(year));
      }
    }
  });

  it('refuses years it cannot write as YYYY', () => {
    expect(() => federalReserveHolidays(0)).toThrow(RangeError);
    expect(() => federalReserveHolidays(2026.5)).toThrow(RangeError);
    expect(() => federalReserveHolidays(10000)).toThrow(RangeError);
  });
});

describe('isFederalReserveHoliday / federalReserveHolidayOn', () => {
  it('is true on the holiday, on a Saturday holiday, and on the Monday a Sunday holiday is observed', () => {
    expect(isFederalReserveHoliday('2026-11-26')).toBe(true);
    expect(isFederalReserveHoliday('2026-07-04')).toBe(true);
    expect(isFederalReserveHoliday('2027-07-04')).toBe(true);
    expect(isFederalReserveHoliday('2027-07-05')).toBe(true);
    expect(federalReserveHolidayOn('2027-07-05')?.name).toBe('Independence Day');
  });

  it('is false on ordinary days, including the Friday before a Saturday holiday', () => {
    expect(isFederalReserveHoliday('2026-07-03')).toBe(false);
    expect(isFederalReserveHoliday('2026-11-27')).toBe(false);
    expect(federalReserveHolidayOn('2026-11-25')).toBeNull();
  });
});

describe('isBusinessDay', () => {
  it('excludes weekends and observed holidays only', () => {
    expect(isBusinessDay('2026-11-25')).toBe(true); // Wednesday
    expect(isBusinessDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-27')).toBe(true); // the Fed is open the day after Thanksgiving
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-29')).toBe(false); // Sunday
    expect(isBusinessDay('2026-07-03')).toBe(true); // Friday before a Saturday July 4: open
    expect(isBusinessDay('2027-07-05')).toBe(false); // Monday after a Sunday July 4: closed
  });

  it('refuses strings that are not real dates', () => {
    expect(() => isBusinessDay('2026-02-30')).toThrow(RangeError);
    expect(() => isBusinessDay('2026-1-5')).toThrow(RangeError);
    expect(() => isBusinessDay('')).toThrow(RangeError);
  });
});

describe('isPlainDate', () => {
  it('accepts real dates only', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2026-02-29')).toBe(false);
    expect(isPlainDate('2026-13-01')).toBe(false);
    expect(isPlainDate('2026-04-31')).toBe(false);
    expect(isPlainDate('2026-04-00')).toBe(false);
    expect(isPlainDate('20260401')).toBe(false);
    expect(isPlainDate(20260401)).toBe(false);
  });
});

describe('addBusinessDays / nextBusinessDay / previousBusinessDay', () => {
  it('skips weekends and holidays', () => {
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-25', 2)).toBe('2026-11-30');
    expect(addBusinessDays('2026-12-24', 1)).toBe('2026-12-28');
    expect(addBusinessDays('2026-12-31', 1)).toBe('2027-01-04'); // New Year's Day, then a weekend
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30'); // from a Saturday
  });

  it('counts ten business days over Thanksgiving', () => {
    expect(addBusinessDays('2026-11-20', 10)).toBe('2026-12-07');
  });

  it('goes backwards for negative n and returns the date for 0', () => {
    expect(addBusinessDays('2026-11-27', -1)).toBe('2026-11-25');
    expect(addBusinessDays('2026-11-29', 0)).toBe('2026-11-29');
    expect(previousBusinessDay('2027-01-04')).toBe('2026-12-31');
  });

  it('nextBusinessDay is strictly after', () => {
    expect(nextBusinessDay('2026-11-25')).toBe('2026-11-27');
    expect(nextBusinessDay('2027-07-02')).toBe('2027-07-06');
  });

  it('refuses a fractional count', () => {
    expect(() => addBusinessDays('2026-11-25', 1.5)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after a up to and including b', () => {
    expect(businessDaysBetween('2026-11-25', '2026-11-25')).toBe(0);
    expect(businessDaysBetween('2026-11-25', '2026-11-27')).toBe(1);
    expect(businessDaysBetween('2026-11-25', '2026-11-29')).toBe(1);
    expect(businessDaysBetween('2026-11-25', '2026-11-30')).toBe(2);
    // 261 weekdays in 2026, 10 observed closures on weekdays (January 1 itself is excluded as the start anyway).
    expect(businessDaysBetween('2026-01-01', '2026-12-31')).toBe(251);
  });

  it('is antisymmetric', () => {
    expect(businessDaysBetween('2026-11-30', '2026-11-25')).toBe(-2);
  });

  it('inverts addBusinessDays', () => {
    for (const start of ['2026-11-25', '2026-11-28', '2026-12-24', '2027-07-02']) {
      for (let n = 0; n <= 30; n += 1) {
        expect(businessDaysBetween(start, addBusinessDays(start, n))).toBe(n);
      }
    }
    for (let n = -30; n < 0; n += 1) {
      expect(businessDaysBetween('2026-11-25', addBusinessDays('2026-11-25', n))).toBe(n);
    }
  });

  it('counts what walking every day counts, over spans of any length and across years', () => {
    const walked = (a: string, b: string) => {
      let n = 0;
      for (let d = new Date(`${a}T00:00:00Z`); d.toISOString().slice(0, 10) < b;) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (isBusinessDay(d.toISOString().slice(0, 10))) n += 1;
      }
      return n;
    };
    const starts = [
      '2019-12-28',
      '2023-06-30',
      '2024-02-29',
      '2025-12-31',
      '2026-07-03',
      '2026-11-26',
    ];
    for (const a of starts) {
      for (const days of [0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 29, 60, 365, 366, 731, 1500]) {
        const d = new Date(`${a}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() + days);
        const b = d.toISOString().slice(0, 10);
        expect(businessDaysBetween(a, b), `${a} → ${b}`).toBe(walked(a, b));
        expect(businessDaysBetween(b, a) + 0, `${b} → ${a}`).toBe(0 - walked(a, b) + 0);
      }
    }
  });
});

describe('toZonedDate', () => {
  it('gives the New York date of an instant', () => {
    expect(toZonedDate(new Date('2026-11-26T03:00:00Z'), NY)).toBe('2026-11-25');
    expect(toZonedDate(new Date('2026-11-26T05:00:00Z'), NY)).toBe('2026-11-26');
    expect(toZonedDate(new Date('2026-11-26T03:00:00Z'), 'UTC')).toBe('2026-11-26');
  });

  it('follows daylight saving time', () => {
    // EDT (UTC-4) in July: 03:30Z is still the previous evening; EST (UTC-5) in January: 04:30Z too.
    expect(toZonedDateTime(new Date('2026-07-15T03:30:00Z'), NY)).toEqual({
      date: '2026-07-14',
      secondsOfDay: 23 * 3600 + 30 * 60,
    });
    expect(toZonedDateTime(new Date('2026-01-15T04:30:00Z'), NY)).toEqual({
      date: '2026-01-14',
      secondsOfDay: 23 * 3600 + 30 * 60,
    });
    expect(toZonedDateTime(new Date('2026-01-15T05:00:00Z'), NY)).toEqual({
      date: '2026-01-15',
      secondsOfDay: 0,
    });
  });

  it('refuses an unknown zone and an invalid date', () => {
    expect(() => toZonedDate(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => toZonedDate(new Date('nope'), NY)).toThrow(RangeError);
  });
});

describe('achEffectiveDate', () => {
  const base = { timeZone: NY, sameDayCutoff: '14:45', amountCents: 150_000 };

  it('settles the same day on a business day before the cut-off', () => {
    // 18:00Z = 13:00 EST on Wednesday 2026-11-25.
    expect(achEffectiveDate({ ...base, now: new Date('2026-11-25T18:00:00Z') })).toEqual({
      effectiveDate: '2026-11-25',
      sameDay: true,
    });
    expect(achEffectiveDate({ ...base, now: new Date('2026-11-25T19:44:59Z') }).sameDay).toBe(true);
  });

  it('moves to the next business day at or after the cut-off (skipping Thanksgiving)', () => {
    expect(achEffectiveDate({ ...base, now: new Date('2026-11-25T19:45:00Z') })).toEqual({
      effectiveDate: '2026-11-27',
      sameDay: false,
    });
  });

  it('reads the cut-off in the zone, not in UTC', () => {
    // 14:00 in UTC but 10:00 in New York (EDT): before a 14:45 New York cut-off.
    expect(achEffectiveDate({ ...base, now: new Date('2026-07-15T14:00:00Z') }).sameDay).toBe(true);
    expect(
      achEffectiveDate({
        ...base,
        timeZone: 'UTC',
        sameDayCutoff: '13:00',
        now: new Date('2026-07-15T14:00:00Z'),
      }).sameDay,
    ).toBe(false);
  });

  it('is the next business day on weekends and holidays', () => {
    expect(achEffectiveDate({ ...base, now: new Date('2026-11-28T15:00:00Z') })).toEqual({
      effectiveDate: '2026-11-30',
      sameDay: false,
    });
    expect(achEffectiveDate({ ...base, now: new Date('2026-11-26T15:00:00Z') })).toEqual({
      effectiveDate: '2026-11-27',
      sameDay: false,
    });
  });

  it('keeps entries above $1,000,000 off same-day ACH', () => {
    const now = new Date('2026-11-25T15:00:00Z');
    expect(achEffectiveDate({ ...base, now, amountCents: SAME_DAY_ACH_LIMIT_CENTS }).sameDay).toBe(
      true,
    );
    expect(achEffectiveDate({ ...base, now, amountCents: SAME_DAY_ACH_LIMIT_CENTS + 1 })).toEqual({
      effectiveDate: '2026-11-27',
      sameDay: false,
    });
  });

  it('refuses a malformed cut-off or amount', () => {
    const now = new Date('2026-11-25T15:00:00Z');
    expect(() => achEffectiveDate({ ...base, now, sameDayCutoff: '2:45pm' })).toThrow(RangeError);
    expect(() => achEffectiveDate({ ...base, now, sameDayCutoff: '24:00' })).toThrow(RangeError);
    expect(() => achEffectiveDate({ ...base, now, amountCents: -1 })).toThrow(RangeError);
    expect(() => achEffectiveDate({ ...base, now, amountCents: 1.5 })).toThrow(RangeError);
  });
});

describe('calendar arithmetic (no Date objects) agrees with Date and Intl', () => {
  it('walks every day from 1969 to 2101 and sampled days of years 1–9999 like Date does', () => {
    const viaDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const viaDateFull = (ms: number) => {
      const d = new Date(ms);
      return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    };
    // addBusinessDays(d, 0) round-trips a date through the day number; isBusinessDay reads its weekday.
    for (let day = -365; day <= 48_000; day += 1) {
      const date = viaDate(day * 86_400_000);
      expect(addBusinessDays(date, 0)).toBe(date);
      const weekday = new Date(day * 86_400_000).getUTCDay();
      if (weekday === 0 || weekday === 6) expect(isBusinessDay(date)).toBe(false);
    }
    // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
    const start = new Date(0);
    start.setUTCFullYear(1, 0, 1);
    for (let ms = start.getTime(); ms < Date.UTC(9999, 11, 1); ms += 86_400_000 * 997) {
      const date = viaDateFull(ms);
      expect(addBusinessDays(date, 0)).toBe(date);
      expect(isPlainDate(date)).toBe(true);
    }
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2100-02-29')).toBe(false);
    expect(isPlainDate('2000-02-29')).toBe(true);
  });

  it('reads the wall clock of instants across DST changes like Intl does', () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const intl = (instant: Date, timeZone: string) => {
      const f =
        formats.get(timeZone) ??
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
          hourCycle: 'h23',
        });
      formats.set(timeZone, f);
      const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
      return {
        date: `${p.year}-${p.month}-${p.day}`,
        secondsOfDay: Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second),
      };
    };
    for (const zone of [NY, 'Pacific/Honolulu', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']) {
      // Every 1 h 7 min 13 s through 2026 (DST starts and ends included), then around New York's changes.
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 4_033_000)
        expect(toZonedDateTime(new Date(ms), zone)).toEqual(intl(new Date(ms), zone));
    }
    for (const change of [Date.UTC(2026, 2, 8, 7), Date.UTC(2026, 10, 1, 6)])
      for (let ms = change - 3_600_000; ms < change + 3_600_000; ms += 59_999)
        expect(toZonedDateTime(new Date(ms), NY)).toEqual(intl(new Date(ms), NY));
  });
});
