import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '@wildlife/service-kit';
import { assertIfMatchHolds, readIfMatch, requireIfMatch } from './if-match.precondition.js';

const statusOf = (run: () => unknown): number | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as ProblemError).status;
  }
};

describe('If-Match on a decision', () => {
  it.each([
    [undefined, 428],
    ['', 428],
    ['*', 428],
    ['3', 400],
    ['"3', 400],
    ['"3", 4', 400],
    // Only SP and HTAB are whitespace around a tag, as for the signature that covers the field.
    ['\u00a0"3"', 400],
    ['"3",\u000c"4"', 400],
  ])('refuses %p where a version is required with %p', (field, status) => {
    expect(statusOf(() => requireIfMatch(field))).toBe(status);
  });

  it('is optional where the decision does not require it', () => {
    expect(readIfMatch(undefined)).toBeUndefined();
    expect(readIfMatch('*')).toBeUndefined();
    expect(statusOf(() => readIfMatch('3'))).toBe(400);
  });

  it.each([
    ['"4"', 4],
    ['"3", "4"', 4],
    [['"2"', '"4"'], 4],
    [' \t"3",\t"4" ', 4],
  ])('holds when %p names the current version %p', (field, version) => {
    expect(() => assertIfMatchHolds(requireIfMatch(field), version)).not.toThrow();
  });

  it.each([
    ['"3"', 4],
    ['W/"4"', 4],
    ['"abc"', 4],
  ])('fails with 412 when %p does not name the current version %p by strong comparison', (field, version) => {
    let failure: ProblemError | undefined;
    try {
      assertIfMatchHolds(requireIfMatch(field), version);
    } catch (error) {
      failure = error as ProblemError;
    }
    expect(failure).toBeInstanceOf(ProblemError);
    expect(failure).toMatchObject({ status: 412, extensions: { currentVersion: version }, headers: { etag: `"${version}"` } });
  });
});
