import { emptyTreeRoot, HASH_SIZE, leafHash, nodeHash } from './hashing.js';
import { LeafHashMustBe32Bytes } from './merkle.errors.js';

/**
 * The streaming view of a log for an auditor replaying it: only the roots of the complete subtrees
 * that tile [0, size), largest first (one per set bit of `size`), so O(log n) memory however long
 * the log. Gives the root at the current size after every append; an auditor compares it with each
 * checkpoint it passes, which checks consistency between them without any proof.
 */
export class CompactRange {
  readonly #peaks: Uint8Array[] = [];
  #size = 0;

  /** Number of leaves appended. */
  get size(): number {
    return this.#size;
  }

  /** Number of hashes held: the number of set bits of `size`. */
  get heldHashes(): number {
    return this.#peaks.length;
  }

  /** Appends the leaf for an entry's exact bytes. */
  appendEntry(entry: Uint8Array): void {
    this.appendLeafHash(leafHash(entry));
  }

  /** Appends a leaf hash; throws `LeafHashMustBe32Bytes` for anything but a SHA-256 digest. */
  appendLeafHash(hash: Uint8Array): void {
    if (hash.length !== HASH_SIZE) throw new LeafHashMustBe32Bytes(hash.length);
    let merged: Uint8Array = Uint8Array.from(hash);
    // Each trailing 1 bit of the old size is a complete subtree of the new leaf's size to merge with.
    for (let rest = this.#size; rest % 2 === 1; rest = (rest - 1) / 2) {
      merged = nodeHash(this.#peaks.pop()!, merged);
    }
    this.#peaks.push(merged);
    this.#size += 1;
  }

  /** MTH of everything appended so far (RFC 9162 §2.1.1); the empty tree's root before any leaf. */
  rootHash(): Uint8Array {
    if (this.#peaks.length === 0) return emptyTreeRoot();
    let root = this.#peaks[this.#peaks.length - 1]!;
    for (let i = this.#peaks.length - 2; i >= 0; i--) root = nodeHash(this.#peaks[i]!, root);
    return Uint8Array.from(root);
  }
}

/** MTH(D[n]) of the given entries (raw entry bytes, not leaf hashes), for any n including 0. */
export function rootHash(entries: Iterable<Uint8Array>): Uint8Array {
  const range = new CompactRange();
  for (const entry of entries) range.appendEntry(entry);
  return range.rootHash();
}
