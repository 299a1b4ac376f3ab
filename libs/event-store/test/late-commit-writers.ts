import { randomInt, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EventStore, OutboxMessage } from '@wildlife/event-store';
import { anEvent } from './event-store.fixtures.js';

export interface LateCommitWorkload {
  readonly writers: number;
  readonly transactionsPerWriter: number;
  readonly eventsPerTransaction: number;
  /** Streams the writers share (each transaction picks one at random, appending with 'any'). */
  readonly streams: readonly string[];
  /** Each transaction sleeps a random 0..maxCommitDelayMs after its append and before COMMIT. */
  readonly maxCommitDelayMs: number;
  /** Outbox topic; when set, every event gets an outbox message (id = event id, key = stream id). */
  readonly topic?: string;
}

/**
 * Appends from concurrent writers whose transactions sleep between insert and COMMIT, so positions
 * (global position, outbox seq) taken early often commit after ones taken later. Resolves with the
 * number of events committed.
 */
export async function appendWithLateCommits(store: EventStore, pool: pg.Pool, load: LateCommitWorkload): Promise<number> {
  const perWriter = await Promise.all(
    Array.from({ length: load.writers }, async () => {
      let appended = 0;
      for (let t = 0; t < load.transactionsPerWriter; t++) {
        const streamId = load.streams[randomInt(load.streams.length)]!;
        const events = Array.from({ length: load.eventsPerTransaction }, () => ({
          ...anEvent('ThingHappened', { writer: t }),
          eventId: randomUUID(),
        }));
        const outbox: OutboxMessage[] = load.topic
          ? events.map((e) => ({
              messageId: e.eventId,
              topic: load.topic!,
              key: streamId,
              headers: { ce_type: e.type },
              payload: e.data,
            }))
          : [];
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await store.appendWith(client, streamId, 'any', events, { outbox });
          await client.query('SELECT pg_sleep($1)', [randomInt(load.maxCommitDelayMs + 1) / 1000]);
          await client.query('COMMIT');
          appended += events.length;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      }
      return appended;
    }),
  );
  return perWriter.reduce((a, b) => a + b, 0);
}
