import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { startConsumer, type RunningConsumer } from '../src/index.js';
import { messagingHarness, recordingLogger, text, type MessagingHarness } from './messaging-harness.js';

class DatabaseIsDown extends Error {}

describe('a message whose handling fails for a while', () => {
  let harness: MessagingHarness;
  let consumer: RunningConsumer | undefined;

  beforeAll(async () => {
    harness = await messagingHarness('transient');
  });
  afterAll(async () => {
    await consumer?.stop();
    await harness.close();
  });

  it('is retried until it succeeds, takes effect once, and holds back the messages after it', async () => {
    const topic = `${harness.prefix}cases`;
    const groupId = harness.group('notification');
    const deadLetterTopic = harness.deadLetterTopic(groupId);
    await harness.createTopics([
      { name: topic, partitions: 1, retentionMs: 3_600_000 },
      { name: deadLetterTopic, partitions: 1, retentionMs: 3_600_000 },
    ]);
    await harness.producer.sendBatch(['a', 'b', 'c'].map((id) => ({ topic, key: 'case-1', value: Buffer.from(id) })));
    const effects: string[] = [];
    let outageLeft = 3;
    const logger = recordingLogger();

    consumer = await startConsumer({
      kafka: harness.kafka,
      groupId,
      topics: [topic],
      handle: async ({ message }) => {
        const id = text(message.value)!;
        if (id === 'b' && outageLeft-- > 0) throw new DatabaseIsDown('connection refused');
        effects.push(id);
      },
      deadLetter: { producer: harness.producer, topicFor: harness.deadLetterTopic },
      logger,
      retryBackoff: { initialMs: 50, maxMs: 200 },
    });
    await waitUntil('the message after the failing one is handled', () => effects.includes('c'));

    expect(effects).toEqual(['a', 'b', 'c']);
    expect(logger.lines.filter((l) => l.level === 'warn' && l.fields.offset === '1').map((l) => l.fields.attempts)).toEqual([1, 2, 3]);
    expect(await harness.messageCount(deadLetterTopic)).toBe(0);
  });
});
