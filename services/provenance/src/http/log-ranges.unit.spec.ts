import { describe, expect, it } from '@jest/globals';
import { ProblemError } from '@wildlife/service-kit';
import { checkConsistencyRange, checkInclusionRange, entryPage, MAX_ENTRIES_PER_PAGE } from './log-ranges.js';

const statusOf = (check: () => unknown) => {
  try {
    check();
    return 'accepted';
  } catch (error) {
    return (error as ProblemError).status;
  }
};

describe('log ranges', () => {
  it('answers an entry range with at most one page of it, inside the log', () => {
    expect(entryPage(2, 5, 5)).toEqual({ start: 2, end: 5 });
    expect(entryPage(0, 5_000, 5_000)).toEqual({ start: 0, end: MAX_ENTRIES_PER_PAGE });
    expect([statusOf(() => entryPage(3, 3, 5)), statusOf(() => entryPage(0, 6, 5))]).toEqual([400, 400]);
  });

  it('refuses an inclusion proof for an index or size beyond the tree', () => {
    expect(statusOf(() => checkInclusionRange(4, 5, 5))).toBe('accepted');
    expect([statusOf(() => checkInclusionRange(5, 5, 5)), statusOf(() => checkInclusionRange(0, 6, 5))]).toEqual([400, 400]);
  });

  it('refuses a consistency proof from a larger size, beyond the log, or from the empty tree', () => {
    expect([statusOf(() => checkConsistencyRange(3, 3, 5)), statusOf(() => checkConsistencyRange(1, 5, 5))]).toEqual(['accepted', 'accepted']);
    expect([4, 6, 0].map((first, i) => statusOf(() => checkConsistencyRange(first, [3, 6, 2][i]!, 5)))).toEqual([400, 400, 400]);
  });
});
