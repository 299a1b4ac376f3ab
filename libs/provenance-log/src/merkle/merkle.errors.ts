// Refusals of the Merkle tree code. Verification failures carry a reason for the auditor's report;
// the other classes are misuse by the caller (a size or index outside the tree, a missing node).

abstract class MerkleTreeRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** An inclusion proof that does not prove the leaf is in the tree with that root. */
export class InclusionProofDoesNotVerify extends MerkleTreeRefusal {
  constructor(readonly reason: string) {
    super(`Inclusion proof does not verify: ${reason}`);
  }
}

/** A consistency proof that does not prove the first tree is a prefix of the second. */
export class ConsistencyProofDoesNotVerify extends MerkleTreeRefusal {
  constructor(readonly reason: string) {
    super(`Consistency proof does not verify: ${reason}`);
  }
}

/** A leaf index, tree size or level that is not a natural number JavaScript holds exactly. */
export class TreePositionIsNotANaturalNumber extends MerkleTreeRefusal {
  constructor(readonly what: string, readonly value: number) {
    super(`${what} must be a natural number below 2^53, got ${value}`);
  }
}

/** A request about a tree size larger than the leaves the tree holds. */
export class TreeSizeIsBeyondTheLog extends MerkleTreeRefusal {
  constructor(readonly requested: number, readonly available: number) {
    super(`Tree size ${requested} is beyond the log, which holds ${available} leaves`);
  }
}

/** An inclusion proof asked for a leaf the tree of that size does not contain. */
export class LeafIndexIsOutsideTheTree extends MerkleTreeRefusal {
  constructor(readonly leafIndex: number, readonly treeSize: number) {
    super(`Leaf index ${leafIndex} is outside a tree of size ${treeSize}`);
  }
}

/** RFC 9162 defines consistency proofs only for 0 < size1 ≤ size2. */
export class NoConsistencyProofExistsBetweenTheseSizes extends MerkleTreeRefusal {
  constructor(readonly size1: number, readonly size2: number) {
    super(`No consistency proof exists from size ${size1} to size ${size2} (needs 0 < size1 <= size2)`);
  }
}

/** A leaf hash that is not a SHA-256 digest. */
export class LeafHashMustBe32Bytes extends MerkleTreeRefusal {
  constructor(readonly length: number) {
    super(`A leaf hash must be 32 bytes, got ${length}`);
  }
}

/** A subtree hash source was asked for a node it does not hold. */
export class SubtreeHashIsMissing extends MerkleTreeRefusal {
  constructor(readonly level: number, readonly index: number) {
    super(`No hash is held for the subtree at level ${level}, index ${index}`);
  }
}
