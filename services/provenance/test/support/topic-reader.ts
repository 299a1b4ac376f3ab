import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { waitUntil } from './provenance-world.js';

export interface ReadMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

/**
 * Reads `topic` from the beginning with a consumer group of its own until at least `count` messages
 * came, and returns them in partition then offset order.
 */
export async function consumeTopic(kafka: Kafka, topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const read: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        read.push({ partition, offset: message.offset, key: message.key?.toString(), value: message.value ?? Buffer.alloc(0), headers });
      },
    });
    await waitUntil(`${count} messages on ${topic}`, () => read.length >= count, timeoutMs);
  } finally {
    await consumer.disconnect();
  }
  return read.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
