import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka } from 'kafkajs';

export interface RecordedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  /** Header values as UTF-8 text (the last one when a name repeats). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface TopicRecorder {
  /** Every message received so far, in arrival order (per partition, offset order). */
  readonly messages: readonly RecordedMessage[];
  stop(): Promise<void>;
}

/**
 * Reads `topic` from its beginning in a consumer group of its own and keeps every message, as an
 * independent observer of what reached the broker. The topic must exist.
 */
export async function recordTopic(kafka: Kafka, topic: string, onMessage?: (message: RecordedMessage) => void): Promise<TopicRecorder> {
  const messages: RecordedMessage[] = [];
  const consumer = kafka.consumer({ groupId: `recorder-${randomUUID()}`, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const recorded = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers: textHeaders(message.headers),
        };
        messages.push(recorded);
        onMessage?.(recorded);
      },
    });
  } catch (error) {
    await consumer.disconnect();
    throw error;
  }
  return { messages, stop: () => consumer.disconnect() };
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = last.toString();
  }
  return text;
}
