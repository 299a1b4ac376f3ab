import type pg from 'pg';
import type { LogEntry, PerfectSubtreeSource } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import type { LoggableRecord } from '../classification/log-entry-of.js';
import type { PlannedEntry } from '../classification/plan-entries.js';
import { isTheLoggedRecord, reusedIdOf } from '../classification/record-identity.js';
import { ReverifyThread } from '../classification/reverify-thread.js';
import { SignaturePrechecks } from '../classification/signature-prechecks.js';
import type { LogKey } from '../checkpoints/log-key.js';
import { LoadedLog } from './loaded-log.js';
import { loggedRecords, readLogHead, type LogHead } from './log-head.js';
import { planOnto, planStillStands, type LogPlan } from './log-plan.js';
import { insertEntries } from './log-tables.js';
import { inWriterTransaction } from './writer-transaction.js';

export interface ProvenanceLogWriterOptions {
  readonly pool: pg.Pool;
  /** Without trust roots (no development fixture yet) the log refuses to classify: `LogHasNoTrustRoots`. */
  readonly trustRoots: TrustRoots | undefined;
  readonly logKey: LogKey;
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

/**
 * Planning ahead starts after this many writes found no other writer's entries: with several
 * writers at work, plans made ahead would seldom stand, and each that does not costs a reload.
 */
const QUIET_WRITES_BEFORE_PLANNING_AHEAD = 3;

/**
 * The one way into the log. Each `write` is one transaction under the writer lock (one writer at a
 * time, across processes): it catches up with what other writers committed, classifies the records
 * in order against the log so far, and inserts their
 * entries, the subtrees they complete and a signed checkpoint of the new size as the
 * INSERT-and-SELECT-only `provenance_writer` role: six round trips, whatever the batch size, when
 * there is nothing to catch up with. All or nothing: after a failure the in-memory log is dropped
 * and rebuilt from the store by the next write.
 *
 * A write handed in while another is running is planned ahead, in memory, onto the log as the
 * earlier write's plan leaves it (CPU work that would otherwise wait for the database), and only
 * committed under the lock if the stored log turns out to be exactly the one planned onto
 * (`planStillStands`): same size, same records logged, same checkpoint. Otherwise (another writer
 * came in between, an earlier write failed, a record was logged meanwhile) the plan is dropped with
 * the in-memory log, and the write is made as without planning ahead. So the entries are the same
 * either way.
 */
export class ProvenanceLogWriter {
  private loaded: LoadedLog | undefined;
  private committed: CommittedTree | undefined;
  private readonly clock: () => Date;
  /** Transactions of this process run one after the other, so none sees another's uncommitted entries. */
  private previous: Promise<unknown> = Promise.resolve();
  /** Plans are made one after the other, each onto the log as the one before left it; resolves to the latest. */
  private planning: Promise<LogPlan | undefined> = Promise.resolve(undefined);
  /** Writes in a row that found the stored log as this process left it; reset when another writer came in. */
  private quietWrites = 0;
  /** First entries planned and not committed yet, by record id: a later plan takes them as logged. */
  private readonly planned = new Map<string, LogEntry>();
  private readonly reverifyThread = ReverifyThread.start();
  private readonly prechecks = new SignaturePrechecks(this.reverifyThread);

  constructor(private readonly o: ProvenanceLogWriterOptions) {
    this.clock = o.clock ?? (() => new Date());
  }

  /** Logs `records` (none: only signs a checkpoint if the latest lags the log). Returns the entries added. */
  write(records: readonly LoggableRecord[]): Promise<PlannedEntry[]> {
    let plannedUnderLock!: (plan: LogPlan | undefined) => void;
    const underLock = new Promise<LogPlan | undefined>((resolve) => (plannedUnderLock = resolve));
    const ahead = this.planning.then((before) => this.planAhead(records, before));
    const written = Promise.all([ahead, this.previous]).then(([plan]) => this.writePlanned(records, plan, plannedUnderLock));
    const settled = written.then(
      () => plannedUnderLock(undefined),
      () => plannedUnderLock(undefined),
    );
    this.previous = settled;
    // The next write plans onto this one's plan: made ahead, or else once made under the lock.
    this.planning = ahead.then((plan) => plan ?? underLock);
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

  /**
   * The plan of `records` onto the in-memory log as `before` (the previous write's plan, if it had
   * one) left it; undefined when there is no such log to plan onto (not loaded, or dropped since).
   * Never rejects.
   */
  private async planAhead(records: readonly LoggableRecord[], before: LogPlan | undefined): Promise<LogPlan | undefined> {
    const log = this.loaded;
    if (log === undefined || before?.log !== log || this.quietWrites < QUIET_WRITES_BEFORE_PLANNING_AHEAD) return undefined;
    try {
      await this.prechecks.precheck(log.state.registry, records);
      // Taken before the query: an id leaves `planned` only once committed, so it is in one or the other.
      const inFlight = this.plannedAmong(records);
      const stored = await loggedRecords(this.o.pool, records);
      // The log is dropped, never reused, when a write fails or a plan does not stand.
      if (this.loaded !== log) return undefined;
      const plan = this.plan(log, records, new Map([...stored, ...inFlight]));
      for (const { entry } of plan.entries) if (entry.supersedes === undefined) this.planned.set(entry.record.id, entry);
      return plan;
    } catch {
      return undefined;
    }
  }

  /** The entries planned and not committed yet of `records`: by their ids, and by their own identities where they reuse one. */
  private plannedAmong(records: readonly LoggableRecord[]): Map<string, LogEntry> {
    const inFlight = new Map<string, LogEntry>();
    for (const record of records) {
      const earlier = this.planned.get(record.id);
      if (earlier === undefined) continue;
      inFlight.set(record.id, earlier);
      const reused = record.kind === 'record' && !isTheLoggedRecord(earlier, record) ? this.planned.get(reusedIdOf(record)) : undefined;
      if (reused !== undefined) inFlight.set(reused.record.id, reused);
    }
    return inFlight;
  }

  private async writePlanned(records: readonly LoggableRecord[], plan: LogPlan | undefined, planned: (plan: LogPlan) => void): Promise<PlannedEntry[]> {
    if (plan === undefined) return this.writeNow(records, planned);
    let stood = false;
    try {
      if (plan.log === this.loaded) {
        stood = await this.commitPlan(plan, records);
        if (!stood) this.drop();
      }
    } finally {
      for (const { entry } of plan.entries) if (this.planned.get(entry.record.id) === entry) this.planned.delete(entry.record.id);
    }
    if (!stood) return this.writeNow(records, planned);
    this.committedUpTo(plan);
    return plan.entries;
  }

  /** Commits a plan made ahead if it still stands under the lock; false (nothing written) if not. */
  private async commitPlan(plan: LogPlan, records: readonly LoggableRecord[]): Promise<boolean> {
    try {
      return await inWriterTransaction(this.o.pool, async (client) => {
        const stands = planStillStands(plan, await readLogHead(client, records));
        this.quietWrites = stands ? this.quietWrites + 1 : 0;
        if (stands) await this.insert(client, plan);
        return stands;
      });
    } catch (error) {
      this.drop();
      throw error;
    }
  }

  /** The write under the lock: catch up, plan, insert (`planned` is told the plan as soon as it is made). */
  private async writeNow(records: readonly LoggableRecord[], planned: (plan: LogPlan) => void): Promise<PlannedEntry[]> {
    let plan: LogPlan | undefined;
    // Outside the transaction: the records not checked ahead yet are checked before the lock is taken.
    if (this.loaded !== undefined) await this.prechecks.precheck(this.loaded.state.registry, records);
    try {
      await inWriterTransaction(this.o.pool, async (client) => {
        const head = await readLogHead(client, records);
        this.quietWrites = this.loaded !== undefined && this.loaded.tree.size === head.size ? this.quietWrites + 1 : 0;
        plan = this.plan(await this.caughtUp(client, head), records, head.logged);
        planned(plan);
        await this.insert(client, plan);
      });
    } catch (error) {
      this.drop();
      throw error;
    }
    this.committedUpTo(plan!);
    return plan!.entries;
  }

  private plan(log: LoadedLog, records: readonly LoggableRecord[], logged: ReadonlyMap<string, LogEntry>): LogPlan {
    try {
      return planOnto(log, records, logged, this.clock(), { logKey: this.o.logKey, prechecks: this.prechecks });
    } catch (error) {
      // Half applied: the in-memory log no longer matches any stored one.
      this.drop();
      throw error;
    }
  }

  private async insert(client: pg.PoolClient, plan: LogPlan): Promise<void> {
    await client.query('SET LOCAL ROLE provenance_writer');
    await insertEntries(client, plan.entries, plan.nodes, plan.checkpoint, plan.now);
  }

  private committedUpTo(plan: LogPlan): void {
    // The tree only ever grows (later plans append beyond `endSize`), so positions below it keep their committed hashes.
    this.committed = { tree: plan.log.tree, size: plan.endSize };
    if (plan.entries.length > 0) this.o.onAppended?.();
  }

  private drop(): void {
    this.loaded = undefined;
    this.committed = undefined;
  }

  private async caughtUp(client: pg.PoolClient, head: LogHead): Promise<LoadedLog> {
    if (this.o.trustRoots === undefined) throw new LogHasNoTrustRoots();
    if (this.loaded === undefined) this.loaded = await LoadedLog.load(client, this.o.trustRoots, head);
    else await this.loaded.catchUp(client, head);
    return this.loaded;
  }
}
