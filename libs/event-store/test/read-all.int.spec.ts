import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { waitUntil, type TestDatabase } from '@wildlife/testing';
import { EventStore, type RecordedEvent } from '@wildlife/event-store';
import { anEvent, aStreamId, migratedDatabase } from './event-store.fixtures.js';
import { appendWithLateCommits } from './late-commit-writers.js';

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-read-all', { max: 12 }));
});

afterAll(async () => {
  await db.drop();
});

/** Reads the log the way a subscriber does: resume after the last position received. */
function follow(store: EventStore) {
  const seen: RecordedEvent[] = [];
  return {
    seen,
    async poll(): Promise<void> {
      seen.push(...(await store.readAll(seen.at(-1)?.globalPosition ?? 0, 200)));
    },
  };
}

describe('reading the whole log', () => {
  it('returns events in global-position order after the position given', async () => {
    const store = new EventStore(pool);
    const streamId = aStreamId();
    await store.append(streamId, 'no_stream', [anEvent('A'), anEvent('B'), anEvent('C')]);
    const reader = follow(store);

    await waitUntil('the three events are readable', async () => {
      await reader.poll();
      return reader.seen.filter((e) => e.streamId === streamId).length === 3;
    });
    const [a, b] = reader.seen.filter((e) => e.streamId === streamId);

    expect(reader.seen.filter((e) => e.streamId === streamId).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    expect((await store.readAll(a!.globalPosition, 10)).map((e) => e.type)).toEqual(['B', 'C']);
    expect((await store.readAll(a!.globalPosition, 1)).map((e) => e.eventId)).toEqual([b!.eventId]);
  });

  it('holds back an event that committed while a lower position was still uncommitted', async () => {
    // A takes its transaction id first, B takes its id and a global position, A takes a higher
    // position and commits while B is still open. A filter on `transaction_id < xmin` alone would
    // return A's event now and skip B's for good.
    const store = new EventStore(pool);
    const reader = follow(store);
    await waitUntil('the log is drained', async () => {
      await reader.poll();
      return (await store.readAllPage(reader.seen.at(-1)?.globalPosition ?? 0, 1)).horizon >= (await headPosition());
    });
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query('BEGIN');
      await a.query('SELECT pg_current_xact_id()');
      await b.query('BEGIN');
      const early = await store.appendWith(b, aStreamId('b'), 'no_stream', [anEvent('FromB')]);
      const late = await store.appendWith(a, aStreamId('a'), 'no_stream', [anEvent('FromA')]);
      await a.query('COMMIT');
      expect(late.events[0]!.globalPosition).toBeGreaterThan(early.events[0]!.globalPosition);

      for (let i = 0; i < 5; i++) await reader.poll();
      expect(reader.seen.map((e) => e.type)).not.toContain('FromA');

      await b.query('COMMIT');
      await waitUntil('both events are read', async () => {
        await reader.poll();
        return reader.seen.some((e) => e.type === 'FromA');
      });
      expect(reader.seen.slice(-2).map((e) => e.type)).toEqual(['FromB', 'FromA']);
    } finally {
      a.release();
      b.release();
    }
  });

  it('never skips a late commit while concurrent writers append (every event once, in order)', async () => {
    const store = new EventStore(pool);
    const reader = follow(store);
    const streams = Array.from({ length: 24 }, () => aStreamId('late'));
    let writing = true;
    const polling = (async () => {
      while (writing) await reader.poll();
    })();

    const appended = await appendWithLateCommits(store, pool, {
      writers: 6,
      transactionsPerWriter: 40,
      eventsPerTransaction: 4,
      streams,
      maxCommitDelayMs: 20,
    });
    writing = false;
    await polling;
    const ours = () => reader.seen.filter((e) => streams.includes(e.streamId));
    await waitUntil('every appended event is read', async () => {
      await reader.poll();
      return ours().length >= appended;
    });

    const positions = reader.seen.map((e) => e.globalPosition);
    const inDatabase = await pool.query<{ event_id: string }>(
      'SELECT event_id FROM events WHERE stream_id = ANY($1) ORDER BY global_position',
      [streams],
    );
    expect(appended).toBe(6 * 40 * 4);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    expect(ours().map((e) => e.eventId)).toEqual(inDatabase.rows.map((r) => r.event_id));
  }, 60_000);
});

async function headPosition(): Promise<number> {
  const { rows } = await pool.query<{ head: string | null }>(
    `SELECT pg_sequence_last_value('events_global_position_seq') AS head`,
  );
  return Number(rows[0]!.head ?? 0);
}
