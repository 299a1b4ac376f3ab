import { contracts, type CloudEvent } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import { readTopics } from '@wildlife/testing';
import type { Kafka } from 'kafkajs';

export interface PublishedEvents {
  /** Every event read so far, decoded and checked against its contract, in arrival order. */
  readonly events: readonly CloudEvent[];
  about(requestId: string): CloudEvent[];
  stop(): Promise<void>;
}

/** Reads `topic` from the beginning in a consumer group of its own: what other services would receive. */
export async function readPublishedEvents(kafka: Kafka, topic: string): Promise<PublishedEvents> {
  const reader = await readTopics(kafka, [topic]);
  const decoded = () => reader.messages.map(({ message }) => contracts.decodeEvent(fromKafkaMessage(message)));
  return {
    get events() {
      return decoded();
    },
    about: (requestId) => decoded().filter((event) => event.subject === requestId),
    stop: () => reader.stop(),
  };
}
