import type pg from 'pg';
import type { EventStore } from '@wildlife/event-store';
import type { PerfectSubtreeSource } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import type { LoggableRecord } from '../classification/log-entry-of.js';
import { planEntries, type PlannedEntry } from '../classification/plan-entries.js';
import { ReverifyThread } from '../classification/reverify-thread.js';
import { SignaturePrechecks } from '../classification/signature-prechecks.js';
import { signedCheckpointNote, type LogKey } from '../checkpoints/log-key.js';
import { publicOutcomeOf } from '../publishing/public-outcome.js';
import type { StoredCheckpoint } from './checkpoint-table.js';
import { LoadedLog } from './loaded-log.js';
import { readLogHead, type LogHead } from './log-head.js';
import { insertEntries } from './log-tables.js';
import { inWriterTransaction } from './writer-transaction.js';

export interface ProvenanceLogWriterOptions {
  readonly pool: pg.Pool;
  readonly eventStore: EventStore;
  /** Without trust roots (no development fixture yet) the log refuses to classify: `LogHasNoTrustRoots`. */
  readonly trustRoots: TrustRoots | undefined;
  readonly logKey: LogKey;
  readonly topicPrefix: string;
  readonly clock?: () => Date;
  /** Told after every commit that added entries (the log topic relay wakes on it). */
  readonly onAppended?: () => void;
}

/** The log cannot classify anything without the trust roots every registry chain starts from. */
export class LogHasNoTrustRoots extends Error {
  constructor() {
    super('The provenance log has no trust roots (TRUST_ROOTS_FILE): it classifies no record');
    this.name = 'LogHasNoTrustRoots';
  }
}

/** A tree whose positions below `size` are all committed entries of the log, as stored. */
export interface CommittedTree {
  readonly tree: PerfectSubtreeSource;
  readonly size: number;
}

/** The stream whose outbox carries the public outcome events; it holds no events. */
const OUTCOME_STREAM = 'provenance-outcomes';

/**
 * The one way into the log. Each `write` is one transaction under the writer lock (one writer at a
 * time, across processes): it catches up with what other writers committed, classifies the records
 * in order against the log so far, writes their public outcomes to the outbox, and inserts their
 * entries, the subtrees they complete and a signed checkpoint of the new size as the
 * INSERT-and-SELECT-only `provenance_writer` role: six round trips, whatever the batch size, when
 * there is nothing to catch up with. All or nothing: after a failure the in-memory log is dropped
 * and rebuilt from the store by the next write.
 */
export class ProvenanceLogWriter {
  private loaded: LoadedLog | undefined;
  private committed: CommittedTree | undefined;
  private readonly clock: () => Date;
  /** Writes of this process run one after the other, so none sees another's uncommitted entries. */
  private previous: Promise<unknown> = Promise.resolve();
  private readonly reverifyThread = ReverifyThread.start();
  private readonly prechecks = new SignaturePrechecks(this.reverifyThread);

  constructor(private readonly o: ProvenanceLogWriterOptions) {
    this.clock = o.clock ?? (() => new Date());
  }

  /** Logs `records` (none: only signs a checkpoint if the latest lags the log). Returns the entries added. */
  write(records: readonly LoggableRecord[]): Promise<PlannedEntry[]> {
    const written = this.previous.then(() => this.writeNow(records));
    this.previous = written.catch(() => undefined);
    return written;
  }

  /**
   * The Merkle tree this process holds, up to the size it last saw committed (written, or read from
   * the store and checked against the latest signed checkpoint): its complete subtrees are those
   * the store holds, so proofs from it equal proofs from the stored rows. Undefined before the first
   * write (the checkpoint ticker makes one at start) and after a failed one, until the next.
   */
  committedTree(): CommittedTree | undefined {
    return this.committed;
  }

  /** Stops the signature thread (writes after this verify on their own thread). */
  async onApplicationShutdown(): Promise<void> {
    await this.reverifyThread?.close();
  }

  /**
   * Checks the signatures of records about to be written (in the background, on the signature
   * thread or a few per event-loop turn, against the registry as this process knows it), so that
   * their write does not spend its time under the lock on Ed25519. Changes nothing else: the write classifies exactly as without.
   * Resolves once those checks are done (never rejects); a log not loaded yet checks nothing ahead.
   */
  prepare(records: readonly LoggableRecord[]): Promise<void> {
    return this.loaded === undefined ? Promise.resolve() : this.prechecks.precheck(this.loaded.state.registry, records);
  }

  private async writeNow(records: readonly LoggableRecord[]): Promise<PlannedEntry[]> {
    let planned: PlannedEntry[] = [];
    // Outside the transaction: the records not checked ahead yet are checked before the lock is taken.
    if (this.loaded !== undefined) await this.prechecks.precheck(this.loaded.state.registry, records);
    try {
      await inWriterTransaction(this.o.pool, async (client) => {
        const head = await readLogHead(client, records.map((r) => r.id));
        const log = await this.caughtUp(client, head);
        const now = this.clock();
        planned = planEntries(log.state, records, now, head.logged, this.prechecks);
        const nodes = planned.flatMap((p) => log.tree.append(p.leafHash));
        const outbox = planned.flatMap((p) => publicOutcomeOf(p.entry, p.leafHash, this.o.topicPrefix) ?? []);
        if (outbox.length > 0) await this.o.eventStore.appendWith(client, OUTCOME_STREAM, 'any', [], { outbox });
        await client.query('SET LOCAL ROLE provenance_writer');
        const checkpoint = log.checkpointSize === undefined || log.tree.size > log.checkpointSize ? this.signedCheckpoint(log) : undefined;
        await insertEntries(client, planned, nodes, checkpoint, now);
        if (checkpoint !== undefined) log.checkpointSize = checkpoint.treeSize;
      });
    } catch (error) {
      this.loaded = undefined;
      this.committed = undefined;
      throw error;
    }
    // The tree only ever grows, so positions below this size keep their committed hashes.
    if (this.loaded !== undefined) this.committed = { tree: this.loaded.tree, size: this.loaded.tree.size };
    if (planned.length > 0) this.o.onAppended?.();
    return planned;
  }

  private async caughtUp(client: pg.PoolClient, head: LogHead): Promise<LoadedLog> {
    if (this.o.trustRoots === undefined) throw new LogHasNoTrustRoots();
    if (this.loaded === undefined) this.loaded = await LoadedLog.load(client, this.o.trustRoots, head);
    else await this.loaded.catchUp(client, head);
    return this.loaded;
  }

  private signedCheckpoint(log: LoadedLog): StoredCheckpoint {
    const rootHash = log.tree.rootHash();
    return { treeSize: log.tree.size, rootHash: Buffer.from(rootHash), note: signedCheckpointNote(this.o.logKey, log.tree.size, rootHash) };
  }
}
