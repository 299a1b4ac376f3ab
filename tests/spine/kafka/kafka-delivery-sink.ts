import type { Kafka } from 'kafkajs';
import type { RelayedMessage } from '@wildlife/event-store';
import { createProducer, type MessageProducer } from '@wildlife/messaging';
import { kafkaMessageFor } from '@wildlife/service-kit';
import type { DeliverySink } from '../../../libs/event-store/test/outbox-ordering.scenario.js';
import { recordTopic, type TopicRecorder } from './topic-recorder.js';

// The outbox rows of the ordering scenario carry no CloudEvents id; the sink sends the message id
// along so that what comes back from the broker can be matched with what was written.
const MESSAGE_ID_HEADER = 'ce_id';

/**
 * The ordering scenario's sink over the real broker: `publish` produces a relay batch with the
 * messaging library's idempotent producer (acks from all in-sync replicas), as the service pipeline
 * does, and `delivered` is what a consumer of `topic` has received so far.
 */
export async function kafkaDeliverySink(kafka: Kafka, topic: string): Promise<DeliverySink & { stop(): Promise<void> }> {
  const producer: MessageProducer = createProducer(kafka);
  await producer.connect();
  const delivered: RelayedMessage[] = [];
  let recorder: TopicRecorder;
  try {
    recorder = await recordTopic(kafka, topic, (m) =>
      delivered.push({
        messageId: m.headers[MESSAGE_ID_HEADER]!,
        topic: m.topic,
        key: m.key,
        headers: m.headers,
        payloadJson: m.value === null ? 'null' : m.value.toString('utf8'),
      }),
    );
  } catch (error) {
    await producer.disconnect();
    throw error;
  }
  return {
    async publish(messages) {
      await producer.sendBatch(
        messages.map((m) => {
          const message = kafkaMessageFor(m);
          return { ...message, headers: { ...message.headers, [MESSAGE_ID_HEADER]: m.messageId } };
        }),
      );
    },
    delivered: async () => delivered,
    async stop() {
      await Promise.allSettled([recorder.stop(), producer.disconnect()]);
    },
  };
}
