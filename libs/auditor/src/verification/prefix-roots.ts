/** The root of the log's first `size` entries, as the auditor computed it from their bytes. */
export interface PrefixRoot {
  readonly size: number;
  readonly rootHash: Uint8Array;
}

/**
 * About `count` sizes spread evenly over (from, to], ascending, without repeats, always ending with
 * `to`: where an audit records prefix roots so that a later fault can be narrowed down to one of
 * `count` slices without holding anything per entry.
 */
export function evenlySpacedSizes(from: number, to: number, count: number): number[] {
  const sizes = new Set<number>();
  const span = to - from;
  for (let i = 1; i <= count; i++) sizes.add(from + Math.ceil((span * i) / count));
  return [...sizes].filter((size) => size > from && size <= to).sort((a, b) => a - b);
}
