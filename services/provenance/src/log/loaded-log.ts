import type pg from 'pg';
import { leafHash, MerkleTree, parseEntry, sameHash } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import { ProvenanceLogState } from '../classification/provenance-log-state.js';
import { latestCheckpoint } from './checkpoint-table.js';
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
   * Replays the whole stored log and checks it against its latest checkpoint. Throws
   * `StoredLogDoesNotMatchItsCheckpoint` when the stored entries no longer give the signed root.
   */
  static async load(client: pg.ClientBase, trustRoots: TrustRoots): Promise<LoadedLog> {
    const log = new LoadedLog(new ProvenanceLogState(trustRoots), new MerkleTree(), undefined);
    await log.catchUp(client);
    return log;
  }

  /** Applies the entries committed since this process last read (by another writer, or itself). */
  async catchUp(client: pg.ClientBase): Promise<void> {
    for (;;) {
      const page = await readEntries(client, this.tree.size, this.tree.size + PAGE);
      for (const stored of page) {
        this.state.apply(parseEntry(stored.leafBytes));
        this.tree.append(leafHash(stored.leafBytes));
      }
      if (page.length < PAGE) break;
    }
    const checkpoint = await latestCheckpoint(client);
    if (checkpoint === undefined) return;
    if (checkpoint.treeSize > this.tree.size || !sameHash(this.tree.rootHash(checkpoint.treeSize), checkpoint.rootHash)) {
      throw new StoredLogDoesNotMatchItsCheckpoint(checkpoint.treeSize);
    }
    this.checkpointSize = checkpoint.treeSize;
  }
}
