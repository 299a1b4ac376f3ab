import { describe, expect, it } from '@jest/globals';
import { acceptedVersions, MAX_STREAM_VERSION, satisfies } from './expected-version.js';

describe('checking an expected stream version', () => {
  it('accepts only an empty stream for no_stream and for 0', () => {
    expect([0, 1, 5].map((v) => satisfies(v, 'no_stream'))).toEqual([true, false, false]);
    expect([0, 1, 5].map((v) => satisfies(v, 0))).toEqual([true, false, false]);
  });

  it('accepts only a non-empty stream for stream_exists', () => {
    expect([0, 1, 5].map((v) => satisfies(v, 'stream_exists'))).toEqual([false, true, true]);
  });

  it('accepts exactly the given version for a number', () => {
    expect([2, 3, 4].map((v) => satisfies(v, 3))).toEqual([false, true, false]);
  });

  it('accepts every version for any', () => {
    expect(acceptedVersions('any')).toEqual({ min: 0, max: MAX_STREAM_VERSION });
  });

  it('refuses a version that is negative, fractional or beyond the integer column', () => {
    expect(() => acceptedVersions(-1)).toThrow(RangeError);
    expect(() => acceptedVersions(1.5)).toThrow(RangeError);
    expect(() => acceptedVersions(MAX_STREAM_VERSION + 1)).toThrow(RangeError);
  });
});
