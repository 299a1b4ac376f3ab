// The one check of a point in time that a record will hold: the contracts' `date-time` format, and
// any other reader of RFC 3339 text that stores or computes with it (list cursors, the registry's
// instants). A time passes only if PostgreSQL's timestamptz stores it as the instant it names and
// JavaScript's Date reads it back: otherwise an event carrying it is accepted by its contract, then
// refused by every insert (SQLSTATE 22008/22009), or stored and then unreadable, for good.

/**
 * RFC 3339 §5.6 `date-time`: a `T` (or `t`, or the space its note allows) between date and time, a
 * fraction of any length, and `Z` or a `±HH:MM` offset. Not ajv's wider reading (any whitespace
 * between, `±HH` or `±HHMM` offsets), parts of which PostgreSQL (U+00A0) or Date (`+05`) refuse.
 */
const RFC_3339_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** PostgreSQL takes UTC offsets up to 15:59 either way (its TZDISP_LIMIT). */
const OFFSET_LIMIT_MINUTES = 15 * 60 + 59;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Milliseconds since the epoch of a UTC calendar time; any year (Date.UTC reads 0–99 as 1900–1999). */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

const yearOf = (millis: number) => new Date(millis).getUTCFullYear();

type Reading = { readonly millis: number } | { readonly problem: string };

function read(text: string): Reading {
  const parts = RFC_3339_DATE_TIME.exec(text);
  if (parts === null) return { problem: 'is not an RFC 3339 date-time with a time zone (2025-03-14T14:31:02Z, 2025-03-14T15:31:02.250+01:00)' };
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const fraction = parts[7] ?? '';
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) {
    return { problem: 'names a calendar date that does not exist' };
  }
  if (second === 60) return { problem: 'is a leap second (second 60), which neither PostgreSQL nor JavaScript holds as written' };
  if (hour > 23 || minute > 59 || second > 59) return { problem: 'names a time of day that does not exist' };
  const offsetSign = parts[8] === '-' ? -1 : 1;
  const offsetMinutes = parts[8] === undefined ? 0 : Number(parts[9]) * 60 + Number(parts[10]);
  if (Number(parts[10]) > 59) return { problem: 'has a UTC offset that does not exist (minutes over 59)' };
  if (offsetMinutes > OFFSET_LIMIT_MINUTES) return { problem: 'has a UTC offset beyond ±15:59, the widest PostgreSQL takes' };

  // JavaScript keeps milliseconds (the rest is cut off); PostgreSQL rounds to microseconds, which can
  // carry into the next second: the range check takes the later of the two.
  const millis = utcMillis(year, month, day, hour, minute - offsetSign * offsetMinutes, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  const storedMillis = /^9{6}[5-9]/.test(fraction) ? millis - (millis % 1000 + 1000) % 1000 + 1000 : millis;
  if (year < 1 || yearOf(millis) < 1 || yearOf(storedMillis) > 9999) return { problem: 'falls outside the years 0001 to 9999 (UTC)' };
  return { millis };
}

/**
 * Why `text` is not a time a record can hold, or undefined when it is one. It must be an RFC 3339
 * date-time with a time zone (see RFC_3339_DATE_TIME) naming a date and time that exist (no Feb 30,
 * no second 60: PostgreSQL would store a leap second as the next minute, and Date refuses it), with
 * an offset within ±15:59, at an instant whose UTC year is 0001–9999, and written in one of those
 * years (PostgreSQL refuses year 0 at any offset,
 * writes years before 1 as BC and after 9999 with five digits, neither of which Date reads back).
 * Every `Date#toISOString()` of a year 0001–9999 passes.
 */
export function recordableInstantProblem(text: string): string | undefined {
  const reading = read(text);
  return 'problem' in reading ? reading.problem : undefined;
}

/** True when `value` is text `recordableInstantProblem` finds nothing wrong with. */
export function isRecordableInstant(value: unknown): value is string {
  return typeof value === 'string' && 'millis' in read(value);
}

/**
 * Milliseconds since the epoch of a time a record can hold (the fraction cut to milliseconds, as
 * Date does), or undefined for anything else: for code that computes with times it then stores.
 */
export function recordableInstantMillis(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const reading = read(value);
  return 'millis' in reading ? reading.millis : undefined;
}
