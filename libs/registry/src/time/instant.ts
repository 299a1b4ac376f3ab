/**
 * A point in time as callers hold it: a `Date`, or an RFC 3339 timestamp with a zone
 * (`2026-03-01T09:30:00Z`, `2026-03-01T10:30:00.250+01:00`). Facts store the normalised UTC form
 * `Date#toISOString()` gives; the state compares milliseconds since the epoch.
 */
export type Instant = Date | string;

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/** A time that is neither a valid `Date` nor an RFC 3339 timestamp with a zone. */
export class InstantIsMalformed extends Error {
  constructor(readonly value: unknown) {
    super(`Not a valid point in time: ${JSON.stringify(value instanceof Date ? String(value) : value)}`);
    this.name = 'InstantIsMalformed';
  }
}

/** Milliseconds since the epoch, or undefined for anything that is not a valid instant. */
export function epochMillisOf(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value !== 'string' || !RFC_3339.test(value)) return undefined;
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
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
