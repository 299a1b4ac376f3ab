import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { startConsumer, type RunningConsumer } from '../src/index.js';
import { messagingHarness, recordingLogger, type MessagingHarness } from './messaging-harness.js';

describe('a consumer that kafkajs will not restart', () => {
  let harness: MessagingHarness;
  let consumer: RunningConsumer | undefined;

  beforeAll(async () => {
    harness = await messagingHarness('crash');
  });
  afterAll(async () => {
    await consumer?.stop();
    await harness.close();
  });

  it('reports the crash to onFatal instead of living on without consuming', async () => {
    const topic = `${harness.prefix}cases`;
    await harness.createTopics([{ name: topic, partitions: 1, retentionMs: 3_600_000 }]);
    const fatal: Error[] = [];

    // The broker refuses a session under group.min.session.timeout.ms (6 s): a non-retriable join error.
    consumer = await startConsumer({
      kafka: harness.kafka,
      groupId: harness.group('crash'),
      topics: [topic],
      handle: async () => undefined,
      deadLetter: { producer: harness.producer, topicFor: harness.deadLetterTopic },
      logger: recordingLogger(),
      sessionTimeoutMs: 1_000,
      onFatal: (error) => void fatal.push(error),
    });
    await waitUntil('onFatal is called', () => fatal.length > 0);

    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.message).toMatch(/session timeout is not within the range allowed by the broker/);
  });
});
