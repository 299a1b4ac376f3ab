import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { TestDatabase } from '@wildlife/testing';
import { EventIdIsAlreadyRecorded, EventStore, StreamVersionConflict, type AppendResult } from '@wildlife/event-store';
import { anEvent, aStreamId, count, migratedDatabase } from './event-store.fixtures.js';

let db: TestDatabase;
let pool: pg.Pool;
let store: EventStore;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-group-commit', { max: 8 }));
  store = new EventStore(pool);
});

afterAll(async () => {
  await db.drop();
});

/** The transactions that wrote `streams`' events (events.transaction_id). */
async function transactionsOf(streams: readonly string[]): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1)', [streams]);
  return rows[0]!.n;
}

const outcomes = (settled: PromiseSettledResult<AppendResult>[]) =>
  settled.map((s) => (s.status === 'fulfilled' ? 'appended' : (s.reason as Error).constructor.name));

describe('appends committed together', () => {
  it('commits a burst of appends to distinct streams in fewer transactions than appends, each with its own result', async () => {
    const streams = Array.from({ length: 60 }, () => aStreamId('burst'));

    const results = await Promise.all(streams.map((streamId, i) => store.append(streamId, 'no_stream', [anEvent('Burst', { i }), anEvent('Burst', { i })])));

    results.forEach((result, i) => {
      expect(result.nextExpectedVersion).toBe(2);
      expect(result.events.map((e) => [e.streamId, e.streamPosition, e.data])).toEqual([
        [streams[i], 1, { i }],
        [streams[i], 2, { i }],
      ]);
    });
    for (const [i, streamId] of streams.entries()) {
      expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ i }, { i }]);
    }
    expect(await transactionsOf(streams)).toBeLessThan(streams.length);
  });

  it('refuses a stale expectation alone, with the version it found, and writes the rest of its statement', async () => {
    const existing = aStreamId('existing');
    await store.append(existing, 'no_stream', [anEvent()]);
    const fresh = Array.from({ length: 20 }, () => aStreamId('fresh'));

    const settled = await Promise.allSettled([
      ...fresh.slice(0, 10).map((s) => store.append(s, 'no_stream', [anEvent()])),
      store.append(existing, 'no_stream', [anEvent('Stale')]),
      ...fresh.slice(10).map((s) => store.append(s, 'no_stream', [anEvent()])),
    ]);

    expect(outcomes(settled)).toEqual([...Array(10).fill('appended'), 'StreamVersionConflict', ...Array(10).fill('appended')]);
    expect((settled[10] as PromiseRejectedResult).reason).toMatchObject({ streamId: existing, expected: 'no_stream', actual: 1 });
    expect(await count(pool, 'events', 'stream_id = $1', [existing])).toBe(1);
    expect(await count(pool, 'events', 'stream_id = ANY($1)', [fresh])).toBe(20);
  });

  it('gives a failing append its own error and still writes the others that shared its statement', async () => {
    const recorded = { ...anEvent(), eventId: randomUUID() };
    await store.append(aStreamId(), 'no_stream', [recorded]);
    const others = Array.from({ length: 20 }, () => aStreamId('neighbour'));

    const settled = await Promise.allSettled([
      ...others.slice(0, 10).map((s) => store.append(s, 'no_stream', [anEvent()])),
      store.append(aStreamId('duplicate'), 'no_stream', [recorded]),
      ...others.slice(10).map((s) => store.append(s, 'no_stream', [anEvent()])),
    ]);

    expect(outcomes(settled)).toEqual([...Array(10).fill('appended'), EventIdIsAlreadyRecorded.name, ...Array(10).fill('appended')]);
    expect(await count(pool, 'events', 'stream_id = ANY($1)', [others])).toBe(20);
  });

  it('keeps appends to one stream apart, in the order they were made', async () => {
    const streamId = aStreamId('one-stream');
    const padding = Array.from({ length: 10 }, () => aStreamId('padding'));

    const settled = await Promise.allSettled([
      ...padding.map((s) => store.append(s, 'no_stream', [anEvent()])),
      store.append(streamId, 'no_stream', [anEvent('First')]),
      store.append(streamId, 1, [anEvent('Second')]),
      store.append(streamId, 1, [anEvent('SecondAgain')]),
    ]);

    expect(outcomes(settled).slice(-3)).toEqual(['appended', 'appended', StreamVersionConflict.name]);
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['First', 'Second']);
  });

  it('writes the outbox messages of every append it accepts, in order, none of one it refuses, and gives each event its stored global position', async () => {
    const existing = aStreamId('existing');
    await store.append(existing, 'no_stream', [anEvent()]);
    const streams = Array.from({ length: 12 }, () => aStreamId('with-outbox'));
    const messagesOf = (streamId: string) =>
      [1, 2].map((n) => ({ messageId: randomUUID(), topic: 'things', key: streamId, headers: { n: String(n) }, payload: { n } }));
    const outboxes = new Map([...streams, existing].map((s) => [s, messagesOf(s)]));

    const settled = await Promise.allSettled([
      ...streams.slice(0, 6).map((s) => store.append(s, 'no_stream', [anEvent(), anEvent()], { outbox: outboxes.get(s)! })),
      store.append(existing, 'no_stream', [anEvent('Stale')], { outbox: outboxes.get(existing)! }),
      ...streams.slice(6).map((s) => store.append(s, 'no_stream', [anEvent()], { outbox: outboxes.get(s)! })),
    ]);

    expect(outcomes(settled)).toEqual([...Array(6).fill('appended'), 'StreamVersionConflict', ...Array(6).fill('appended')]);
    const { rows } = await pool.query<{ message_id: string; key: string }>(
      'SELECT message_id, key FROM outbox WHERE key = ANY($1) ORDER BY seq',
      [[...streams, existing]],
    );
    for (const streamId of streams) {
      expect(rows.filter((r) => r.key === streamId).map((r) => r.message_id)).toEqual(outboxes.get(streamId)!.map((m) => m.messageId));
    }
    expect(rows.some((r) => r.key === existing)).toBe(false);
    for (const [i, streamId] of streams.entries()) {
      const returned = (settled[i < 6 ? i : i + 1] as PromiseFulfilledResult<AppendResult>).value.events;
      const stored = await store.readStream(streamId);
      expect(returned.map((e) => [e.eventId, e.streamPosition, e.globalPosition])).toEqual(stored.map((e) => [e.eventId, e.streamPosition, e.globalPosition]));
    }
    expect(await transactionsOf(streams)).toBeLessThan(streams.length);
  });

  it('refuses a malformed expectation before queueing it, writing nothing', async () => {
    const streamId = aStreamId();

    await expect(store.append(streamId, -1, [anEvent()])).rejects.toThrow(RangeError);

    expect(await count(pool, 'events', 'stream_id = $1', [streamId])).toBe(0);
  });
});
