/**
 * A point in time as callers hold it: a `Date`, or an RFC 3339 timestamp with a zone
 * (`2026-03-01T09:30:00Z`, `2026-03-01T10:30:00.250+01:00`). Facts store the normalised UTC form
 * `Date#toISOString()` gives; the state compares milliseconds since the epoch. Only instants of the
 * years 0001 to 9999 in UTC are valid: outside them `toISOString()` writes a six-digit year with a sign,
 * which no RFC 3339 timestamp (and so no public event) may hold.
 */
export type Instant = Date | string;

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** A time that is neither a valid `Date` nor an RFC 3339 timestamp with a zone, or one outside the years 0001 to 9999 in UTC. */
export class InstantIsMalformed extends Error {
  constructor(readonly value: unknown) {
    super(`Not a valid point in time: ${JSON.stringify(value instanceof Date ? String(value) : value)}`);
    this.name = 'InstantIsMalformed';
  }
}

/**
 * Milliseconds since the epoch, or undefined for anything that is not a valid instant: not a `Date`
 * or an RFC 3339 timestamp with a zone, or outside the years 0001 to 9999 once in UTC (so
 * `0000-01-01T00:00:00+01:00` and `9999-12-31T23:59:59-23:59`, which are RFC 3339, are not valid).
 */
export function epochMillisOf(value: unknown): number | undefined {
  const millis = value instanceof Date ? value.getTime() : millisOfTimestamp(value);
  // NaN (an invalid Date) fails both comparisons.
  return millis !== undefined && millis >= EARLIEST && millis <= LATEST ? millis : undefined;
}

function millisOfTimestamp(value: unknown): number | undefined {
  return typeof value === 'string' && RFC_3339.test(value) ? Date.parse(value) : undefined;
}

/** Milliseconds since the epoch. Throws only `InstantIsMalformed`. */
export function toEpochMillis(value: Instant): number {
  const millis = epochMillisOf(value);
  if (millis === undefined) throw new InstantIsMalformed(value);
  return millis;
}

/** The normalised UTC form stored in facts (`2026-03-01T09:30:00.000Z`). */
export function isoOf(millis: number): string {
  return new Date(millis).toISOString();
}
