import { nodeHash } from './hashing.js';
import { perfectSubtreesTiling, type NodeId } from './tree-shape.js';

/**
 * Where proof generation reads the tree from: the hashes of complete, aligned subtrees (level 0 =
 * leaf hashes; level k, index i = MTH of leaves [i·2^k, (i+1)·2^k)). Such a hash never changes once
 * the log holds all its leaves, so it can be stored insert-only beside the entries, cached, or kept
 * in memory (`MerkleTree`). Any root or proof for a size n needs O(log n) of them.
 */
export interface PerfectSubtreeSource {
  /**
   * The hash of the complete subtree at (level, index). Throws `SubtreeHashIsMissing` when the source
   * does not hold it. The returned array is the caller's: mutating it must not alter the source.
   */
  perfectSubtreeHash(level: number, index: number): Uint8Array;
}

/** A complete subtree's position and hash: the row a store keeps. */
export interface StoredNode extends NodeId {
  readonly hash: Uint8Array;
}

/**
 * MTH(D[start:end]) per RFC 9162 §2.1.1, folded right to left from the complete subtrees that tile
 * the range: O(log n) lookups and hashes. The range must have the alignment every range in RFC 6962
 * proofs has (start a multiple of a power of two ≥ its length); anything else is a programming error.
 */
export function subtreeRootHash(source: PerfectSubtreeSource, start: number, end: number): Uint8Array {
  const tiles = perfectSubtreesTiling(start, end);
  if (tiles === undefined) throw new RangeError(`[${start}, ${end}) is not a subtree of an RFC 6962 tree`);
  let hash = source.perfectSubtreeHash(tiles[tiles.length - 1]!.level, tiles[tiles.length - 1]!.index);
  for (let i = tiles.length - 2; i >= 0; i--) {
    hash = nodeHash(source.perfectSubtreeHash(tiles[i]!.level, tiles[i]!.index), hash);
  }
  return hash;
}
