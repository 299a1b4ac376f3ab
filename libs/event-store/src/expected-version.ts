import type { ExpectedVersion } from './event.types.js';

/** Largest stream position PostgreSQL's integer column can hold. */
export const MAX_STREAM_VERSION = 2_147_483_647;

/**
 * The inclusive range of current stream versions that satisfies an expectation, so one SQL comparison
 * (`version BETWEEN min AND max`) checks every kind.
 */
export function acceptedVersions(expected: ExpectedVersion): { min: number; max: number } {
  switch (expected) {
    case 'any':
      return { min: 0, max: MAX_STREAM_VERSION };
    case 'no_stream':
      return { min: 0, max: 0 };
    case 'stream_exists':
      return { min: 1, max: MAX_STREAM_VERSION };
    default:
      if (!Number.isInteger(expected) || expected < 0 || expected > MAX_STREAM_VERSION) {
        throw new RangeError(`expected version must be an integer from 0 to ${MAX_STREAM_VERSION}, got ${expected}`);
      }
      return { min: expected, max: expected };
  }
}

/** Whether a stream at `version` satisfies `expected`. */
export function satisfies(version: number, expected: ExpectedVersion): boolean {
  const { min, max } = acceptedVersions(expected);
  return version >= min && version <= max;
}
