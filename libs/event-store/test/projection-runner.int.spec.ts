import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { TestDatabase } from '@wildlife/testing';
import { EventStore, ProjectionDidNotCatchUpInTime, ProjectionRunner, type Projection } from '@wildlife/event-store';
import { anEvent, aStreamId, migratedDatabase } from './event-store.fixtures.js';
import { appendWithLateCommits } from './late-commit-writers.js';

let db: TestDatabase;
let pool: pg.Pool;
let store: EventStore;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-projections', { max: 14 }));
  store = new EventStore(pool);
});

afterAll(async () => {
  await db.drop();
});

/**
 * A sample read model: per stream, how many ThingHappened events it has and their stream positions
 * in the order they were applied (so an event applied twice, skipped or out of order shows).
 */
function streamSummary(table: string): Projection {
  return {
    name: table,
    handles: (type) => type === 'ThingHappened',
    async apply(client, event) {
      await client.query(
        `INSERT INTO ${table} (stream_id, event_count, positions) VALUES ($1, 1, $2::text)
         ON CONFLICT (stream_id) DO UPDATE
           SET event_count = ${table}.event_count + 1, positions = ${table}.positions || ',' || $2::text`,
        [event.streamId, event.streamPosition],
      );
    },
    async reset(client) {
      await client.query(`TRUNCATE ${table}`);
    },
  };
}

async function createSummaryTable(table: string): Promise<void> {
  await pool.query(`CREATE TABLE ${table} (stream_id text PRIMARY KEY, event_count integer NOT NULL, positions text NOT NULL)`);
}

async function readSummary(table: string, streams: readonly string[]) {
  const { rows } = await pool.query(`SELECT * FROM ${table} WHERE stream_id = ANY($1) ORDER BY stream_id`, [streams]);
  return rows as { stream_id: string; event_count: number; positions: string }[];
}

/** What the summary must hold, from the events table itself. */
async function expectedSummary(streams: readonly string[]) {
  const { rows } = await pool.query(
    `SELECT stream_id, count(*)::integer AS event_count, string_agg(stream_position::text, ',' ORDER BY stream_position) AS positions
       FROM events WHERE stream_id = ANY($1) AND type = 'ThingHappened'
      GROUP BY stream_id ORDER BY stream_id`,
    [streams],
  );
  return rows;
}

describe('running a projection', () => {
  it('builds live, while events are appended, the same read model as a rebuild from scratch', async () => {
    await createSummaryTable('summary_live');
    const summary = streamSummary('summary_live');
    const runner = new ProjectionRunner({ pool, store, projections: [summary], batchSize: 50, idlePollMs: 10 });
    const streams = Array.from({ length: 12 }, () => aStreamId('projected'));
    runner.start();
    try {
      await appendWithLateCommits(store, pool, {
        writers: 4,
        transactionsPerWriter: 30,
        eventsPerTransaction: 3,
        streams,
        maxCommitDelayMs: 20,
      });
      await store.append(streams[0]!, 'any', [anEvent('NotSummarised')]);
      await runner.catchUp(summary);
    } finally {
      await runner.stop();
    }
    const live = await readSummary('summary_live', streams);

    await runner.rebuild(summary);
    const rebuilt = await readSummary('summary_live', streams);

    expect(live).toEqual(await expectedSummary(streams));
    expect(live.reduce((n, row) => n + row.event_count, 0)).toBe(4 * 30 * 3);
    expect(rebuilt).toEqual(live);
    const lastEvent = await pool.query<{ max: string }>('SELECT max(global_position) FROM events');
    expect(await runner.position(summary)).toBe(Number(lastEvent.rows[0]!.max));
  }, 60_000);

  it('applies each event once when two runners feed the same projection', async () => {
    await createSummaryTable('summary_shared');
    const summary = streamSummary('summary_shared');
    const runners = [1, 2].map(() => new ProjectionRunner({ pool, store, projections: [summary], batchSize: 7, idlePollMs: 5 }));
    const streams = Array.from({ length: 6 }, () => aStreamId('shared'));
    runners.forEach((r) => r.start());
    try {
      await appendWithLateCommits(store, pool, {
        writers: 3,
        transactionsPerWriter: 15,
        eventsPerTransaction: 2,
        streams,
        maxCommitDelayMs: 5,
      });
      await runners[0]!.catchUp(summary);
    } finally {
      await Promise.all(runners.map((r) => r.stop()));
    }

    expect(await readSummary('summary_shared', streams)).toEqual(await expectedSummary(streams));
  }, 60_000);

  it('gives up catching up when a transaction holding a position stays open', async () => {
    await createSummaryTable('summary_blocked');
    const summary = streamSummary('summary_blocked');
    const runner = new ProjectionRunner({ pool, store });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendWith(client, aStreamId(), 'no_stream', [anEvent()]);

      await expect(runner.catchUp(summary, 300)).rejects.toBeInstanceOf(ProjectionDidNotCatchUpInTime);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
    await runner.catchUp(summary);
  });
});
