/**
 * Business days on the US Federal Reserve calendar, used for review deadlines and ACH effective dates.
 *
 * Dates are plain calendar dates written `YYYY-MM-DD` (no time, no zone): a deadline or an effective date is
 * a day in the agency's time zone, not an instant. Internally a date is handled as a count of days since
 * 1970-01-01 so that arithmetic never meets daylight-saving shifts.
 *
 * The holiday list is computed from the rules in 5 U.S.C. 6103 as the Federal Reserve applies them, so it works
 * for any year without a table that someone must remember to extend.
 */

/** A calendar date written `YYYY-MM-DD`. */
export type PlainDate = string;

export type FederalReserveHolidayName =
  | "New Year's Day"
  | 'Birthday of Martin Luther King, Jr.'
  | "Washington's Birthday"
  | 'Memorial Day'
  | 'Juneteenth National Independence Day'
  | 'Independence Day'
  | 'Labor Day'
  | 'Columbus Day'
  | 'Veterans Day'
  | 'Thanksgiving Day'
  | 'Christmas Day';

export interface FederalReserveHoliday {
  name: FederalReserveHolidayName;
  /** The holiday's own date. */
  date: PlainDate;
  /**
   * The weekday the Federal Reserve is closed for it: the date itself, the Monday after when it falls on a
   * Sunday, or null when it falls on a Saturday (the Federal Reserve stays open on the Friday before).
   */
  observedDate: PlainDate | null;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Juneteenth became a federal holiday on 2021-06-17; the Federal Reserve stayed open on 2021-06-18 and first
// closed for it in 2022.
const FIRST_JUNETEENTH_CLOSURE_YEAR = 2022;

// Year 0–9999 keeps `YYYY-MM-DD` four digits wide, which every caller (and string comparison) relies on.
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (so `2026-02-30` is false). */
export function isPlainDate(value: unknown): value is PlainDate {
  if (typeof value !== 'string') return false;
  const match = PLAIN_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

// The conversions below are arithmetic on the proleptic Gregorian calendar (the one Date uses), not Date objects
// and string splits: every estimate on an inbox or "my requests" page walks and counts business days, and the Date
// round trips were a measurable share of the API's CPU under load (bench/api).
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** Days since 1970-01-01 of a valid y-m-d (days_from_civil, H. Hinnant's public-domain algorithm). */
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The y-m-d of a day number (civil_from_days), the inverse of dayNumberOf. */
function civilOf(dayNumber: number): [year: number, month: number, day: number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function toDayNumber(date: PlainDate): number {
  if (!isPlainDate(date))
    throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The year of a day number, or a RangeError outside the years a PlainDate can be written in. */
function yearOf(dayNumber: number): number {
  const year = civilOf(dayNumber)[0];
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`Date out of the supported range: year ${year}`);
  return year;
}

function fromDayNumber(dayNumber: number): PlainDate {
  const [year, month, day] = civilOf(dayNumber);
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new RangeError(`Date out of the supported range: year ${year}`);
  return dateOf(year, month, day);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 (day 0) was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function dateOf(year: number, month: number, day: number): PlainDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** The `nth` (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): PlainDate {
  const first = toDayNumber(dateOf(year, month, 1));
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return fromDayNumber(first + offset + (nth - 1) * 7);
}

function lastWeekday(year: number, month: number, weekday: number): PlainDate {
  const last = toDayNumber(dateOf(year, month, daysInMonth(year, month)));
  const offset = (weekdayOf(last) - weekday + 7) % 7;
  return fromDayNumber(last - offset);
}

const MONDAY = 1;
const THURSDAY = 4;

const holidayCache = new Map<number, readonly FederalReserveHoliday[]>();

/** Every Federal Reserve holiday of `year`, in date order, with the weekday (if any) the Fed is closed for it. */
export function federalReserveHolidays(year: number): readonly FederalReserveHoliday[] {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Year must be an integer from ${MIN_YEAR} to ${MAX_YEAR}: ${year}`);
  }
  const cached = holidayCache.get(year);
  if (cached) return cached;

  const dates: Array<[FederalReserveHolidayName, PlainDate]> = [
    ["New Year's Day", dateOf(year, 1, 1)],
    ['Birthday of Martin Luther King, Jr.', nthWeekday(year, 1, MONDAY, 3)],
    ["Washington's Birthday", nthWeekday(year, 2, MONDAY, 3)],
    ['Memorial Day', lastWeekday(year, 5, MONDAY)],
    ...(year >= FIRST_JUNETEENTH_CLOSURE_YEAR
      ? ([['Juneteenth National Independence Day', dateOf(year, 6, 19)]] as Array<
          [FederalReserveHolidayName, PlainDate]
        >)
      : []),
    ['Independence Day', dateOf(year, 7, 4)],
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day', nthWeekday(year, 10, MONDAY, 2)],
    ['Veterans Day', dateOf(year, 11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ['Christmas Day', dateOf(year, 12, 25)],
  ];

  const holidays = dates.map(([name, date]): FederalReserveHoliday => {
    const dayNumber = toDayNumber(date);
    const weekday = weekdayOf(dayNumber);
    // Sunday holidays close the Fed on Monday; Saturday holidays close nothing (the Fed, unlike federal
    // offices, does not close on the Friday before). A January 1 Sunday moves to January 2, so an observed
    // date never leaves its year.
    const observedDate = weekday === 0 ? fromDayNumber(dayNumber + 1) : weekday === 6 ? null : date;
    return Object.freeze({ name, date, observedDate });
  });
  const frozen = Object.freeze(holidays);
  holidayCache.set(year, frozen);
  return frozen;
}

/** The weekdays of `year` on which the Federal Reserve is closed for a holiday, in order. */
export function observedFederalReserveHolidays(year: number): PlainDate[] {
  return federalReserveHolidays(year).flatMap((h) => (h.observedDate ? [h.observedDate] : []));
}

/**
 * The holiday that `date` is (its own date, including Saturday holidays) or is observed for (the Monday after
 * a Sunday holiday); null otherwise.
 */
export function federalReserveHolidayOn(date: PlainDate): FederalReserveHoliday | null {
  const year = Number(date.slice(0, 4));
  toDayNumber(date); // validates
  return (
    federalReserveHolidays(year).find((h) => h.date === date || h.observedDate === date) ?? null
  );
}

/**
 * True when `date` is a Federal Reserve holiday or the weekday it is observed on. A Saturday holiday is a
 * holiday here but causes no weekday closure, so it never moves a business day.
 */
export function isFederalReserveHoliday(date: PlainDate): boolean {
  return federalReserveHolidayOn(date) !== null;
}

/** True when the Federal Reserve (and so ACH) settles on `date`: a weekday that is not an observed holiday. */
export function isBusinessDay(date: PlainDate): boolean {
  return isBusinessDayNumber(toDayNumber(date));
}

function isBusinessDayNumber(day: number): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  return !observedHolidayDays(yearOf(day)).has(day);
}

// A year's holidays are the same every time they are asked for: an import of 100,000 requests asks for them about a
// million times (every day a review deadline counts), so each year is worked out once.
const observedByYear = new Map<number, ReadonlySet<number>>();
/** The day numbers of `year`'s observed holidays (each a weekday). */
function observedHolidayDays(year: number): ReadonlySet<number> {
  let set = observedByYear.get(year);
  if (set === undefined)
    observedByYear.set(
      year,
      (set = new Set(observedFederalReserveHolidays(year).map((d) => toDayNumber(d)))),
    );
  return set;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: PlainDate): PlainDate {
  return addBusinessDays(date, 1);
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: PlainDate): PlainDate {
  return addBusinessDays(date, -1);
}

/**
 * The date `n` business days after `date` (before it when `n` is negative); the start date itself is never
 * counted, so a Saturday plus 1 is the Monday. `n = 0` returns `date` unchanged.
 */
export function addBusinessDays(date: PlainDate, n: number): PlainDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Business days must be an integer: ${n}`);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (isBusinessDayNumber(day)) remaining -= 1;
  }
  return fromDayNumber(day);
}

/**
 * The number of business days after `a` up to and including `b` (negative, the same count, when `b` is before
 * `a`). So `businessDaysBetween(a, addBusinessDays(a, n)) === n` for every `n >= 0`, and for negative `n` when
 * `a` is itself a business day; "3 business days left" reads straight off it.
 */
export function businessDaysBetween(a: PlainDate, b: PlainDate): number {
  const start = toDayNumber(a);
  const end = toDayNumber(b);
  if (end < start) return -businessDaysBetween(b, a);
  // Counted, not walked: an exceptions page asks the age of 50 items up to years old, and a walk of every day
  // between (a date string and a holiday lookup each) cost more than the query behind the page.
  return weekdaysAfter(start, end) - holidaysAfter(start, end);
}

/** The weekdays (Monday to Friday) after day `start` up to and including day `end`. */
function weekdaysAfter(start: number, end: number): number {
  const days = end - start;
  let count = Math.floor(days / 7) * 5;
  for (let day = start + Math.floor(days / 7) * 7 + 1; day <= end; day += 1) {
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** The observed holidays on a weekday after day `start` up to and including day `end`. */
function holidaysAfter(start: number, end: number): number {
  const first = yearOf(start);
  const last = yearOf(end);
  let count = 0;
  for (let year = first; year <= last; year += 1) {
    for (const day of observedHolidayDays(year)) {
      const weekday = weekdayOf(day);
      if (day > start && day <= end && weekday !== 0 && weekday !== 6) count += 1;
    }
  }
  return count;
}

// Intl.DateTimeFormat is costly to build; one per time zone is reused.
const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

function zonedFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = zonedFormatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown time zone, which is what a misconfiguration should do.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'iso8601',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    zonedFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedDateTime {
  date: PlainDate;
  /** Seconds since local midnight in the zone. */
  secondsOfDay: number;
}

// A zone's offset from UTC at an hour, worked out once: formatToParts costs microseconds and every request's estimates
// ask for "today" in the agency's zone. An hour is cached only when the offset is the same at its first and last
// millisecond (no zone changes its offset twice within an hour); the hour of a change is worked out every time.
const offsetsByHour = new Map<string, number>();
const MS_PER_HOUR = 3_600_000;

function zoneOffsetAt(instant: number, timeZone: string): number {
  const hour = Math.floor(instant / MS_PER_HOUR);
  const key = `${timeZone} ${hour}`;
  const cached = offsetsByHour.get(key);
  if (cached !== undefined) return cached;
  const first = zoneOffsetMs(hour * MS_PER_HOUR, timeZone);
  const last = zoneOffsetMs(hour * MS_PER_HOUR + MS_PER_HOUR - 1, timeZone);
  if (first !== last) return zoneOffsetMs(instant, timeZone);
  if (offsetsByHour.size >= 50_000) offsetsByHour.clear();
  offsetsByHour.set(key, first);
  return first;
}

/** The wall-clock date and time of `instant` in `timeZone` (an IANA name such as `America/New_York`). */
export function toZonedDateTime(instant: Date, timeZone: string): ZonedDateTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  // Whole seconds, as the formatter shows them.
  const wall = Math.floor(ms / 1000) * 1000 + zoneOffsetAt(ms, timeZone);
  const day = Math.floor(wall / MS_PER_DAY);
  const [year, month, dayOfMonth] = civilOf(day);
  return {
    date: dateOf(year, month, dayOfMonth),
    secondsOfDay: (wall - day * MS_PER_DAY) / 1000,
  };
}

/** UTC offset (ms) of a time zone at an instant, from Intl (no tz database of our own). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of zonedFormatter(timeZone).formatToParts(new Date(instant)))
    parts[part.type] = part.value;
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// The zone's rules do not change while the process runs, and each answer costs two Intl formatToParts calls: the
// deadlines of an import's 100,000 requests fall on a few hundred distinct days.
const startsOfDays = new Map<string, number>();

/**
 * The instant a calendar day starts in `timeZone`, `addDays` later (offset re-read at the result, so DST days come
 * out right): `startOfZonedDay(d, tz, 1)` is the end of day `d` as a half-open bound.
 */
export function startOfZonedDay(date: PlainDate, timeZone: string, addDays = 0): Date {
  const key = `${timeZone} ${date} ${addDays}`;
  let ms = startsOfDays.get(key);
  if (ms === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    const wall = Date.UTC(y!, m! - 1, d! + addDays);
    const guess = wall - zoneOffsetMs(wall, timeZone);
    ms = wall - zoneOffsetMs(guess, timeZone);
    // Bounded: a long-running server sees a few thousand distinct days; an import of years of history a few more.
    if (startsOfDays.size >= 50_000) startsOfDays.clear();
    startsOfDays.set(key, ms);
  }
  return new Date(ms);
}

/** The calendar date of `instant` in `timeZone`, e.g. `2026-11-25` for 2026-11-26T03:00Z in New York. */
export function toZonedDate(instant: Date, timeZone: string): PlainDate {
  return toZonedDateTime(instant, timeZone).date;
}

/** Same-day ACH entries are limited to $1,000,000 each (Nacha rule since March 2022). */
export const SAME_DAY_ACH_LIMIT_CENTS = 100_000_000;

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface AchEffectiveDateInput {
  now: Date;
  /** The originator's zone, in which the cut-off and business days are read. */
  timeZone: string;
  /** Latest wall-clock time (`HH:MM`, 24-hour) a file can be released for same-day settlement. */
  sameDayCutoff: string;
  amountCents: number;
}

export interface AchEffectiveDate {
  effectiveDate: PlainDate;
  sameDay: boolean;
}

/**
 * The settlement date to write into a batch released at `now`: today when today is a business day, the clock
 * is strictly before the cut-off and the entry is within the same-day limit; otherwise the next business day.
 */
export function achEffectiveDate({
  now,
  timeZone,
  sameDayCutoff,
  amountCents,
}: AchEffectiveDateInput): AchEffectiveDate {
  const cutoff = CUTOFF.exec(sameDayCutoff);
  if (!cutoff)
    throw new RangeError(
      `Same-day cut-off must be HH:MM (24-hour): ${JSON.stringify(sameDayCutoff)}`,
    );
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new RangeError(`Amount must be a non-negative whole number of cents: ${amountCents}`);
  }
  const cutoffSeconds = Number(cutoff[1]) * 3600 + Number(cutoff[2]) * 60;
  const { date, secondsOfDay } = toZonedDateTime(now, timeZone);
  const sameDay =
    isBusinessDay(date) && secondsOfDay < cutoffSeconds && amountCents <= SAME_DAY_ACH_LIMIT_CENTS;
  return { effectiveDate: sameDay ? date : nextBusinessDay(date), sameDay };
}
