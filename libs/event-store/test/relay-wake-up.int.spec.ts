import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { waitUntil, type TestDatabase } from '@wildlife/testing';
import { EventStore, inTransaction, OutboxRelay, type OutboxMessage, type RelayedMessage } from '@wildlife/event-store';
import { anEvent, aStreamId, migratedDatabase } from './event-store.fixtures.js';

// The relays here never poll (an hour between idle passes): a message is delivered within the test's
// time only if something woke the relay at the append's commit.
const NEVER_POLL_MS = 3_600_000;

let db: TestDatabase;
let pool: pg.Pool;
let delivered: RelayedMessage[];
let relay: OutboxRelay;
let notifications: string[];
let barriers: string[];
let listener: pg.Client;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-relay-wake-up', { max: 6 }));
  listener = new pg.Client(pool.options);
  await listener.connect();
  listener.on('notification', (n) => (n.payload?.startsWith(BARRIER) ? barriers.push(n.payload) : notifications.push(n.channel)));
  await listener.query('LISTEN outbox');
});

afterAll(async () => {
  await listener.end();
  await db.drop();
});

beforeEach(async () => {
  delivered = [];
  notifications = [];
  barriers = [];
  relay = new OutboxRelay({ pool, idlePollMs: NEVER_POLL_MS, publish: async (messages) => void delivered.push(...messages) });
  await relay.start();
  expect(relay.isPublishing).toBe(true);
});

afterEach(async () => {
  await relay.stop();
});

function announced(): { events: ReturnType<typeof anEvent>[]; outbox: OutboxMessage[]; id: string } {
  const id = randomUUID();
  const event = { ...anEvent('Woke', {}), eventId: id };
  return { id, events: [event], outbox: [{ messageId: id, topic: 'wake-up', key: null, headers: {}, payload: {} }] };
}

const isDelivered = (id: string) => () => delivered.some((m) => m.messageId === id);

const BARRIER = 'barrier-';

/**
 * Resolves once a notification sent now has reached the listener. PostgreSQL delivers notifications
 * in commit order, so every one sent by a transaction committed before has arrived by then. Each
 * listening connection gets its own copy: the publishing relay may act on its copy before the test's
 * listener has read its own, so a test that expects a NOTIFY waits for this barrier first.
 */
async function notificationsSent(): Promise<void> {
  const barrier = BARRIER + randomUUID();
  await pool.query(`SELECT pg_notify('outbox', $1)`, [barrier]);
  await waitUntil('the barrier notification arrives', () => barriers.includes(barrier), { timeoutMs: 5_000 });
}

describe('waking the outbox relay at commit', () => {
  it('an append by the store whose relay publishes in this process wakes it directly, with no NOTIFY', async () => {
    const store = new EventStore(pool);
    store.wakeRelayInProcess(relay);
    const { id, events, outbox } = announced();

    await store.append(aStreamId(), 'no_stream', events, { outbox });

    await waitUntil('the message is published', isDelivered(id), { timeoutMs: 5_000 });
    await notificationsSent();
    expect(notifications).toEqual([]);
  });

  it('an append inside inTransaction wakes the in-process relay once the transaction commits, with no NOTIFY', async () => {
    const store = new EventStore(pool);
    store.wakeRelayInProcess(relay);
    const { id, events, outbox } = announced();

    await inTransaction(pool, (client) => store.appendWith(client, aStreamId(), 'no_stream', events, { outbox }));

    await waitUntil('the message is published', isDelivered(id), { timeoutMs: 5_000 });
    await notificationsSent();
    expect(notifications).toEqual([]);
  });

  it('an append in a transaction the store cannot see end asks PostgreSQL to NOTIFY the relay at commit', async () => {
    const store = new EventStore(pool);
    store.wakeRelayInProcess(relay);
    const { id, events, outbox } = announced();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendWith(client, aStreamId(), 'no_stream', events, { outbox });
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    await waitUntil('the message is published', isDelivered(id), { timeoutMs: 5_000 });
    await notificationsSent();
    expect(notifications).toContain('outbox');
  });

  it('an append by a process whose own relay stands by NOTIFYs the publishing one', async () => {
    const standby = new OutboxRelay({ pool, idlePollMs: NEVER_POLL_MS, standbyRetryMs: NEVER_POLL_MS, publish: async () => undefined });
    await standby.start();
    try {
      expect(standby.isPublishing).toBe(false);
      const store = new EventStore(pool);
      store.wakeRelayInProcess(standby);
      const { id, events, outbox } = announced();

      await store.append(aStreamId(), 'no_stream', events, { outbox });

      await waitUntil('the publishing relay publishes the message', isDelivered(id), { timeoutMs: 5_000 });
      await notificationsSent();
      expect(notifications).toContain('outbox');
    } finally {
      await standby.stop();
    }
  });

  it('appends committed together by such a process NOTIFY the publishing relay too', async () => {
    const standby = new OutboxRelay({ pool, idlePollMs: NEVER_POLL_MS, standbyRetryMs: NEVER_POLL_MS, publish: async () => undefined });
    await standby.start();
    try {
      const store = new EventStore(pool);
      store.wakeRelayInProcess(standby);
      const appends = Array.from({ length: 10 }, () => ({ ...announced(), streamId: aStreamId() }));

      await Promise.all(appends.map(({ streamId, events, outbox }) => store.append(streamId, 'no_stream', events, { outbox })));

      const { rows } = await pool.query<{ n: number }>('SELECT count(DISTINCT transaction_id)::int AS n FROM events WHERE stream_id = ANY($1)', [
        appends.map((a) => a.streamId),
      ]);
      expect(rows[0]!.n).toBeLessThan(appends.length);
      for (const { id } of appends) await waitUntil(`the publishing relay publishes ${id}`, isDelivered(id), { timeoutMs: 5_000 });
      await notificationsSent();
      expect(notifications).toContain('outbox');
    } finally {
      await standby.stop();
    }
  });

  it('a write through SQL of its own is told to skip the NOTIFY while the relay is here, and wakes it when told it committed', async () => {
    const store = new EventStore(pool);
    store.wakeRelayInProcess(relay);
    const { id, events, outbox } = announced();
    const wakeUp = store.outboxWakeUp();

    await pool.query('SELECT * FROM append_events($1, 0, 0, $2, $3, now(), $4)', [aStreamId(), JSON.stringify(events), JSON.stringify(outbox), wakeUp.notifyRelay]);
    wakeUp.committed();

    await waitUntil('the message is published', isDelivered(id), { timeoutMs: 5_000 });
    await notificationsSent();
    expect(wakeUp.notifyRelay).toBe(false);
    expect(notifications).toEqual([]);
    expect(new EventStore(pool).outboxWakeUp().notifyRelay).toBe(true);
  });

  it('a rolled-back transaction wakes nobody and publishes nothing', async () => {
    const store = new EventStore(pool);
    store.wakeRelayInProcess(relay);
    const { id, events, outbox } = announced();

    await expect(
      inTransaction(pool, async (client) => {
        await store.appendWith(client, aStreamId(), 'no_stream', events, { outbox });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');

    // A message committed after it is published only by a pass that began after the rollback.
    const marker = announced();
    await store.append(aStreamId(), 'no_stream', marker.events, { outbox: marker.outbox });
    await waitUntil('the marker committed after it is published', isDelivered(marker.id), { timeoutMs: 5_000 });
    await notificationsSent();
    expect(delivered.map((m) => m.messageId)).not.toContain(id);
    expect(notifications).toEqual([]);
  });
});
