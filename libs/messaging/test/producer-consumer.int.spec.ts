import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { createProducer, startConsumer, type ConsumedMessage, type RunningConsumer } from '../src/index.js';
import { messagingHarness, recordingLogger, testKafka, text, type MessagingHarness } from './messaging-harness.js';

describe('producing a batch and consuming it', () => {
  let harness: MessagingHarness;
  let consumer: RunningConsumer | undefined;

  beforeAll(async () => {
    harness = await messagingHarness('round-trip');
  });
  afterAll(async () => {
    await consumer?.stop();
    await harness.close();
  });

  it('delivers every message with its key and headers, each key in the order it was sent', async () => {
    const topic = `${harness.prefix}cases`;
    await harness.createTopics([{ name: topic, partitions: 3, retentionMs: 3_600_000 }]);
    const keys = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e'];
    const sent = [0, 1, 2, 3, 4, 5].flatMap((seq) =>
      keys.map((key) => ({ topic, key, value: Buffer.from(JSON.stringify({ key, seq })), headers: { ce_id: `${key}-${seq}`, ce_type: 'test.CaseNoted.v1' } })),
    );
    const received: ConsumedMessage[] = [];
    const groupId = harness.group('round-trip');

    await harness.producer.sendBatch(sent);
    consumer = await startConsumer({
      kafka: harness.kafka,
      groupId,
      topics: [topic],
      handle: async (consumed) => void received.push(consumed),
      deadLetter: { producer: harness.producer, topicFor: harness.deadLetterTopic },
      logger: recordingLogger(),
    });
    await waitUntil(`${sent.length} messages are received`, () => received.length >= sent.length);

    expect(received).toHaveLength(sent.length);
    for (const key of keys) {
      const ofKey = received.filter((r) => text(r.message.key) === key);
      expect(ofKey.map((r) => JSON.parse(text(r.message.value)!).seq)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(ofKey.map((r) => text(r.message.headers?.ce_id as Buffer))).toEqual([0, 1, 2, 3, 4, 5].map((seq) => `${key}-${seq}`));
      expect(new Set(ofKey.map((r) => r.partition)).size).toBe(1);
      expect(ofKey.every((r) => r.topic === topic && text(r.message.headers?.ce_type as Buffer) === 'test.CaseNoted.v1')).toBe(true);
    }
  });

  it('lets a producer that never connected be disconnected', async () => {
    await expect(createProducer(testKafka('never-connected')).disconnect()).resolves.toBeUndefined();
  });
});
