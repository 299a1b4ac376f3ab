import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { PermanentMessageError, startConsumer, type ConsumedMessage, type RunningConsumer } from '../src/index.js';
import { messagingHarness, recordingLogger, text, type MessagingHarness } from './messaging-harness.js';

class ValueIsNotJson extends PermanentMessageError {}

/** The decode step a service runs first; a value that is not JSON can never be processed. */
function decode(consumed: ConsumedMessage): { n: number } {
  try {
    return JSON.parse(text(consumed.message.value) ?? '');
  } catch (error) {
    throw new ValueIsNotJson(`value of offset ${consumed.message.offset} is not JSON: ${(error as Error).message}`);
  }
}

describe('a message that can never be processed', () => {
  let harness: MessagingHarness;
  let consumer: RunningConsumer | undefined;

  beforeAll(async () => {
    harness = await messagingHarness('dead-letter');
  });
  afterAll(async () => {
    await consumer?.stop();
    await harness.close();
  });

  it('lands in the dead-letter topic with why and where from, and the partition moves on past it', async () => {
    const topic = `${harness.prefix}cases`;
    const groupId = harness.group('provenance');
    const deadLetterTopic = harness.deadLetterTopic(groupId);
    await harness.createTopics([
      { name: topic, partitions: 1, retentionMs: 3_600_000 },
      { name: deadLetterTopic, partitions: 1, retentionMs: 3_600_000 },
    ]);
    const message = (value: string) => ({ topic, key: 'case-7', value: Buffer.from(value), headers: { ce_id: `e-${value}` } });
    await harness.producer.sendBatch([message('{"n":0}'), message('not json'), message('{"n":2}'), message('{"n":3}')]);
    const processed: number[] = [];

    consumer = await startConsumer({
      kafka: harness.kafka,
      groupId,
      topics: [topic],
      handle: async (consumed) => void processed.push(decode(consumed).n),
      deadLetter: { producer: harness.producer, topicFor: harness.deadLetterTopic },
      logger: recordingLogger(),
    });
    await waitUntil('the messages around the poison one are processed', () => processed.length >= 3);

    expect(processed).toEqual([0, 2, 3]);
    // A message is dead-lettered before its offset is committed: past all four, every dead letter is written.
    await waitUntil('offsets are committed past the poison message', async () => (await harness.committedOffset(groupId, topic)) === 4);
    expect(await harness.messageCount(deadLetterTopic)).toBe(1);
    const [letter] = await harness.readMessages(deadLetterTopic, 1);
    expect(text(letter!.value)).toBe('not json');
    expect(text(letter!.key)).toBe('case-7');
    const headers = Object.fromEntries(Object.entries(letter!.headers ?? {}).map(([name, value]) => [name, text(value as Buffer)]));
    expect(headers).toMatchObject({
      ce_id: 'e-not json',
      'dlq-original-topic': topic,
      'dlq-original-partition': '0',
      'dlq-original-offset': '1',
      'dlq-original-key': 'case-7',
      'dlq-reason': 'ValueIsNotJson',
      'dlq-consumer-group': groupId,
    });
    expect(headers['dlq-detail']).toMatch(/^value of offset 1 is not JSON/);
    expect(Date.now() - Date.parse(headers['dlq-failed-at']!)).toBeLessThan(60_000);
  });
});
