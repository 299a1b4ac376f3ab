import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { emptyTreeRoot, leafHash, nodeHash } from './hashing.js';
import { rootHash } from './compact-range.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const sha256 = (...parts: Uint8Array[]): string => createHash('sha256').update(Buffer.concat(parts)).digest('hex');

// The RFC 6962 example tree and its roots for the first N leaves, from the vectors' README.
const exampleLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const exampleRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('RFC 6962 hashing', () => {
  it('hashes a leaf as SHA-256(0x00 || entry)', () => {
    const entry = Buffer.from('provenance record', 'utf8');
    expect(hex(leafHash(entry))).toBe(sha256(Uint8Array.of(0), entry));
  });

  it('hashes a node as SHA-256(0x01 || left || right)', () => {
    const left = leafHash(Uint8Array.of(1));
    const right = leafHash(Uint8Array.of(2));
    expect(hex(nodeHash(left, right))).toBe(sha256(Uint8Array.of(1), left, right));
  });

  it('gives the empty tree the hash of no bytes', () => {
    expect(hex(emptyTreeRoot())).toBe(exampleRoots[0]);
  });

  it.each(exampleRoots.map((root, n) => [n, root] as const))(
    'gives the reference root for the first %i example leaves',
    (n, root) => {
      const entries = exampleLeaves.slice(0, n).map((leaf) => Buffer.from(leaf, 'hex'));
      expect(hex(rootHash(entries))).toBe(root);
    },
  );
});
