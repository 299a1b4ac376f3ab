import { randomUUID } from 'node:crypto';
import { contracts, type CloudEvent } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import type { Kafka } from 'kafkajs';

export interface RegistryTopicReader {
  /** Every event read so far, decoded and checked against its contract, in arrival order. */
  readonly events: readonly CloudEvent[];
  /** Where each event was read: its id, partition, offset and Kafka key. */
  readonly placed: ReadonlyArray<{ readonly id: string; readonly partition: number; readonly offset: bigint; readonly key: string | undefined }>;
  stop(): Promise<void>;
}

/** Reads `topic` from the beginning in a consumer group of its own, as another service would. */
export async function readRegistryTopic(kafka: Kafka, topic: string): Promise<RegistryTopicReader> {
  const events: CloudEvent[] = [];
  const placed: Array<{ id: string; partition: number; offset: bigint; key: string | undefined }> = [];
  const consumer = kafka.consumer({ groupId: `registry-test-reader-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      const event = contracts.decodeEvent(fromKafkaMessage(message));
      events.push(event);
      placed.push({ id: event.id, partition, offset: BigInt(message.offset), key: message.key?.toString() });
    },
  });
  return { events, placed, stop: () => consumer.disconnect() };
}
