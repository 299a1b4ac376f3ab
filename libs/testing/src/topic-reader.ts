import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

export interface TopicReader {
  /** Every message read so far, in arrival order. */
  readonly messages: readonly ReadMessage[];
  /** Waits for the first message read that satisfies `matches` (one read before the call counts too). */
  first(matches: (read: ReadMessage) => boolean, timeoutMs?: number): Promise<ReadMessage>;
  stop(): Promise<void>;
}

/**
 * Reads `topics` from the beginning in a consumer group of its own: what another service would receive.
 * (The outbox keeps nothing once it is published, so this is where a test sees what a service published.)
 */
export async function readTopics(kafka: Kafka, topics: readonly string[], timeoutMs = 30_000): Promise<TopicReader> {
  await untilServed(kafka, topics, timeoutMs);
  const messages: ReadMessage[] = [];
  const consumer = kafka.consumer({ groupId: `test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...topics], fromBeginning: true });
  await consumer.run({ eachMessage: async ({ topic, partition, message }) => void messages.push({ topic, partition, message }) });
  return {
    messages,
    async first(matches, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(matches);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message on ${topics.join(', ')} within ${timeoutMs} ms (${messages.length} read)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => consumer.disconnect(),
  };
}

/**
 * Waits until every partition of `topics` has a leader. A service creates its topics in the background
 * after it starts; kafkajs refuses to subscribe to a topic the broker does not serve yet instead of
 * waiting for it.
 */
async function untilServed(kafka: Kafka, topics: readonly string[], timeoutMs: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const served = await admin
        .fetchTopicMetadata({ topics: [...topics] })
        .then(({ topics: found }) => found.length === topics.length && found.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)))
        .catch(() => false);
      if (served) return;
      if (Date.now() > deadline) throw new Error(`${topics.join(', ')} not served by the broker within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/** A header of a consumed message as a string (CloudEvents attributes travel as `ce_*` headers). */
export function headerOf(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  return value === undefined ? undefined : String(Array.isArray(value) ? value[0] : value);
}
