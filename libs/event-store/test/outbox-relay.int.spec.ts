import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { waitUntil, type TestDatabase } from '@wildlife/testing';
import { EventStore, OutboxRelay, type RelayedMessage } from '@wildlife/event-store';
import { anEvent, aStreamId, count, migratedDatabase } from './event-store.fixtures.js';
import { collectingSink, runOutboxOrderingScenario } from './outbox-ordering.scenario.js';

let db: TestDatabase;
let pool: pg.Pool;
let store: EventStore;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-outbox', { max: 12 }));
  store = new EventStore(pool);
});

afterAll(async () => {
  await db.drop();
});

/** Appends `n` events to a stream, each with its outbox message on `topic`; returns their ids in order. */
async function appendAnnounced(topic: string, streamId: string, n: number): Promise<string[]> {
  const events = Array.from({ length: n }, (_, i) => ({ ...anEvent('Counted', { i }), eventId: randomUUID() }));
  await store.append(streamId, 'any', events, {
    outbox: events.map((e) => ({ messageId: e.eventId, topic, key: streamId, headers: { ce_type: e.type }, payload: e.data })),
  });
  return events.map((e) => e.eventId);
}

const idsOn = (messages: readonly RelayedMessage[], topic: string) =>
  messages.filter((m) => m.topic === topic).map((m) => m.messageId);

describe('the outbox relay', () => {
  it('publishes every committed event exactly once and in stream order, despite late commits', async () => {
    const sink = collectingSink();

    const report = await runOutboxOrderingScenario({ pool, sink, topic: `ordered-${randomUUID()}` });

    expect(report).toEqual({ appended: 5_000, missing: [], duplicated: [], outOfOrderStreams: [] });
    expect(sink.batches).toBeGreaterThan(1);
  }, 120_000);

  it('retries a publish that fails, with nothing lost and nothing taken from the outbox meanwhile', async () => {
    const topic = `flaky-${randomUUID()}`;
    const delivered: RelayedMessage[] = [];
    const leftWhileFailing: number[] = [];
    let calls = 0;
    const relay = new OutboxRelay({
      pool,
      retryBaseMs: 20,
      publish: async (messages) => {
        calls += 1;
        if (calls <= 3) {
          leftWhileFailing.push(await count(pool, 'outbox', 'topic = $1', [topic]));
          throw new Error('broker unavailable');
        }
        delivered.push(...messages);
      },
    });
    const streamA = aStreamId();
    const streamB = aStreamId();
    const expectedA = await appendAnnounced(topic, streamA, 10);
    const expectedB = await appendAnnounced(topic, streamB, 10);

    await relay.start();
    try {
      await waitUntil('all 20 messages are delivered', () => idsOn(delivered, topic).length === 20);
    } finally {
      await relay.stop();
    }

    expect(calls).toBeGreaterThanOrEqual(4);
    expect(delivered.filter((m) => m.key === streamA).map((m) => m.messageId)).toEqual(expectedA);
    expect(delivered.filter((m) => m.key === streamB).map((m) => m.messageId)).toEqual(expectedB);
    expect(leftWhileFailing).toEqual([20, 20, 20]);
    await waitUntil('the published messages leave the outbox', async () => (await count(pool, 'outbox', 'topic = $1', [topic])) === 0);
  });

  it('republishes a batch whose publish failed half-way, keeping first arrivals in stream order', async () => {
    const topic = `partial-${randomUUID()}`;
    const delivered: RelayedMessage[] = [];
    let failed = false;
    const relay = new OutboxRelay({
      pool,
      retryBaseMs: 20,
      publish: async (messages) => {
        delivered.push(...messages.slice(0, Math.ceil(messages.length / 2)));
        if (!failed && messages.some((m) => m.topic === topic)) {
          failed = true;
          throw new Error('connection reset after some messages were sent');
        }
        delivered.push(...messages.slice(Math.ceil(messages.length / 2)));
      },
    });
    const streamId = aStreamId();
    const expected = await appendAnnounced(topic, streamId, 12);

    await relay.start();
    try {
      await waitUntil('every message is delivered', () => new Set(idsOn(delivered, topic)).size === 12);
    } finally {
      await relay.stop();
    }

    const firstArrivals = [...new Set(idsOn(delivered, topic))];
    expect(failed).toBe(true);
    expect(firstArrivals).toEqual(expected);
    expect(idsOn(delivered, topic).length).toBeGreaterThan(12);
  });

  it('wakes on the commit notification rather than waiting for its poll', async () => {
    const topic = `prompt-${randomUUID()}`;
    const arrivals = new Map<string, number>();
    const relay = new OutboxRelay({
      pool,
      idlePollMs: 60_000,
      publish: async (messages) => {
        for (const m of messages) arrivals.set(m.messageId, Date.now());
      },
    });
    await relay.start();
    try {
      // Once the warm-up message arrived, the start-up pass is over and the next poll is a minute away.
      const [warmUp] = await appendAnnounced(topic, aStreamId(), 1);
      await waitUntil('the warm-up message arrives', () => arrivals.has(warmUp!), { timeoutMs: 5_000 });
      const committedAt = Date.now();
      const [id] = await appendAnnounced(topic, aStreamId(), 1);

      // Within 5 s, against a poll a minute away, only the notification can have woken it.
      await waitUntil('the message arrives', () => arrivals.has(id!), { timeoutMs: 5_000 });
      console.info(`outbox relay: message published ${arrivals.get(id!)! - committedAt} ms after its commit`);
    } finally {
      await relay.stop();
    }
  });

  it('lets one instance publish at a time, and another take over when it stops', async () => {
    const topic = `leader-${randomUUID()}`;
    const first = collectingSink();
    const second = collectingSink();
    const one = new OutboxRelay({ pool, publish: (m) => first.publish(m), standbyRetryMs: 50 });
    const two = new OutboxRelay({ pool, publish: (m) => second.publish(m), standbyRetryMs: 50 });
    await one.start();
    await two.start();
    try {
      expect([one.isPublishing, two.isPublishing]).toEqual([true, false]);
      const before = await appendAnnounced(topic, aStreamId(), 5);
      await waitUntil('the leader delivers', async () => idsOn(await first.delivered(), topic).length === 5);

      await one.stop();
      await waitUntil('the standby takes over', () => two.isPublishing, { timeoutMs: 5_000 });
      const after = await appendAnnounced(topic, aStreamId(), 5);
      await waitUntil('the new leader delivers', async () => idsOn(await second.delivered(), topic).length === 5);

      expect(idsOn(await first.delivered(), topic)).toEqual(before);
      expect(idsOn(await second.delivered(), topic)).toEqual(after);
    } finally {
      await one.stop();
      await two.stop();
    }
  });

  it('hands on each payload as JSON text of the very value written', async () => {
    const topic = `verbatim-${randomUUID()}`;
    const streamId = aStreamId();
    const event = { ...anEvent('Written'), eventId: randomUUID() };
    const payload = { zeta: 1, alpha: { list: [1, 2.5, 'x y', true], none: null }, ü: 'ünïcödé \u2028 "quoted"' };
    await store.append(streamId, 'no_stream', [event], { outbox: [{ messageId: event.eventId, topic, key: streamId, headers: {}, payload }] });
    const delivered: RelayedMessage[] = [];
    const relay = new OutboxRelay({ pool, publish: async (messages) => void delivered.push(...messages) });

    await relay.start();
    try {
      await waitUntil('the message is delivered', () => idsOn(delivered, topic).length === 1);
    } finally {
      await relay.stop();
    }

    const { payloadJson } = delivered.find((m) => m.topic === topic)!;
    expect(typeof payloadJson).toBe('string');
    expect(JSON.parse(payloadJson)).toEqual(payload);
  });

  it('removes what it published from the outbox', async () => {
    const topic = `removed-${randomUUID()}`;
    const delivered: RelayedMessage[] = [];
    const relay = new OutboxRelay({ pool, publish: async (messages) => void delivered.push(...messages) });
    const ids = await appendAnnounced(topic, aStreamId(), 3);
    expect(await count(pool, 'outbox', 'topic = $1', [topic])).toBe(3);

    await relay.start();
    try {
      await waitUntil('the published rows are gone', async () => (await count(pool, 'outbox', 'topic = $1', [topic])) === 0);
    } finally {
      await relay.stop();
    }

    expect(idsOn(delivered, topic)).toEqual(ids);
  });
});
