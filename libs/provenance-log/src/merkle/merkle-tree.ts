import { HashColumn } from './hash-column.js';
import { HASH_SIZE, nodeHash } from './hashing.js';
import { LeafHashMustBe32Bytes, SubtreeHashIsMissing, TreeSizeIsBeyondTheLog } from './merkle.errors.js';
import { type PerfectSubtreeSource, type StoredNode } from './perfect-subtrees.js';
import { consistencyProof, inclusionProof, rootHashAt } from './proof-generation.js';

/**
 * An append-only RFC 6962 tree that keeps, per level, the hash of every complete aligned subtree
 * (level 0 = leaf hashes; level k, index i covers leaves [i·2^k, (i+1)·2^k)), like the tiles of a
 * tiled log. Appending costs one leaf and amortised one node hash. Roots, inclusion proofs and
 * consistency proofs for ANY size up to `size` cost O(log n) hashes, so the log can serve proofs
 * for old checkpoints as well as the latest. Memory: 64 bytes per leaf, up to twice that while
 * buffers grow.
 *
 * The service can persist what `append` returns (complete subtrees never change, so the rows are
 * insert-only) and rebuild with `fromLeafHashes`, or serve proofs straight from stored rows with
 * `requiredNodes*` + `PerfectSubtreeHashMap` without holding the tree in memory.
 */
export class MerkleTree implements PerfectSubtreeSource {
  readonly #levels: HashColumn[] = [new HashColumn()];

  /** A tree holding the given leaf hashes in order (each 32 bytes). */
  static fromLeafHashes(leafHashes: Iterable<Uint8Array>): MerkleTree {
    const tree = new MerkleTree();
    for (const hash of leafHashes) tree.append(hash);
    return tree;
  }

  /** Number of leaves. */
  get size(): number {
    return this.#levels[0]!.length;
  }

  /**
   * Appends one leaf hash (see `leafHash`) and returns the subtrees it completes, leaf first then
   * each parent upwards: exactly the rows a store of complete subtrees must insert for this leaf.
   * Throws `LeafHashMustBe32Bytes` for anything but a SHA-256 digest.
   */
  append(leafHash: Uint8Array): StoredNode[] {
    if (leafHash.length !== HASH_SIZE) throw new LeafHashMustBe32Bytes(leafHash.length);
    let level = 0;
    let index = this.size;
    let hash: Uint8Array = Uint8Array.from(leafHash);
    const completed: StoredNode[] = [];
    for (;;) {
      this.#column(level).push(hash);
      completed.push({ level, index, hash: Uint8Array.from(hash) });
      if (index % 2 === 0) return completed;
      hash = nodeHash(this.#column(level).at(index - 1)!, hash);
      level += 1;
      index = (index - 1) / 2;
    }
  }

  perfectSubtreeHash(level: number, index: number): Uint8Array {
    const hash = this.#levels[level]?.at(index);
    if (hash === undefined) throw new SubtreeHashIsMissing(level, index);
    return hash;
  }

  /** MTH of the first `size` leaves (default: all). Throws `TreeSizeIsBeyondTheLog` past `size`. */
  rootHash(size = this.size): Uint8Array {
    this.#requireHeld(size);
    return rootHashAt(this, size);
  }

  /** Inclusion proof of leaf `leafIndex` in the tree of the first `treeSize` leaves (default: all). */
  inclusionProof(leafIndex: number, treeSize = this.size): Uint8Array[] {
    this.#requireHeld(treeSize);
    return inclusionProof(this, leafIndex, treeSize);
  }

  /** Consistency proof from the first `size1` leaves to the first `size2` (default: all). */
  consistencyProof(size1: number, size2 = this.size): Uint8Array[] {
    this.#requireHeld(size2);
    return consistencyProof(this, size1, size2);
  }

  #column(level: number): HashColumn {
    if (this.#levels[level] === undefined) this.#levels[level] = new HashColumn();
    return this.#levels[level]!;
  }

  #requireHeld(size: number): void {
    if (size > this.size) throw new TreeSizeIsBeyondTheLog(size, this.size);
  }
}
