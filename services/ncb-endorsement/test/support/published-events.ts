import { contracts, type CloudEvent } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import { readTopics, waitUntil } from '@wildlife/testing';
import type { Kafka } from 'kafkajs';

export interface PublishedEvents {
  /** Every event read so far, decoded and checked against its contract, in arrival order. */
  readonly events: readonly CloudEvent[];
  about(requestId: string): CloudEvent[];
  /** Waits until everything on the topic when it is called has been read. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/** Reads `topic` from the beginning in a consumer group of its own: what other services would receive. */
export async function readPublishedEvents(kafka: Kafka, topic: string): Promise<PublishedEvents> {
  const reader = await readTopics(kafka, [topic]);
  const decoded = () => reader.messages.map(({ message }) => contracts.decodeEvent(fromKafkaMessage(message)));
  const admin = kafka.admin();
  await admin.connect();
  return {
    get events() {
      return decoded();
    },
    about: (requestId) => decoded().filter((event) => event.subject === requestId),
    async caughtUp() {
      const ends = (await admin.fetchTopicOffsets(topic)).filter(({ high, low }) => Number(high) > Number(low));
      const read = (partition: number, offset: number) => reader.messages.some((m) => m.partition === partition && Number(m.message.offset) >= offset);
      await waitUntil(`every message on ${topic} is read`, () => ends.every(({ partition, high }) => read(partition, Number(high) - 1)));
    },
    async stop() {
      await admin.disconnect();
      await reader.stop();
    },
  };
}
