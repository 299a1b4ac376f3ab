import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import type { LeafRecord } from '../verification/leaf-record.js';
import { BoundedQueue } from './bounded-queue.js';
import { LogSourceFailed, type LogHead, type LogSource } from './log-source.js';

/** The log topic's name without a deployment prefix. */
export const LOG_TOPIC = 'wildlife.provenance.log';
const LEAF_HASH_HEADER = 'log-leaf-hash';
const BUFFERED_MESSAGES = 2_000;

export interface KafkaSourceOptions {
  readonly brokers: readonly string[];
  /** Default `wildlife.provenance.log`. */
  readonly topic?: string;
  /** Where the checkpoint comes from: the topic carries entries only. */
  readonly head: () => Promise<LogHead>;
}

/**
 * The log's Kafka topic as a source: partition 0 from its first offset up to the high watermark
 * seen at the start, key = the sequence in decimal, value = the exact leaf bytes. Delivery is at
 * least once, so a message for a sequence already read is a repeat and skipped (the first one
 * counts, as the relay documents); a message that jumps ahead is handed on, and the audit names
 * the missing entry. Reads through a consumer group of its own that never commits an offset.
 */
export function kafkaSource(options: KafkaSourceOptions): LogSource {
  const topic = options.topic ?? LOG_TOPIC;
  const description = `kafka://${options.brokers.join(',')}/${topic}`;
  const kafka = new Kafka({ clientId: 'wildlife-audit', brokers: [...options.brokers], logLevel: logLevel.NOTHING, retry: { retries: 3 } });
  return {
    description,
    identity: description,
    head: options.head,
    async *entries(start, end) {
      const { low, high } = await watermarks(kafka, topic, description);
      if (high <= low || start >= end) return;
      const queue = new BoundedQueue<KafkaMessage>(BUFFERED_MESSAGES);
      const consumer = kafka.consumer({ groupId: `wildlife-audit-${randomUUID()}`, allowAutoTopicCreation: false });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        consumer.on(consumer.events.CRASH, (event) => queue.end(new LogSourceFailed(description, String(event.payload.error))));
        await consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const messages = batch.partition === 0 ? batch.messages : [];
            await queue.put(messages);
            if (messages.length > 0 && Number(messages[messages.length - 1]!.offset) >= high - 1) queue.end();
          },
        });
        let expected = start;
        for (let message = await queue.take(); message !== undefined; message = await queue.take()) {
          const leaf = leafOf(message);
          if (leaf === undefined || leaf.sequence < expected) continue;
          if (leaf.sequence >= end) return;
          yield leaf;
          expected = leaf.sequence + 1;
          if (expected >= end || Number(message.offset) >= high - 1) return;
        }
      } catch (error) {
        throw error instanceof LogSourceFailed ? error : new LogSourceFailed(description, (error as Error).message);
      } finally {
        queue.end();
        await consumer.disconnect().catch(() => undefined);
      }
    },
  };
}

async function watermarks(kafka: Kafka, topic: string, description: string): Promise<{ low: number; high: number }> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const partition = (await admin.fetchTopicOffsets(topic)).find((offsets) => offsets.partition === 0);
    if (partition === undefined) throw new LogSourceFailed(description, 'the topic has no partition 0');
    return { low: Number(partition.low), high: Number(partition.high) };
  } catch (error) {
    throw error instanceof LogSourceFailed ? error : new LogSourceFailed(description, (error as Error).message);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The message as a leaf: undefined for one whose key is not a sequence (not the log relay's). */
function leafOf(message: KafkaMessage): LeafRecord | undefined {
  const key = message.key?.toString('utf8');
  if (key === undefined || !/^(0|[1-9][0-9]*)$/.test(key) || message.value === null) return undefined;
  const hash = message.headers?.[LEAF_HASH_HEADER];
  const leafHash = typeof hash === 'string' || Buffer.isBuffer(hash) ? Buffer.from(hash.toString(), 'base64') : undefined;
  return leafHash === undefined ? { sequence: Number(key), leafBytes: message.value } : { sequence: Number(key), leafBytes: message.value, leafHash };
}
