import type pg from 'pg';
import { leafHash, MerkleTree, parseEntry, sameHash } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import { ProvenanceLogState } from '../classification/provenance-log-state.js';
import type { LogHead } from './log-head.js';
import { readEntries } from './log-tables.js';

const PAGE = 1_000;

/** The stored entries do not hash to the root the log signed for their size: the store was tampered with. */
export class StoredLogDoesNotMatchItsCheckpoint extends Error {
  constructor(readonly treeSize: number) {
    super(`The stored provenance log does not hash to its signed checkpoint of size ${treeSize}`);
    this.name = 'StoredLogDoesNotMatchItsCheckpoint';
  }
}

/**
 * The log as this process holds it: the classification state and the Merkle tree of every entry
 * committed so far, rebuilt from the stored leaf bytes (never from anything else), and the size of
 * the latest signed checkpoint.
 */
export class LoadedLog {
  private constructor(
    readonly state: ProvenanceLogState,
    readonly tree: MerkleTree,
    /** Undefined while the log has no checkpoint at all. */
    public checkpointSize: number | undefined,
  ) {}

  /**
   * Replays the whole stored log (of `head.size` entries) and checks it against its latest
   * checkpoint. Throws `StoredLogDoesNotMatchItsCheckpoint` when the stored entries no longer give
   * the signed root.
   */
  static async load(client: pg.ClientBase, trustRoots: TrustRoots, head: Omit<LogHead, 'logged'>): Promise<LoadedLog> {
    const log = new LoadedLog(new ProvenanceLogState(trustRoots), new MerkleTree(), undefined);
    await log.catchUp(client, head);
    return log;
  }

  /**
   * Applies the entries committed since this process last read (by another writer, or itself), up
   * to `head.size`, and checks the log against `head.checkpoint`, as `load` does. `head` must have
   * been read in the same transaction, under the writer lock, so that nothing moved since.
   */
  async catchUp(client: pg.ClientBase, head: Omit<LogHead, 'logged'>): Promise<void> {
    while (this.tree.size < head.size) {
      const page = await readEntries(client, this.tree.size, Math.min(head.size, this.tree.size + PAGE));
      if (page.length === 0) break;
      for (const stored of page) {
        this.state.apply(parseEntry(stored.leafBytes));
        this.tree.append(leafHash(stored.leafBytes));
      }
    }
    const checkpoint = head.checkpoint;
    if (checkpoint === undefined) return;
    if (checkpoint.treeSize > this.tree.size || !sameHash(this.tree.rootHash(checkpoint.treeSize), checkpoint.rootHash)) {
      throw new StoredLogDoesNotMatchItsCheckpoint(checkpoint.treeSize);
    }
    this.checkpointSize = checkpoint.treeSize;
  }
}
