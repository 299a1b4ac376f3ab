import { HASH_SIZE, nodeHash, sameHash } from './hashing.js';
import { ConsistencyProofDoesNotVerify } from './merkle.errors.js';
import { isNaturalNumber, isPowerOfTwo } from './tree-shape.js';

export interface ConsistencyClaim {
  readonly size1: number;
  readonly root1: Uint8Array;
  readonly size2: number;
  readonly root2: Uint8Array;
  readonly proof: readonly Uint8Array[];
}

/**
 * Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2. Returns only when the proof
 * shows the tree of size `size1` and root `root1` is a prefix of the tree of size `size2` and root
 * `root2`; otherwise throws `ConsistencyProofDoesNotVerify` with the reason. As strict as
 * transparency-dev/merkle: size1 = 0 is refused (a proof from the empty tree means nothing, even to
 * size 0), equal sizes need an empty proof and equal roots; in addition every proof hash must be
 * 32 bytes.
 */
export function verifyConsistency(claim: ConsistencyClaim): void {
  const { size1, root1, size2, root2, proof } = claim;
  const refuse = (reason: string): never => {
    throw new ConsistencyProofDoesNotVerify(reason);
  };
  if (!isNaturalNumber(size1) || !isNaturalNumber(size2)) refuse('sizes must be natural numbers');
  if (size2 < size1) refuse(`size2 ${size2} is smaller than size1 ${size1}`);
  if (size1 === 0) refuse('a consistency proof from the empty tree proves nothing');
  if (size1 === size2) {
    if (proof.length > 0) refuse('the sizes are equal but the proof is not empty');
    if (!sameHash(root1, root2)) refuse('the sizes are equal but the roots differ');
    return;
  }
  if (proof.length === 0) refuse('the proof is empty');
  if (proof.some((hash) => hash.length !== HASH_SIZE)) refuse(`a proof hash is not ${HASH_SIZE} bytes`);

  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) refuse('the proof is longer than the paths it should cover');
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn /= 2;
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) refuse('the proof is shorter than the paths it should cover');
  if (!sameHash(fr, root1)) refuse('the computed first root does not match');
  if (!sameHash(sr, root2)) refuse('the computed second root does not match');
}
