import { CompactRange, ConsistencyProofDoesNotVerify, leafHash, sameHash, verifyConsistency, type Checkpoint } from '@wildlife/provenance-log';
import type { LeafRecord } from './leaf-record.js';
import { evenlySpacedSizes, type PrefixRoot } from './prefix-roots.js';

/** What narrowing a root mismatch down needs from the log: its entries again, and its consistency proofs. */
export interface ChangeLocator {
  entries(start: number, end: number): AsyncIterable<LeafRecord>;
  consistencyProof(size1: number, size2: number): Promise<readonly Uint8Array[]>;
}

/** Where the change is: every entry before `index` is proven unchanged; `index` itself is not. */
export interface LocatedChange {
  readonly index: number;
  /** Set when the search had to stop early: the change lies in [index, end). */
  readonly end?: number;
}

const SLICES = 64;

/**
 * Whether the log's first `root.size` entries are the ones the checkpoint commits to: the log's
 * consistency proof from that size to the checkpoint's verifies with the auditor's own root over
 * them and the signed root. A proof cannot be forged for another prefix.
 */
export async function provenPrefix(consistencyProof: ChangeLocator['consistencyProof'], checkpoint: Checkpoint, root: PrefixRoot): Promise<boolean> {
  if (root.size === 0) return true;
  if (root.size === checkpoint.size) return sameHash(root.rootHash, checkpoint.rootHash);
  try {
    const proof = await consistencyProof(root.size, checkpoint.size);
    verifyConsistency({ size1: root.size, root1: root.rootHash, size2: checkpoint.size, root2: checkpoint.rootHash, proof });
    return true;
  } catch (error) {
    if (error instanceof ConsistencyProofDoesNotVerify) return false;
    throw error;
  }
}

/**
 * Finds the first entry that changed when the entries hash to another root than the signed
 * checkpoint's (or, with `unprovenSize`, when the first `unprovenSize` entries already cannot be
 * proven: the search stays below it). A prefix is proven unchanged by `provenPrefix`. Bisecting
 * over the prefix roots recorded in the first pass, then over `SLICES` roots per further pass over
 * the entries up to the slice found, it names the first entry whose prefix cannot be proven, in
 * O(log n) proofs and a few passes that hash only. A log whose proofs are wrong too gets an earlier
 * index, never a later one: entries before the index named are proven.
 */
export async function locateChange(locator: ChangeLocator, checkpoint: Checkpoint, recorded: readonly PrefixRoot[], unprovenSize = checkpoint.size): Promise<LocatedChange> {
  const proven = (root: PrefixRoot) => provenPrefix((size1, size2) => locator.consistencyProof(size1, size2), checkpoint, root);
  let from = 0;
  let to = unprovenSize;
  let roots = recorded.filter((root) => root.size > from && root.size < to);
  try {
    for (;;) {
      let low = 0;
      let high = roots.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (await proven(roots[middle]!)) low = middle + 1;
        else high = middle;
      }
      from = low > 0 ? roots[low - 1]!.size : from;
      to = high < roots.length ? roots[high]!.size : to;
      if (to - from <= 1) return { index: from };
      roots = await prefixRootsAt(locator, evenlySpacedSizes(from, to - 1, SLICES), to);
      if (roots.length === 0) return { index: from, end: to };
    }
  } catch {
    // The log stopped answering: what is proven so far still stands.
    return { index: from, end: to };
  }
}

async function prefixRootsAt(locator: ChangeLocator, sizes: readonly number[], end: number): Promise<PrefixRoot[]> {
  const wanted = new Set(sizes);
  const range = new CompactRange();
  const roots: PrefixRoot[] = [];
  for await (const leaf of locator.entries(0, end)) {
    if (range.size >= end) break;
    range.appendLeafHash(leafHash(leaf.leafBytes));
    if (wanted.has(range.size)) roots.push({ size: range.size, rootHash: range.rootHash() });
  }
  return roots;
}
