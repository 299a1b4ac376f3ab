import type pg from 'pg';
import { appendEvents, streamVersion, type AppendOptions, type AppendResult } from './append-events.js';
import { StreamVersionConflict } from './event-store.errors.js';
import type { ExpectedVersion, NewEvent, RecordedEvent } from './event.types.js';
import { ReadHorizon } from './read-horizon.js';
import { readAllEvents, readStreamEvents, type ReadAllPage } from './read-events.js';

/**
 * The event log of one service's database (tables from `eventStoreMigrations`).
 *
 * Stream positions are 1-based and a stream's version is the position of its last event (0 = empty).
 * Global positions are numbers (see RecordedEvent).
 */
export class EventStore {
  private readonly horizon = new ReadHorizon();

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Appends events (and outbox messages) atomically, as one statement that is its own transaction
   * (one round trip to the database).
   *
   * Either everything is written or nothing is. When the stream's version does not satisfy
   * `expected` — including when another writer with the same expectation got there first — it throws
   * `StreamVersionConflict` with the version it found, and wrote nothing.
   */
  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    try {
      return await appendEvents(this.pool, streamId, expected, events, options, this.clock());
    } catch (error) {
      // Not expected under the stream lock at READ COMMITTED; kept so a conflict always says what it found.
      if (error instanceof StreamVersionConflict && error.actual === undefined) {
        throw new StreamVersionConflict(streamId, expected, await streamVersion(this.pool, streamId));
      }
      throw error;
    }
  }

  /**
   * The same append inside a transaction the caller opened on `client` (e.g. to record an inbox row
   * with it); the caller commits or rolls back. On `StreamVersionConflict` at READ COMMITTED the
   * transaction is still usable; a conflict whose `actual` is undefined means PostgreSQL aborted it.
   * The stream stays locked against other appends until the caller's transaction ends.
   */
  appendWith(
    client: pg.ClientBase,
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    return appendEvents(client, streamId, expected, events, options, this.clock());
  }

  /** A stream's committed events from `fromStreamPosition` (inclusive, 1-based), in stream order. */
  readStream(streamId: string, fromStreamPosition = 1): Promise<RecordedEvent[]> {
    return readStreamEvents(this.pool, streamId, fromStreamPosition);
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
