/**
 * A point in time as callers hold it: a `Date`, or an RFC 3339 timestamp with a zone
 * (`2026-03-01T09:30:00Z`, `2026-03-01T10:30:00.250+01:00`). Facts store the normalised UTC form
 * `Date#toISOString()` gives; the state compares milliseconds since the epoch. Only instants of the
 * years 0001 to 9999 in UTC are valid: outside them `toISOString()` writes a six-digit year with a sign,
 * which no RFC 3339 timestamp (and so no public event) may hold.
 */
export type Instant = Date | string;

const RFC_3339 =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?:\.\d{1,9})?(?:Z|(?<sign>[+-])(?<offsetHour>\d{2}):(?<offsetMinute>\d{2}))$/i;
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** A time that is neither a valid `Date` nor an RFC 3339 timestamp with a zone of a real date and time of the years 0001 to 9999 in UTC. */
export class InstantIsMalformed extends Error {
  constructor(readonly value: unknown) {
    super(`Not a valid point in time: ${JSON.stringify(value instanceof Date ? String(value) : value)}`);
    this.name = 'InstantIsMalformed';
  }
}

/**
 * Milliseconds since the epoch, or undefined for anything that is not a valid instant: not a `Date`
 * or an RFC 3339 timestamp with a zone, a timestamp naming a date or time that does not exist
 * (`2030-02-30T00:00:00Z`, `T24:00:00`), or an instant outside the years 0001 to 9999 once in UTC (so
 * `0000-01-01T00:00:00+01:00` and `9999-12-31T23:59:59-23:59`, which are RFC 3339, are not valid).
 * Public events' timestamps have their own check in `@wildlife/contracts` (`recordableInstantProblem`),
 * which the registry, independent of the contracts, does not import; every instant this accepts
 * normalises (`isoOf`) to a timestamp that check accepts.
 */
export function epochMillisOf(value: unknown): number | undefined {
  const millis = value instanceof Date ? value.getTime() : millisOfTimestamp(value);
  // NaN (an invalid Date) fails both comparisons.
  return millis !== undefined && millis >= EARLIEST && millis <= LATEST ? millis : undefined;
}

/**
 * The timestamp's milliseconds, provided its date and time exist. `Date.parse` rolls a day or an hour
 * that does not (30 February, 24:00) over into the next one, so the fields written must read back
 * unchanged from the parsed instant, in the timestamp's own offset.
 */
function millisOfTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  // The same record time is read several times in a row (its key, its accreditation, its source): pure, so the last answer is kept.
  if (value === lastTimestamp.text) return lastTimestamp.millis;
  const millis = checkedMillisOf(value);
  lastTimestamp = { text: value, millis };
  return millis;
}

let lastTimestamp: { readonly text: string | undefined; readonly millis: number | undefined } = { text: undefined, millis: undefined };

function checkedMillisOf(value: string): number | undefined {
  const fields = RFC_3339.exec(value)?.groups;
  if (fields === undefined) return undefined;
  const millis = Date.parse(value);
  const offsetMinutes = (fields.sign === '-' ? -1 : 1) * (Number(fields.offsetHour ?? 0) * 60 + Number(fields.offsetMinute ?? 0));
  const local = new Date(millis + offsetMinutes * 60_000);
  const readBack = [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()];
  const written = [fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second].map(Number);
  return readBack.every((field, index) => field === written[index]) ? millis : undefined;
}

/** Milliseconds since the epoch. Throws only `InstantIsMalformed`. */
export function toEpochMillis(value: Instant): number {
  const millis = epochMillisOf(value);
  if (millis === undefined) throw new InstantIsMalformed(value);
  return millis;
}

/** The normalised UTC form stored in facts (`2026-03-01T09:30:00.000Z`). */
export function isoOf(millis: number): string {
  // An accreditation's terms are written out for every record it makes official: the few recent answers are kept.
  let iso = recentIsoForms.get(millis);
  if (iso === undefined) {
    iso = new Date(millis).toISOString();
    if (recentIsoForms.size >= RECENT_ISO_FORMS) recentIsoForms.clear();
    recentIsoForms.set(millis, iso);
  }
  return iso;
}

const RECENT_ISO_FORMS = 64;
const recentIsoForms = new Map<number, string>();
