import { describe, expect, it } from '@jest/globals';
import { CompactRange } from './compact-range.js';
import { verifyConsistency } from './consistency-verification.js';
import { leafHash, nodeHash } from './hashing.js';
import { verifyInclusion } from './inclusion-verification.js';
import { MerkleTree } from './merkle-tree.js';
import {
  LeafHashMustBe32Bytes,
  LeafIndexIsOutsideTheTree,
  NoConsistencyProofExistsBetweenTheseSizes,
  SubtreeHashIsMissing,
  TreePositionIsNotANaturalNumber,
  TreeSizeIsBeyondTheLog,
} from './merkle.errors.js';
import { PerfectSubtreeHashMap } from './perfect-subtree-hash-map.js';
import { type StoredNode } from './perfect-subtrees.js';
import { consistencyProof, inclusionProof, rootHashAt } from './proof-generation.js';
import { requiredNodesForConsistency, requiredNodesForInclusion, requiredNodesForRoot } from './required-nodes.js';

const leaf = (i: number): Uint8Array => leafHash(Buffer.from(`record ${i}`));
const hex = (h: Uint8Array): string => Buffer.from(h).toString('hex');

describe('appending to a Merkle tree', () => {
  it('returns the leaf and every subtree the leaf completes, bottom up', () => {
    const tree = MerkleTree.fromLeafHashes([leaf(0), leaf(1), leaf(2)]);
    const completed = tree.append(leaf(3));
    const level1 = nodeHash(leaf(2), leaf(3));
    const level2 = nodeHash(nodeHash(leaf(0), leaf(1)), level1);
    expect(completed.map(({ level, index, hash }) => [level, index, hex(hash)])).toEqual([
      [0, 3, hex(leaf(3))],
      [1, 1, hex(level1)],
      [2, 0, hex(level2)],
    ]);
    expect(hex(tree.rootHash())).toBe(hex(level2));
  });

  it('returns only the leaf when it completes no parent', () => {
    const tree = MerkleTree.fromLeafHashes([leaf(0), leaf(1)]);
    expect(tree.append(leaf(2)).map(({ level, index }) => [level, index])).toEqual([[0, 2]]);
  });

  it('refuses a leaf hash that is not 32 bytes', () => {
    expect(() => new MerkleTree().append(new Uint8Array(31))).toThrow(LeafHashMustBe32Bytes);
  });

  it('is not altered when a caller mutates a hash it was given or handed out', () => {
    const given = leaf(0);
    const tree = MerkleTree.fromLeafHashes([given, leaf(1)]);
    const root = hex(tree.rootHash());
    given.fill(0);
    tree.inclusionProof(0)[0]!.fill(0);
    tree.perfectSubtreeHash(1, 0).fill(0);
    expect(hex(tree.rootHash())).toBe(root);
  });
});

describe('asking a Merkle tree about sizes it does not hold', () => {
  const tree = MerkleTree.fromLeafHashes([0, 1, 2, 3, 4].map(leaf));

  it('refuses a size beyond the log', () => {
    expect(() => tree.rootHash(6)).toThrow(TreeSizeIsBeyondTheLog);
    expect(() => tree.inclusionProof(0, 6)).toThrow(TreeSizeIsBeyondTheLog);
    expect(() => tree.consistencyProof(2, 6)).toThrow(TreeSizeIsBeyondTheLog);
  });

  it('refuses a leaf outside the tree of the requested size', () => {
    expect(() => tree.inclusionProof(3, 3)).toThrow(LeafIndexIsOutsideTheTree);
  });

  it('refuses a consistency proof from the empty tree or backwards', () => {
    expect(() => tree.consistencyProof(0, 3)).toThrow(NoConsistencyProofExistsBetweenTheseSizes);
    expect(() => tree.consistencyProof(4, 3)).toThrow(NoConsistencyProofExistsBetweenTheseSizes);
  });

  it('refuses negative or fractional positions', () => {
    expect(() => tree.inclusionProof(-1, 3)).toThrow(TreePositionIsNotANaturalNumber);
    expect(() => tree.rootHash(2.5)).toThrow(TreePositionIsNotANaturalNumber);
  });

  it('gives an empty consistency proof between equal sizes, and it verifies', () => {
    expect(tree.consistencyProof(3, 3)).toEqual([]);
    verifyConsistency({ size1: 3, root1: tree.rootHash(3), size2: 3, root2: tree.rootHash(3), proof: [] });
  });
});

describe('serving proofs from stored subtree rows instead of a tree in memory', () => {
  // Given a store that kept every row `append` returned, as the provenance service would.
  const size = 1000;
  const tree = new MerkleTree();
  const table = new Map<string, StoredNode>();
  for (let i = 0; i < size; i++) {
    for (const node of tree.append(leaf(i))) table.set(`${node.level}/${node.index}`, node);
  }
  const fetch = (nodes: { level: number; index: number }[]) =>
    new PerfectSubtreeHashMap(nodes.map(({ level, index }) => table.get(`${level}/${index}`)!));

  it('stores about two rows per leaf', () => {
    expect(table.size).toBe(2 * size - 6); // 2n - popcount(n), and popcount(1000) = 6
  });

  it.each([
    [0, 1],
    [0, 1000],
    [999, 1000],
    [512, 513],
    [300, 777],
  ])('builds the same inclusion proof for leaf %i at size %i from O(log n) fetched rows', (index, treeSize) => {
    const needed = requiredNodesForInclusion(index, treeSize);
    expect(needed.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(treeSize)) + 1);
    const proof = inclusionProof(fetch(needed), index, treeSize);
    expect(proof.map(hex)).toEqual(tree.inclusionProof(index, treeSize).map(hex));
    const rootHash = rootHashAt(fetch(requiredNodesForRoot(treeSize)), treeSize);
    verifyInclusion({ leafIndex: index, treeSize, leafHash: leaf(index), proof, rootHash });
  });

  it.each([
    [1, 1000],
    [511, 512],
    [512, 1000],
    [777, 999],
  ])('builds the same consistency proof from %i to %i from O(log n) fetched rows', (size1, size2) => {
    const needed = requiredNodesForConsistency(size1, size2);
    expect(needed.length).toBeLessThanOrEqual(3 * Math.ceil(Math.log2(size2)));
    const proof = consistencyProof(fetch(needed), size1, size2);
    expect(proof.map(hex)).toEqual(tree.consistencyProof(size1, size2).map(hex));
  });

  it('says which row is missing when the store lacks one', () => {
    expect(() => inclusionProof(new PerfectSubtreeHashMap(), 0, 2)).toThrow(SubtreeHashIsMissing);
  });

  it('needs no row for the empty tree', () => {
    expect(requiredNodesForRoot(0)).toEqual([]);
  });
});

describe('a log of 100,000 entries', () => {
  it('gives the same root in memory and streaming, with O(log n) hashes held when streaming', () => {
    const tree = new MerkleTree();
    const stream = new CompactRange();
    for (let i = 0; i < 100_000; i++) {
      const hash = leaf(i);
      tree.append(hash);
      stream.appendLeafHash(hash);
    }
    expect(hex(stream.rootHash())).toBe(hex(tree.rootHash()));
    expect(stream.heldHashes).toBe(6); // 100000 = 0b11000011010100000
    const proof = tree.inclusionProof(65_432);
    expect(proof).toHaveLength(17);
    verifyInclusion({ leafIndex: 65_432, treeSize: 100_000, leafHash: leaf(65_432), proof, rootHash: tree.rootHash() });
    const consistency = tree.consistencyProof(70_001);
    const [root1, root2] = [tree.rootHash(70_001), tree.rootHash()];
    verifyConsistency({ size1: 70_001, root1, size2: 100_000, root2, proof: consistency });
  });
});
