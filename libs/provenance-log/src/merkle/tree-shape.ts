// Integer geometry of RFC 6962 trees. Sizes reach 2^53, past the 32 bits of JavaScript's bitwise
// operators, so everything here uses plain arithmetic.

/** A complete, aligned subtree: at `level` k, `index` i covers leaves [i·2^k, (i+1)·2^k). */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** True when n is a natural number JavaScript represents exactly (0 ≤ n ≤ 2^53 - 1). */
export function isNaturalNumber(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

export function isPowerOfTwo(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 1 && largestPowerOfTwoAtMost(n) === n;
}

/** The largest power of two ≤ n, for n ≥ 1. */
export function largestPowerOfTwoAtMost(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/** RFC 6962's k: the largest power of two strictly below n, for n ≥ 2. */
export function largestPowerOfTwoBelow(n: number): number {
  return largestPowerOfTwoAtMost(n - 1);
}

/** The exponent of a power of two. */
export function log2OfPowerOfTwo(p: number): number {
  let level = 0;
  for (let q = p; q > 1; q /= 2) level++;
  return level;
}

/**
 * The complete subtrees that tile [start, end), left to right, largest first: the shape RFC 6962
 * gives MTH(D[start:end]) when `start` is a multiple of a power of two ≥ the range's length, as
 * every range met while building a proof is. Returns undefined for a range without that alignment.
 */
export function perfectSubtreesTiling(start: number, end: number): NodeId[] | undefined {
  const length = end - start;
  if (length < 1) return undefined;
  const span = largestPowerOfTwoAtMost(length);
  const alignment = span === length ? span : span * 2;
  if (start % alignment !== 0) return undefined;
  const tiles: NodeId[] = [];
  for (let position = start; position < end; ) {
    const width = largestPowerOfTwoAtMost(end - position);
    tiles.push({ level: log2OfPowerOfTwo(width), index: position / width });
    position += width;
  }
  return tiles;
}
