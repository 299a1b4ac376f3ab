import type pg from 'pg';
import { EventStore, type InProcessRelay, type NewEvent, type OutboxMessage } from '@wildlife/event-store';
import { appendOf, benchEvent } from './bench-event.js';

/** One durable write's inputs, made before the clock starts so the figures are the database's. */
export interface WriteInput {
  readonly streamId: string;
  readonly data: string;
  readonly event: NewEvent;
  readonly outbox: OutboxMessage;
}

export function writeInputs(count: number): WriteInput[] {
  return Array.from({ length: count }, () => {
    const event = benchEvent();
    return { streamId: `bench-${event.id}`, data: JSON.stringify(event.data), ...appendOf(event, 'bench.spine.append') };
  });
}

export type WriteVariant = (input: WriteInput) => Promise<void>;

/** A table for the raw baselines: the same JSON, keyed the same way. */
export const RAW_ROWS_TABLE =
  'CREATE TABLE raw_rows (id uuid PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL)';

/**
 * The writes compared, all on `pool` (a database migrated for the event store, plus RAW_ROWS_TABLE);
 * `relay` publishes that database's outbox from this process, as a service's does.
 */
export function writeVariants(pool: pg.Pool, relay: InProcessRelay) {
  const store = new EventStore(pool);
  store.wakeRelayInProcess(relay);
  const storeWithoutLocalRelay = new EventStore(pool);
  const insert = (client: pg.Pool | pg.PoolClient, { event, streamId, data }: WriteInput) =>
    client.query('INSERT INTO raw_rows (id, stream_id, data, recorded_at) VALUES ($1, $2, $3, $4)', [event.eventId, streamId, data, new Date()]);
  return {
    /**
     * `EventStore.append` of one event with its outbox message, in a transaction of its own, as a
     * service appends: its relay in the same process, woken after the commit.
     */
    eventStoreAppend: (async ({ streamId, event, outbox }) => {
      await store.append(streamId, 'no_stream', [event], { outbox: [outbox] });
    }) satisfies WriteVariant,
    /** The same append by a process whose relay is not the publishing one: it NOTIFYs at commit. */
    eventStoreAppendNotifying: (async ({ streamId, event, outbox }) => {
      await storeWithoutLocalRelay.append(streamId, 'no_stream', [event], { outbox: [outbox] });
    }) satisfies WriteVariant,
    /** One single-row INSERT of the same JSON, autocommitted: the least a durable write costs. */
    rawInsert: (async (input) => {
      await insert(pool, input);
    }) satisfies WriteVariant,
    /**
     * The raw INSERT plus a NOTIFY in its transaction, as a notifying append has:
     * PostgreSQL serialises the commits of notifying transactions (one database-wide lock, held
     * through the WAL flush), so they no longer share flushes.
     */
    rawInsertWithNotify: (async (input) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await insert(client, input);
        await client.query("SELECT pg_notify('bench', '')");
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    }) satisfies WriteVariant,
  };
}
