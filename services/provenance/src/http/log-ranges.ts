import { ProblemError } from '@wildlife/service-kit';

/** Most entries one `GET /v1/log/entries` returns; a longer range is answered with its first page. */
export const MAX_ENTRIES_PER_PAGE = 1_000;

/**
 * Most leaf bytes one `GET /v1/log/entries` returns (and always one entry, however large): an entry
 * may be up to MAX_ENTRY_BYTES (about 1 MB), so a thousand of them would be a gigabyte of JSON,
 * past V8's longest string. 4 MiB is a thousand entries of typical size (a few kB), and about
 * 5.6 MB of JSON once base64-encoded; a page cut short says where the next one starts.
 */
export const MAX_PAGE_LEAF_BYTES = 4 * 1024 * 1024;

const outOfRange = (detail: string, size: number) =>
  new ProblemError(400, 'log-range-invalid', 'Bad Request', detail, { treeSize: size });

/** Entries `[start, end)` of a log of `size`: at most a page of them. Throws 400 when outside the log. */
export function entryPage(start: number, end: number, size: number): { start: number; end: number } {
  if (start >= end) throw outOfRange(`The range [${start}, ${end}) is empty: start must be below end.`, size);
  if (end > size) throw outOfRange(`The range [${start}, ${end}) goes beyond the log, which holds ${size} entries.`, size);
  return { start, end: Math.min(end, start + MAX_ENTRIES_PER_PAGE) };
}

/** Throws 400 unless leaf `index` is in the tree of `treeSize` and that tree is in the log. */
export function checkInclusionRange(index: number, treeSize: number, size: number): void {
  if (treeSize > size) throw outOfRange(`Tree size ${treeSize} is beyond the log, which holds ${size} entries.`, size);
  if (index >= treeSize) throw outOfRange(`Index ${index} is not in a tree of size ${treeSize}.`, size);
}

/** Throws 400 unless 0 < first <= second <= size (RFC 9162 has no proof from the empty tree). */
export function checkConsistencyRange(first: number, second: number, size: number): void {
  if (first > second) throw outOfRange(`The first size ${first} is larger than the second ${second}.`, size);
  if (second > size) throw outOfRange(`Tree size ${second} is beyond the log, which holds ${size} entries.`, size);
  if (first === 0) throw outOfRange('No consistency proof exists from the empty tree: the first size must be at least 1.', size);
}
