import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { waitUntil, type TestDatabase } from '@wildlife/testing';
import {
  EventIdIsAlreadyRecorded,
  EventStore,
  inTransaction,
  OutboxMessageIdIsAlreadyWritten,
  StreamVersionConflict,
  type OutboxMessage,
  type NewEvent,
} from '@wildlife/event-store';
import { anEvent, aStreamId, count, migratedDatabase } from './event-store.fixtures.js';

let db: TestDatabase;
let pool: pg.Pool;
const now = new Date('2026-03-01T10:00:00.000Z');
let store: EventStore;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-append', { max: 12 }));
  store = new EventStore(pool, () => now);
});

afterAll(async () => {
  await db.drop();
});

function outboxFor(streamId: string, event: NewEvent & { eventId: string }): OutboxMessage {
  return { messageId: event.eventId, topic: 'things', key: streamId, headers: { ce_type: event.type }, payload: event.data };
}

describe('appending to a stream', () => {
  it('records events at 1-based positions, in order, with the clock time and the metadata given', async () => {
    const streamId = aStreamId();
    const principal = { id: 'ncb-fr', kind: 'ncb', country: 'FR' };
    const events = [
      { ...anEvent('RequestSubmitted', { n: 1 }), metadata: { correlationId: 'c-1', principal, traceparent: 'tp', extra: 7 } },
      anEvent('RequestEndorsed', { n: 2 }),
    ];

    const result = await store.append(streamId, 'no_stream', events);
    const read = await store.readStream(streamId);

    expect(result.nextExpectedVersion).toBe(2);
    expect(read.map((e) => [e.streamPosition, e.type, e.data])).toEqual([
      [1, 'RequestSubmitted', { n: 1 }],
      [2, 'RequestEndorsed', { n: 2 }],
    ]);
    expect(read[0]!.metadata).toEqual({ correlationId: 'c-1', principal, traceparent: 'tp', extra: 7 });
    expect(read.map((e) => e.recordedAt.toISOString())).toEqual([now.toISOString(), now.toISOString()]);
    expect(read.map((e) => e.eventId)).toEqual(result.events.map((e) => e.eventId));
    expect(read.map((e) => e.globalPosition)).toEqual(result.events.map((e) => e.globalPosition));
    expect(read[1]!.globalPosition).toBeGreaterThan(read[0]!.globalPosition);
  });

  it('continues from the version returned by the previous append and reads from a position on', async () => {
    const streamId = aStreamId();
    const first = await store.append(streamId, 'no_stream', [anEvent('A')]);
    const second = await store.append(streamId, first.nextExpectedVersion, [anEvent('B'), anEvent('C')]);
    await store.append(streamId, 'stream_exists', [anEvent('D')]);
    await store.append(streamId, 'any', [anEvent('E')]);

    expect(second.nextExpectedVersion).toBe(3);
    expect((await store.readStream(streamId, 3)).map((e) => e.type)).toEqual(['C', 'D', 'E']);
  });

  it('refuses an expectation the stream does not meet, reporting the version found, and writes nothing', async () => {
    const streamId = aStreamId();
    await store.append(streamId, 'no_stream', [anEvent('A'), anEvent('B')]);
    const stale = { ...anEvent('C'), eventId: randomUUID() };

    const refusals = await Promise.all(
      [1, 'no_stream' as const].map((expected) =>
        store.append(streamId, expected, [stale], { outbox: [outboxFor(streamId, stale)] }).catch((e: unknown) => e),
      ),
    );
    const onMissingStream = await store.append(aStreamId(), 'stream_exists', [anEvent()]).catch((e: unknown) => e);

    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(StreamVersionConflict);
      expect(refusal).toMatchObject({ streamId, actual: 2 });
    }
    expect(onMissingStream).toMatchObject({ name: 'StreamVersionConflict', expected: 'stream_exists', actual: 0 });
    expect(await count(pool, 'events', 'stream_id = $1', [streamId])).toBe(2);
    expect(await count(pool, 'outbox', 'message_id = $1', [stale.eventId])).toBe(0);
  });

  it('lets exactly one of several concurrent writers with the same expectation win each version', async () => {
    const streamId = aStreamId();
    const contenders = 6;
    const winners: string[] = [];
    for (let version = 0; version < 4; version++) {
      const attempts = Array.from({ length: contenders }, () => ({ ...anEvent('Raced'), eventId: randomUUID() }));
      const outcomes = await Promise.all(
        attempts.map((event) =>
          store.append(streamId, version, [event], { outbox: [outboxFor(streamId, event)] }).then(
            () => event.eventId,
            (error: unknown) => error,
          ),
        ),
      );
      const won = outcomes.filter((o): o is string => typeof o === 'string');
      const lost = outcomes.filter((o) => typeof o !== 'string');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(contenders - 1);
      for (const error of lost) expect(error).toMatchObject({ name: 'StreamVersionConflict', expected: version, actual: version + 1 });
      winners.push(won[0]!);
    }

    const stream = await store.readStream(streamId);
    const outbox = await pool.query<{ message_id: string }>(
      'SELECT message_id FROM outbox WHERE key = $1 ORDER BY seq',
      [streamId],
    );
    expect(stream.map((e) => e.eventId)).toEqual(winners);
    expect(outbox.rows.map((r) => r.message_id)).toEqual(winners);
  });

  it('reports a conflict found by the unique index inside a repeatable-read transaction, and wrote nothing', async () => {
    const streamId = aStreamId();
    await store.append(streamId, 'no_stream', [anEvent('A')]);
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await client.query('SELECT count(*) FROM events'); // the snapshot is taken here
      await store.append(streamId, 1, [anEvent('B')]);

      const refusal = await store.appendWith(client, streamId, 1, [anEvent('C')]).catch((e: unknown) => e);
      await client.query('ROLLBACK');

      expect(refusal).toBeInstanceOf(StreamVersionConflict);
      expect(refusal).toMatchObject({ streamId, expected: 1, actual: undefined });
    } finally {
      client.release();
    }
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('writes events and outbox messages with the caller’s transaction, and nothing when it rolls back', async () => {
    const kept = aStreamId();
    const dropped = aStreamId();
    const event = { ...anEvent('Dropped'), eventId: randomUUID() };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendWith(client, kept, 'no_stream', [anEvent('Kept')]);
      await client.query('COMMIT');
      await client.query('BEGIN');
      await store.appendWith(client, dropped, 'no_stream', [event], { outbox: [outboxFor(dropped, event)] });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }

    expect(await store.readStream(kept)).toHaveLength(1);
    expect(await store.readStream(dropped)).toHaveLength(0);
    expect(await count(pool, 'outbox', 'message_id = $1', [event.eventId])).toBe(0);
  });

  it('refuses an event id that is already recorded, in any stream', async () => {
    const event = { ...anEvent(), eventId: randomUUID() };
    await store.append(aStreamId(), 'no_stream', [event]);

    const refusal = await store.append(aStreamId(), 'no_stream', [event]).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(EventIdIsAlreadyRecorded);
    expect(await count(pool, 'events', 'event_id = $1', [event.eventId])).toBe(1);
  });

  it('refuses an outbox message id that is already written, and writes none of the append’s events', async () => {
    const streamId = aStreamId();
    const written = { ...anEvent(), eventId: randomUUID() };
    await store.append(aStreamId(), 'no_stream', [written], { outbox: [outboxFor(streamId, written)] });
    const fresh = { ...anEvent(), eventId: randomUUID() };

    const refusal = await store
      .append(streamId, 'no_stream', [fresh], { outbox: [outboxFor(streamId, fresh), outboxFor(streamId, written)] })
      .catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(OutboxMessageIdIsAlreadyWritten);
    expect(await store.readStream(streamId)).toHaveLength(0);
    expect(await count(pool, 'outbox', 'message_id = $1', [fresh.eventId])).toBe(0);
  });

  it('leaves the caller’s read-committed transaction usable after a conflict, and writes an outbox without events', async () => {
    const streamId = aStreamId();
    await store.append(streamId, 'no_stream', [anEvent('A')]);
    const message = { ...outboxFor(streamId, { ...anEvent(), eventId: randomUUID() }) };
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const refusal = await store.appendWith(client, streamId, 'no_stream', [anEvent('B')]).catch((e: unknown) => e);
      const outboxOnly = await store.appendWith(client, streamId, 1, [], { outbox: [message] });
      await client.query('COMMIT');

      expect(refusal).toMatchObject({ name: 'StreamVersionConflict', expected: 'no_stream', actual: 1 });
      expect(outboxOnly).toEqual({ nextExpectedVersion: 1, events: [] });
    } finally {
      client.release();
    }
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['A']);
    expect(await count(pool, 'outbox', 'message_id = $1', [message.messageId])).toBe(1);
  });
});

describe('reading a stream inside a transaction', () => {
  it('sees what the transaction appended before it commits, where a read through the pool does not', async () => {
    const streamId = aStreamId();
    await store.append(streamId, 'no_stream', [anEvent('First')]);

    const seen = await inTransaction(pool, async (client) => {
      await store.appendWith(client, streamId, 1, [anEvent('Second')]);
      return {
        inTransaction: (await store.readStreamWith(client, streamId)).map((e) => e.type),
        throughPool: (await store.readStream(streamId)).map((e) => e.type),
      };
    });

    expect(seen).toEqual({ inTransaction: ['First', 'Second'], throughPool: ['First'] });
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['First', 'Second']);
  });
});


describe('deciding under a stream’s lock', () => {
  /** Sessions of this test's database waiting for an advisory lock. */
  const lockWaiters = async () =>
    (
      await pool.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_locks
          WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      )
    ).rows[0]!.waiting;

  it('keeps others’ appends to the stream waiting until the decision commits, so the version it read stays current', async () => {
    // Given a stream, and a decision that locks it, reads its version, then waits before appending
    const streamId = aStreamId();
    await store.append(streamId, 'no_stream', [anEvent('First')]);
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    let proceed!: () => void;
    const mayProceed = new Promise<void>((resolve) => (proceed = resolve));
    const decision = inTransaction(pool, async (client) => {
      await store.lockStreamWith(client, streamId);
      const version = (await store.readStreamWith(client, streamId)).length;
      locked();
      await mayProceed;
      return store.appendWith(client, streamId, version, [anEvent('Decided')]);
    });
    await isLocked;

    // When another writer appends on the same version meanwhile
    const other = store.append(streamId, 1, [anEvent('Other')]).catch((error: unknown) => error);
    try {
      await waitUntil('the other append waits for the stream’s lock', async () => (await lockWaiters()) > 0, { timeoutMs: 5_000 });
    } finally {
      proceed();
    }

    // Then the decision is appended, and the other writer, which waited for it, finds the stream moved on
    expect((await decision).nextExpectedVersion).toBe(2);
    expect(await other).toBeInstanceOf(StreamVersionConflict);
    expect((await store.readStream(streamId)).map((e) => e.type)).toEqual(['First', 'Decided']);
  });
});
