import { readTopics, waitUntil } from '@wildlife/testing';
import type { Kafka } from 'kafkajs';

export interface ReadMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | undefined;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
}

/**
 * Reads `topic` from the beginning with a consumer group of its own (`readTopics`) until at least
 * `count` messages came, and returns them in partition then offset order, headers as strings.
 */
export async function consumeTopic(kafka: Kafka, topic: string, count: number, timeoutMs = 30_000): Promise<ReadMessage[]> {
  const reader = await readTopics(kafka, [topic], timeoutMs);
  try {
    await waitUntil(`${count} messages on ${topic}`, () => reader.messages.length >= count, { timeoutMs });
  } finally {
    await reader.stop();
  }
  return reader.messages
    .map(({ partition, message }) => ({
      partition,
      offset: message.offset,
      key: message.key?.toString(),
      value: message.value ?? Buffer.alloc(0),
      headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
    }))
    .sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}
