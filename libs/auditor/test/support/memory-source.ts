import { leafHash, MerkleTree } from '@wildlife/provenance-log';
import type { LogSource } from '../../src/sources/log-source.js';

export interface MemorySourceOptions {
  readonly verifierKey?: string;
  /** The leaves the log's tree (and so its proofs) was built from; default `leaves`: a log whose rows were changed after the fact. */
  readonly treeLeaves?: readonly Uint8Array[];
  /** Whether to answer consistency proofs. Default true. */
  readonly proofs?: boolean;
}

/** A log held in memory, as the provenance API would serve it: its rows, its checkpoint, proofs from its tree. */
export function memorySource(leaves: readonly Uint8Array[], checkpoint: string, options: MemorySourceOptions = {}): LogSource & { reads: number } {
  const tree = MerkleTree.fromLeafHashes((options.treeLeaves ?? leaves).map((leaf) => leafHash(leaf)));
  const source = {
    description: 'memory',
    reads: 0,
    head: async () => ({ checkpoint, ...(options.verifierKey !== undefined && { verifierKey: options.verifierKey }) }),
    async *entries(start: number, end: number) {
      source.reads += 1;
      for (let sequence = start; sequence < Math.min(end, leaves.length); sequence++) yield { sequence, leafBytes: leaves[sequence]! };
    },
    ...(options.proofs !== false && { consistencyProof: async (size1: number, size2: number) => tree.consistencyProof(size1, size2) }),
  };
  return source;
}
