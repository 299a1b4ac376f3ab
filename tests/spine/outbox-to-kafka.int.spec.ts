import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { eventStoreMigrations, migrate } from '@wildlife/event-store';
import { ensureTopics } from '@wildlife/messaging';
import { createTestDatabase, uniqueTopic, type TestDatabase } from '@wildlife/testing';
import { runOutboxOrderingScenario } from '../../libs/event-store/test/outbox-ordering.scenario.js';
import { kafkaDeliverySink } from './kafka/kafka-delivery-sink.js';
import { testKafka } from './kafka/test-kafka.js';

describe('the outbox relay publishing to the real broker', () => {
  const kafka = testKafka('spine-outbox-ordering');
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase('spine_outbox_ordering');
    pool = db.pool({ max: 12 });
    await migrate(pool, [eventStoreMigrations]);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('delivers every event of 8 writers committing late in random order, none skipped, each stream in order', async () => {
    // Given a topic with three partitions, a consumer on it, and the relay producing to it
    const topic = uniqueTopic('spine.outbox-ordering');
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ name: topic, partitions: 3, retentionMs: 3_600_000 }], { prefix: '' }).finally(() => admin.disconnect());
    const sink = await kafkaDeliverySink(kafka, topic);
    try {
      // When 8 writers append 1,000 transactions of 5 events, each sleeping 0-20 ms before COMMIT
      const report = await runOutboxOrderingScenario({
        pool,
        sink,
        topic,
        writers: 8,
        transactionsPerWriter: 125,
        eventsPerTransaction: 5,
        timeoutMs: 60_000,
      });

      // Then every committed event came back from the broker, and each stream's events in stream order
      const distinct = new Set((await sink.delivered()).map((m) => m.messageId));
      expect(report.appended).toBeGreaterThanOrEqual(5_000);
      expect(report.missing).toEqual([]);
      expect(distinct.size).toBe(report.appended);
      // (Redeliveries are allowed: delivery is at least once, and consumers deduplicate by id.)
      expect(report.outOfOrderStreams).toEqual([]);
    } finally {
      await sink.stop();
    }
  }, 120_000);
});
