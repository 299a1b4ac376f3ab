import type pg from 'pg';
import { AdvisoryLockClass } from './advisory-locks.js';
import { appendEvents, appendEventsTogether, streamVersion, type AppendOptions, type AppendRequest, type AppendResult } from './append-events.js';
import { StreamVersionConflict } from './event-store.errors.js';
import type { ExpectedVersion, NewEvent, RecordedEvent } from './event.types.js';
import { acceptedVersions } from './expected-version.js';
import { GroupCommit } from './group-commit.js';
import type { InProcessRelay } from './outbox.types.js';
import { ReadHorizon } from './read-horizon.js';
import { readAllEvents, readStreamEvents, type ReadAllPage } from './read-events.js';
import { runAfterCommit } from './transaction.js';

/**
 * The event log of one service's database (tables from `eventStoreMigrations`).
 *
 * Stream positions are 1-based and a stream's version is the position of its last event (0 = empty).
 * Global positions are numbers (see RecordedEvent).
 */
export class EventStore {
  private readonly horizon = new ReadHorizon();
  private relay: InProcessRelay | undefined;
  private readonly groupCommit = new GroupCommit<AppendRequest, AppendResult>({
    together: (requests) => this.appendTogether(requests),
    alone: (request) => this.appendAlone(request),
    keyOf: (request) => request.streamId,
  });

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Tells the store that `relay` publishes this database's outbox from this process. While it is the
   * publishing relay, an append with outbox messages wakes it directly once the append has committed,
   * instead of asking PostgreSQL for a NOTIFY at commit (which serialises notifying commits; see
   * migrations/0006). Appends whose commit the store cannot see (`appendWith` outside `inTransaction`)
   * still NOTIFY, as do all appends while the relay stands by for one in another process.
   * If the relay loses the lead between an append and its commit, the new leader finds the row on
   * its idle poll: later, never lost.
   */
  wakeRelayInProcess(relay: InProcessRelay): void {
    this.relay = relay;
  }

  /**
   * Appends events (and outbox messages) atomically, in a transaction of its own.
   *
   * Either everything is written or nothing is. When the stream's version does not satisfy
   * `expected` — including when another writer with the same expectation got there first — it throws
   * `StreamVersionConflict` with the version it found, and wrote nothing. Resolves once the append is
   * committed (durably, as the server's `synchronous_commit` says).
   *
   * Appends made while earlier ones are still in flight are committed together, in one statement and
   * one transaction, each with its own outcome (see GroupCommit): one round trip and one commit for
   * many under load, none of them waiting when there is no load.
   */
  append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      acceptedVersions(expected);
    } catch (malformed) {
      return Promise.reject(malformed);
    }
    return this.groupCommit.write({ streamId, expected, events, options });
  }

  private async appendAlone({ streamId, expected, events, options }: AppendRequest): Promise<AppendResult> {
    const wakeUp = this.outboxWakeUp();
    try {
      const appended = await appendEvents(this.pool, streamId, expected, events, options, this.clock(), wakeUp.notifyRelay);
      if (options.outbox?.length) wakeUp.committed();
      return appended;
    } catch (error) {
      // Not expected under the stream lock at READ COMMITTED; kept so a conflict always says what it found.
      if (error instanceof StreamVersionConflict && error.actual === undefined) {
        throw new StreamVersionConflict(streamId, expected, await streamVersion(this.pool, streamId));
      }
      throw error;
    }
  }

  private async appendTogether(requests: readonly AppendRequest[]) {
    const wakeUp = this.outboxWakeUp();
    const results = await appendEventsTogether(this.pool, requests, this.clock(), wakeUp.notifyRelay);
    if (requests.some((r) => r.options.outbox?.length)) wakeUp.committed();
    return results;
  }

  /**
   * For a write that calls `append_events` from SQL of its own (e.g. a service's function doing more in
   * the same statement): the `notify_relay` argument to pass, and what to call once that write has
   * committed — the same choice `append` makes.
   */
  outboxWakeUp(): { readonly notifyRelay: boolean; committed(): void } {
    const relay = this.relay;
    return relay?.isPublishing ? { notifyRelay: false, committed: () => relay.wake() } : { notifyRelay: true, committed: () => undefined };
  }

  /**
   * The same append inside a transaction the caller opened on `client` (e.g. to record an inbox row
   * with it); the caller commits or rolls back. On `StreamVersionConflict` at READ COMMITTED the
   * transaction is still usable; a conflict whose `actual` is undefined means PostgreSQL aborted it.
   * The stream stays locked against other appends until the caller's transaction ends.
   * In a transaction opened by `inTransaction`, an in-process relay is woken once it commits; in any
   * other, the append asks PostgreSQL to NOTIFY the relay at commit.
   */
  appendWith(
    client: pg.ClientBase,
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const wakeUp = this.outboxWakeUp();
    // The in-process wake-up needs to see the commit; where it cannot, PostgreSQL NOTIFYs instead.
    const wokenAfterCommit = !wakeUp.notifyRelay && Boolean(options.outbox?.length) && runAfterCommit(client, wakeUp.committed);
    return appendEvents(client, streamId, expected, events, options, this.clock(), !wokenAfterCommit);
  }

  /**
   * Takes, in the transaction open on `client`, the lock every append to `streamId` takes (the
   * `stream` class of AdvisoryLockClass): until that transaction ends, appends to the stream by others
   * wait, and so do others taking this lock. A decision read after it (`readStreamWith`) and appended
   * in the same transaction expecting the version read cannot meet a StreamVersionConflict, however
   * many decide at once: they decide one after the other instead of racing and retrying. Each waiter
   * holds its pooled connection while it waits, so this suits a stream whose commands are few and
   * each depends on the whole stream (ncb-endorsement's registry).
   */
  async lockStreamWith(client: pg.ClientBase, streamId: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [AdvisoryLockClass.stream, streamId]);
  }

  /** A stream's committed events from `fromStreamPosition` (inclusive, 1-based), in stream order. */
  readStream(streamId: string, fromStreamPosition = 1): Promise<RecordedEvent[]> {
    return readStreamEvents(this.pool, streamId, fromStreamPosition);
  }

  /**
   * The same read inside the transaction open on `client`: it also sees what that transaction has
   * appended and not yet committed (e.g. an earlier event of the same batch in an inbox transaction),
   * so a decision made on it expects the version the transaction's next append will find.
   */
  readStreamWith(client: pg.ClientBase, streamId: string, fromStreamPosition = 1): Promise<RecordedEvent[]> {
    return readStreamEvents(client, streamId, fromStreamPosition);
  }

  /**
   * Up to `limit` events of the whole log after `afterGlobalPosition` (exclusive; 0 = from the start),
   * in global-position order.
   *
   * Guarantee: an event is returned only once no event with a lower global position can still
   * commit. So a reader that always resumes after the last position it received never skips an event,
   * however late its transaction commits. The price is latency: an event becomes readable once every
   * transaction that was running when its position was taken has ended (see ReadHorizon).
   */
  async readAll(afterGlobalPosition = 0, limit = 1000): Promise<RecordedEvent[]> {
    return (await this.readAllPage(afterGlobalPosition, limit)).events;
  }

  /** `readAll` with the horizon and head it read up to, for readers that must know when they caught up. */
  readAllPage(afterGlobalPosition = 0, limit = 1000): Promise<ReadAllPage> {
    return readAllEvents(this.pool, this.horizon, afterGlobalPosition, limit);
  }
}
