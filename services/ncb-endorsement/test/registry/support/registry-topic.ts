import { randomUUID } from 'node:crypto';
import { contracts, type CloudEvent } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import type { Kafka } from 'kafkajs';

export interface RegistryTopicReader {
  /** Every event read so far, decoded and checked against its contract, in arrival order. */
  readonly events: readonly CloudEvent[];
  stop(): Promise<void>;
}

/** Reads `topic` from the beginning in a consumer group of its own, as another service would. */
export async function readRegistryTopic(kafka: Kafka, topic: string): Promise<RegistryTopicReader> {
  const events: CloudEvent[] = [];
  const consumer = kafka.consumer({ groupId: `registry-test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      events.push(contracts.decodeEvent(fromKafkaMessage(message)));
    },
  });
  return { events, stop: () => consumer.disconnect() };
}
