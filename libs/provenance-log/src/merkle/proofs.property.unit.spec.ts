import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { verifyConsistency } from './consistency-verification.js';
import { verifyInclusion } from './inclusion-verification.js';
import { MerkleTree } from './merkle-tree.js';
import { leafHash } from './hashing.js';
import { CompactRange, rootHash } from './compact-range.js';

// A naive reading of RFC 9162 §2.1, straight from its recursive definitions over the entries,
// to check the subtree-based generator against.
const sha256 = (...parts: Uint8Array[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const kBelow = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);

function naiveMth(d: Uint8Array[]): Buffer {
  if (d.length === 0) return sha256();
  if (d.length === 1) return sha256(Uint8Array.of(0), d[0]!);
  const k = kBelow(d.length);
  return sha256(Uint8Array.of(1), naiveMth(d.slice(0, k)), naiveMth(d.slice(k)));
}

function naivePath(m: number, d: Uint8Array[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = kBelow(d.length);
  return m < k
    ? [...naivePath(m, d.slice(0, k)), naiveMth(d.slice(k))]
    : [...naivePath(m - k, d.slice(k)), naiveMth(d.slice(0, k))];
}

function naiveSubproof(m: number, d: Uint8Array[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [naiveMth(d)];
  const k = kBelow(d.length);
  return m <= k
    ? [...naiveSubproof(m, d.slice(0, k), b), naiveMth(d.slice(k))]
    : [...naiveSubproof(m - k, d.slice(k), false), naiveMth(d.slice(0, k))];
}

const hex = (hashes: Uint8Array[]): string[] => hashes.map((h) => Buffer.from(h).toString('hex'));
const MAX_SIZE = 300;
const entries = Array.from({ length: MAX_SIZE }, (_, i) => Buffer.from(`entry ${i} ${'x'.repeat(i % 7)}`));
const tree = MerkleTree.fromLeafHashes(entries.map(leafHash));

const sizeAndIndex = fc.integer({ min: 1, max: MAX_SIZE }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1)));
const twoSizes = fc
  .integer({ min: 2, max: MAX_SIZE })
  .chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n)));

function isAccepted(verify: () => void): boolean {
  try {
    verify();
    return true;
  } catch {
    return false;
  }
}

function flipped(hashes: readonly Uint8Array[], at: number, byte: number): Uint8Array[] {
  return hashes.map((h, i) => (i === at ? h.map((v, j) => (j === byte ? v ^ 0x01 : v)) : h));
}

describe('generating proofs from complete subtrees', () => {
  it('gives the root a naive RFC 6962 recursion gives, for every size up to the tree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SIZE }), (n) => {
        const naive = naiveMth(entries.slice(0, n)).toString('hex');
        const range = new CompactRange();
        entries.slice(0, n).forEach((e) => range.appendEntry(e));
        expect(Buffer.from(tree.rootHash(n)).toString('hex')).toBe(naive);
        expect(Buffer.from(rootHash(entries.slice(0, n))).toString('hex')).toBe(naive);
        expect(Buffer.from(range.rootHash()).toString('hex')).toBe(naive);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the inclusion proof the naive recursion gives, and it verifies', () => {
    fc.assert(
      fc.property(sizeAndIndex, ([n, i]) => {
        const proof = tree.inclusionProof(i, n);
        expect(hex(proof)).toEqual(hex(naivePath(i, entries.slice(0, n))));
        const rootHash = tree.rootHash(n);
        verifyInclusion({ leafIndex: i, treeSize: n, leafHash: leafHash(entries[i]!), proof, rootHash });
      }),
      { numRuns: 150 },
    );
  });

  it('gives the consistency proof the naive recursion gives, and it verifies', () => {
    fc.assert(
      fc.property(twoSizes, ([m, n]) => {
        const proof = tree.consistencyProof(m, n);
        expect(hex(proof)).toEqual(hex(naiveSubproof(m, entries.slice(0, n), true)));
        verifyConsistency({ size1: m, root1: tree.rootHash(m), size2: n, root2: tree.rootHash(n), proof });
      }),
      { numRuns: 150 },
    );
  });
});

describe('verifying altered proofs', () => {
  it('refuses an inclusion proof with any single byte changed', () => {
    fc.assert(
      fc.property(sizeAndIndex.filter(([n]) => n > 1), ([n, i]) => {
        const claim = { leafIndex: i, treeSize: n, leafHash: leafHash(entries[i]!), rootHash: tree.rootHash(n) };
        const proof = tree.inclusionProof(i, n);
        const acceptedAlterations: string[] = [];
        for (let at = 0; at < proof.length; at++) {
          for (let byte = 0; byte < 32; byte++) {
            if (isAccepted(() => verifyInclusion({ ...claim, proof: flipped(proof, at, byte) }))) {
              acceptedAlterations.push(`proof[${at}][${byte}]`);
            }
          }
        }
        expect(acceptedAlterations).toEqual([]);
        const [otherLeaf] = flipped([claim.leafHash], 0, i % 32);
        const [otherRoot] = flipped([claim.rootHash], 0, n % 32);
        expect(() => verifyInclusion({ ...claim, proof, leafHash: otherLeaf! })).toThrow();
        expect(() => verifyInclusion({ ...claim, proof, rootHash: otherRoot! })).toThrow();
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a consistency proof with any single byte changed', () => {
    fc.assert(
      fc.property(twoSizes, ([m, n]) => {
        const claim = { size1: m, root1: tree.rootHash(m), size2: n, root2: tree.rootHash(n) };
        const proof = tree.consistencyProof(m, n);
        const acceptedAlterations: string[] = [];
        for (let at = 0; at < proof.length; at++) {
          for (let byte = 0; byte < 32; byte++) {
            if (isAccepted(() => verifyConsistency({ ...claim, proof: flipped(proof, at, byte) }))) {
              acceptedAlterations.push(`proof[${at}][${byte}]`);
            }
          }
        }
        expect(acceptedAlterations).toEqual([]);
        expect(() => verifyConsistency({ ...claim, proof, root1: flipped([claim.root1], 0, m % 32)[0]! })).toThrow();
        expect(() => verifyConsistency({ ...claim, proof, root2: flipped([claim.root2], 0, n % 32)[0]! })).toThrow();
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a proof for another index, against another root, or cut or padded', () => {
    fc.assert(
      fc.property(sizeAndIndex.filter(([n]) => n > 1), ([n, i]) => {
        const proof = tree.inclusionProof(i, n);
        const claim = { leafIndex: i, treeSize: n, leafHash: leafHash(entries[i]!), proof, rootHash: tree.rootHash(n) };
        expect(() => verifyInclusion({ ...claim, leafIndex: (i + 1) % n })).toThrow();
        expect(() => verifyInclusion({ ...claim, rootHash: tree.rootHash(n - 1) })).toThrow();
        expect(() => verifyInclusion({ ...claim, proof: proof.slice(1) })).toThrow();
        expect(() => verifyInclusion({ ...claim, proof: [...proof, proof[0]!] })).toThrow();
      }),
      { numRuns: 60 },
    );
  });
});
