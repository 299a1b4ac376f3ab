import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import type { LeafRecord } from '../verification/leaf-record.js';
import { BoundedQueue } from './bounded-queue.js';
import { LogSourceFailed, type LogHead, type LogSource } from './log-source.js';

/** The log topic's name without a deployment prefix. */
export const LOG_TOPIC = 'wildlife.provenance.log';
const LEAF_HASH_HEADER = 'log-leaf-hash';
const BUFFERED_MESSAGES = 2_000;

const ORIGIN_HEADER = 'log-origin';

/** How long an audit waits, in all, for the topic to catch up with the checkpoint, unless told otherwise. */
export const DEFAULT_CATCH_UP_MS = 60_000;

export interface KafkaSourceOptions {
  readonly brokers: readonly string[];
  /** Default `wildlife.provenance.log`. */
  readonly topic?: string;
  /** Where the checkpoint comes from: the topic carries entries only. */
  readonly head: () => Promise<LogHead>;
  /** How long to wait, in all, for entries the topic does not hold yet. Default `DEFAULT_CATCH_UP_MS`. */
  readonly catchUpMs?: number;
}

/**
 * The log's Kafka topic as a source: partition 0 from its first offset, key = the sequence in
 * decimal, value = the exact leaf bytes, read until the entry before `end`. Delivery is at least
 * once, so a message for a sequence already read is a repeat and skipped (the first one counts, as
 * the relay documents); a message that jumps ahead is handed on, and the audit names the missing
 * entry. The relay routinely trails the checkpoint: when the topic has no next entry yet, the
 * source waits for it (`catchUpMs` in all), then fails as a source (`the topic is behind the
 * checkpoint`: the audit could not run), not as a log that lost an entry. A message whose
 * `log-origin` header names another log than the checkpoint's fails the source too: the topic is
 * not this log's (messages without the header are taken as the relay's). Reads through a consumer
 * group of its own that never commits an offset.
 */
export function kafkaSource(options: KafkaSourceOptions): LogSource {
  const topic = options.topic ?? LOG_TOPIC;
  const description = `kafka://${options.brokers.join(',')}/${topic}`;
  const kafka = new Kafka({ clientId: 'wildlife-audit', brokers: [...options.brokers], logLevel: logLevel.NOTHING, retry: { retries: 3 } });
  const catchUpMs = options.catchUpMs ?? DEFAULT_CATCH_UP_MS;
  /** The checkpoint's origin, which every message's `log-origin` header must name: learnt from the head the audit reads first. */
  let origin: string | undefined;
  const originOf = (read: LogHead) => read.checkpoint.split('\n', 1)[0]!;
  const head = async (): Promise<LogHead> => {
    const read = await options.head();
    origin = originOf(read);
    return read;
  };
  return {
    description,
    identity: description,
    head,
    async *entries(start, end) {
      if (start >= end) return;
      const logOrigin = origin ?? originOf(await options.head());
      await watermarks(kafka, topic, description); // a topic that is not there fails now, not after the wait
      const queue = new BoundedQueue<KafkaMessage>(BUFFERED_MESSAGES);
      const consumer = kafka.consumer({ groupId: `wildlife-audit-${randomUUID()}`, allowAutoTopicCreation: false });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        consumer.on(consumer.events.CRASH, (event) => queue.end(new LogSourceFailed(description, String(event.payload.error))));
        await consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            await queue.put(batch.partition === 0 ? batch.messages : []);
          },
        });
        let expected = start;
        let budget = catchUpMs;
        for (;;) {
          const waitedFrom = Date.now();
          const next = await queue.takeWithin(budget);
          budget -= Date.now() - waitedFrom;
          if ('timedOut' in next) throw new LogSourceFailed(description, `the topic is behind the checkpoint: after ${catchUpMs / 1000} s of waiting it holds no entry ${expected} (the checkpoint covers ${end})`);
          if ('ended' in next) return;
          const message = next.item;
          const from = headerText(message, ORIGIN_HEADER);
          if (from !== undefined && from !== logOrigin) throw new LogSourceFailed(description, `offset ${message.offset} holds an entry of the log "${from}", not of "${logOrigin}": not this log's topic`);
          const leaf = leafOf(message);
          if (leaf === undefined || leaf.sequence < expected) continue;
          if (leaf.sequence >= end) return;
          yield leaf;
          expected = leaf.sequence + 1;
          if (expected >= end) return;
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

function headerText(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  return typeof value === 'string' || Buffer.isBuffer(value) ? value.toString() : undefined;
}

/** The message as a leaf: undefined for one whose key is not a sequence (not the log relay's). */
function leafOf(message: KafkaMessage): LeafRecord | undefined {
  const key = message.key?.toString('utf8');
  if (key === undefined || !/^(0|[1-9][0-9]*)$/.test(key) || message.value === null) return undefined;
  const hash = headerText(message, LEAF_HASH_HEADER);
  const leafHash = hash === undefined ? undefined : Buffer.from(hash, 'base64');
  return leafHash === undefined ? { sequence: Number(key), leafBytes: message.value } : { sequence: Number(key), leafBytes: message.value, leafHash };
}
