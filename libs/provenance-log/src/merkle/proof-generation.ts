import { emptyTreeRoot } from './hashing.js';
import {
  LeafIndexIsOutsideTheTree,
  NoConsistencyProofExistsBetweenTheseSizes,
  TreePositionIsNotANaturalNumber,
} from './merkle.errors.js';
import { subtreeRootHash, type PerfectSubtreeSource } from './perfect-subtrees.js';
import { isNaturalNumber, largestPowerOfTwoBelow } from './tree-shape.js';

// Each function follows the RFC 9162 recursion, reading whole subtrees from the source instead of
// leaves. Along a path at most one sibling is not a complete subtree, so a proof costs O(log n)
// lookups and O(log n) hashes whatever the size of the log.

/** MTH of the first `size` leaves (RFC 9162 §2.1.1); the empty tree's root for size 0. */
export function rootHashAt(source: PerfectSubtreeSource, size: number): Uint8Array {
  requireNatural('tree size', size);
  return size === 0 ? emptyTreeRoot() : subtreeRootHash(source, 0, size);
}

/**
 * The inclusion proof (audit path, RFC 9162 §2.1.3.1) of leaf `leafIndex` in the tree of the first
 * `treeSize` leaves, nearest sibling first. Throws `LeafIndexIsOutsideTheTree` unless
 * leafIndex < treeSize.
 */
export function inclusionProof(source: PerfectSubtreeSource, leafIndex: number, treeSize: number): Uint8Array[] {
  requireNatural('leaf index', leafIndex);
  requireNatural('tree size', treeSize);
  if (leafIndex >= treeSize) throw new LeafIndexIsOutsideTheTree(leafIndex, treeSize);
  const proof: Uint8Array[] = [];
  appendPath(source, leafIndex, 0, treeSize, proof);
  return proof;
}

function appendPath(source: PerfectSubtreeSource, leaf: number, start: number, end: number, proof: Uint8Array[]): void {
  if (end - start === 1) return;
  const split = start + largestPowerOfTwoBelow(end - start);
  if (leaf < split) {
    appendPath(source, leaf, start, split, proof);
    proof.push(subtreeRootHash(source, split, end));
  } else {
    appendPath(source, leaf, split, end, proof);
    proof.push(subtreeRootHash(source, start, split));
  }
}

/**
 * The consistency proof (RFC 9162 §2.1.4.1) that the tree of the first `size1` leaves is a prefix of
 * the tree of the first `size2`. Empty when the sizes are equal. Throws
 * `NoConsistencyProofExistsBetweenTheseSizes` unless 0 < size1 ≤ size2: a proof from the empty tree
 * proves nothing and verifiers refuse it.
 */
export function consistencyProof(source: PerfectSubtreeSource, size1: number, size2: number): Uint8Array[] {
  requireNatural('first tree size', size1);
  requireNatural('second tree size', size2);
  if (size1 === 0 || size1 > size2) throw new NoConsistencyProofExistsBetweenTheseSizes(size1, size2);
  const proof: Uint8Array[] = [];
  appendSubproof(source, size1, 0, size2, true, proof);
  return proof;
}

// SUBPROOF(m, D[start:end], b) with m counted from `start`; `isOldRoot` is b: true while the range
// is still the old tree's own root, whose hash the verifier already has.
function appendSubproof(
  source: PerfectSubtreeSource,
  m: number,
  start: number,
  end: number,
  isOldRoot: boolean,
  proof: Uint8Array[],
): void {
  if (m === end - start) {
    if (!isOldRoot) proof.push(subtreeRootHash(source, start, end));
    return;
  }
  const k = largestPowerOfTwoBelow(end - start);
  if (m <= k) {
    appendSubproof(source, m, start, start + k, isOldRoot, proof);
    proof.push(subtreeRootHash(source, start + k, end));
  } else {
    appendSubproof(source, m - k, start + k, end, false, proof);
    proof.push(subtreeRootHash(source, start, start + k));
  }
}

function requireNatural(what: string, value: number): void {
  if (!isNaturalNumber(value)) throw new TreePositionIsNotANaturalNumber(what, value);
}
