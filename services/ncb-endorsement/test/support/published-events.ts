import { randomUUID } from 'node:crypto';
import { contracts, type CloudEvent } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import type { Kafka } from 'kafkajs';

export interface PublishedEvents {
  /** Every event read so far, decoded and checked against its contract, in arrival order. */
  readonly events: readonly CloudEvent[];
  about(requestId: string): CloudEvent[];
  stop(): Promise<void>;
}

/** Reads `topic` from the beginning in a consumer group of its own: what other services would receive. */
export async function readPublishedEvents(kafka: Kafka, topic: string): Promise<PublishedEvents> {
  const events: CloudEvent[] = [];
  const consumer = kafka.consumer({ groupId: `endorsement-test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      events.push(contracts.decodeEvent(fromKafkaMessage(message)));
    },
  });
  return { events, about: (requestId) => events.filter((event) => event.subject === requestId), stop: () => consumer.disconnect() };
}
