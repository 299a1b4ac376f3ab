import { describe, expect, it } from '@jest/globals';
import { CompactRange } from './compact-range.js';
import { emptyTreeRoot, leafHash } from './hashing.js';
import { LeafHashMustBe32Bytes } from './merkle.errors.js';
import { MerkleTree } from './merkle-tree.js';

const hex = (h: Uint8Array): string => Buffer.from(h).toString('hex');
const popcount = (n: number): number => n.toString(2).replaceAll('0', '').length;

describe('streaming a log through a compact range', () => {
  it('starts at the empty tree root', () => {
    const range = new CompactRange();
    expect(range.size).toBe(0);
    expect(hex(range.rootHash())).toBe(hex(emptyTreeRoot()));
  });

  it('matches the full tree at every size while holding one hash per set bit of the size', () => {
    const range = new CompactRange();
    const tree = new MerkleTree();
    for (let i = 0; i < 130; i++) {
      const entry = Buffer.from(`entry ${i}`);
      range.appendEntry(entry);
      tree.append(leafHash(entry));
      expect(hex(range.rootHash())).toBe(hex(tree.rootHash()));
      expect(range.heldHashes).toBe(popcount(i + 1));
    }
    expect(range.size).toBe(130);
  });

  it('refuses a leaf hash that is not 32 bytes', () => {
    expect(() => new CompactRange().appendLeafHash(new Uint8Array(33))).toThrow(LeafHashMustBe32Bytes);
  });
});
