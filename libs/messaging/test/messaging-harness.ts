import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { testKafkaBrokers, uniqueTopic, waitUntil } from '@wildlife/testing';
import { createProducer, ensureTopics, type MessageProducer, type MessagingLogger, type TopicSpec } from '../src/index.js';

/** A kafkajs client on the test broker; its own logs only when TEST_KAFKA_LOGS is set. */
export function testKafka(clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: testKafkaBrokers(),
    connectionTimeout: 3_000,
    logLevel: process.env.TEST_KAFKA_LOGS ? logLevel.INFO : logLevel.NOTHING,
  });
}

/** Everything one test file needs: a client, a connected admin and producer, topics of its own. */
export interface MessagingHarness {
  readonly kafka: Kafka;
  readonly producer: MessageProducer;
  /** Unique to this file, ends with '.'. */
  readonly prefix: string;
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** A consumer group name no other test uses. */
  group(label: string): string;
  /** The dead-letter topic of a group, under this file's prefix. */
  deadLetterTopic(groupId: string): string;
  /** The high watermarks of `topic`'s partitions, summed: how many messages it holds. */
  messageCount(topic: string): Promise<number>;
  /** The group's committed offset on partition 0 of `topic`, -1 when none. */
  committedOffset(groupId: string, topic: string): Promise<number>;
  /** Reads `count` messages of `topic` from the beginning. */
  readMessages(topic: string, count: number): Promise<KafkaMessage[]>;
  close(): Promise<void>;
}

export async function messagingHarness(label: string): Promise<MessagingHarness> {
  const kafka = testKafka(label);
  const admin = kafka.admin();
  await admin.connect();
  const producer = createProducer(kafka);
  await producer.connect();
  const prefix = `${uniqueTopic(label)}.`;
  return {
    kafka,
    producer,
    prefix,
    async createTopics(topics) {
      await ensureTopics(admin, topics, { prefix: '' });
    },
    group: (groupLabel) => uniqueTopic(`${prefix}${groupLabel}`),
    deadLetterTopic: (groupId) => `${prefix}dlq.${groupId}`,
    async messageCount(topic) {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, { high }) => sum + Number(high), 0);
    },
    async committedOffset(groupId, topic) {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return Number(committed?.partitions.find((p) => p.partition === 0)?.offset ?? -1);
    },
    readMessages: (topic, count) => readMessages(kafka, topic, count),
    async close() {
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}

async function readMessages(kafka: Kafka, topic: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId: uniqueTopic('reader'), maxWaitTimeInMs: 100 });
  const read: KafkaMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void read.push(message) });
    await waitUntil(`${count} messages are read from ${topic}`, () => read.length >= count);
    return read;
  } finally {
    await consumer.disconnect();
  }
}

/** A logger that keeps what was logged, so a test can look at it (and stays quiet). */
export function recordingLogger(): MessagingLogger & { readonly lines: { level: string; message: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, message, fields });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export const text = (value: Buffer | string | null | undefined): string | undefined =>
  value === null || value === undefined ? undefined : value.toString();
