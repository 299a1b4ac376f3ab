import { HASH_SIZE, nodeHash, sameHash } from './hashing.js';
import { InclusionProofDoesNotVerify } from './merkle.errors.js';
import { isNaturalNumber } from './tree-shape.js';

export interface InclusionClaim {
  readonly leafIndex: number;
  readonly treeSize: number;
  /** The leaf hash (see `leafHash`), not the entry: exactly 32 bytes. */
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly rootHash: Uint8Array;
}

/**
 * Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2. Returns only when the proof
 * shows `leafHash` at `leafIndex` in the tree of size `treeSize` whose root is `rootHash`; otherwise
 * throws `InclusionProofDoesNotVerify` with the reason. As strict as transparency-dev/merkle: the
 * leaf hash must be 32 bytes and the proof exactly as long as the path; in addition every proof
 * hash must be 32 bytes.
 */
export function verifyInclusion(claim: InclusionClaim): void {
  const { leafIndex, treeSize, leafHash, proof, rootHash } = claim;
  const refuse = (reason: string): never => {
    throw new InclusionProofDoesNotVerify(reason);
  };
  if (!isNaturalNumber(leafIndex) || !isNaturalNumber(treeSize)) refuse('index and size must be natural numbers');
  if (leafIndex >= treeSize) refuse(`leaf index ${leafIndex} is not below tree size ${treeSize}`);
  if (leafHash.length !== HASH_SIZE) refuse(`the leaf hash is ${leafHash.length} bytes, not ${HASH_SIZE}`);
  if (proof.some((hash) => hash.length !== HASH_SIZE)) refuse(`a proof hash is not ${HASH_SIZE} bytes`);

  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) refuse('the proof is longer than the path to the root');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) refuse('the proof is shorter than the path to the root');
  if (!sameHash(r, rootHash)) refuse('the computed root does not match');
}
