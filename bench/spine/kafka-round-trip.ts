import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka, type Message } from 'kafkajs';
import { toKafkaMessage } from '@wildlife/messaging';
import { Arrivals } from './arrivals.js';
import { benchEvent } from './bench-event.js';
import type { Hop } from './hop.js';

type KafkaBenchMessage = Message & { readonly id: string };

/**
 * The baseline hop: plain kafkajs, produce → consume, nothing else. The producer is configured as the
 * messaging library's (idempotent, one request in flight, acks from all in-sync replicas, murmur2
 * partitioner) and the consumer waits at most 100 ms per fetch, as the library's consumer does; the
 * messages are the same CloudEvents (value and headers) the pipeline moves. `topic` must exist.
 */
export async function openKafkaRoundTrip(kafka: Kafka, topic: string): Promise<Hop<KafkaBenchMessage>> {
  const arrivals = new Arrivals();
  const consumer = kafka.consumer({ groupId: `bench-round-trip-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const close = async () => void (await Promise.allSettled([consumer.disconnect(), producer.disconnect()]));
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message: m }) => arrivals.record(m.headers!.ce_id!.toString()) });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    arrivals,
    prepare: (count) =>
      Array.from({ length: count }, () => {
        const event = benchEvent();
        return { id: event.id, ...toKafkaMessage(event) };
      }),
    idOf: (message) => message.id,
    send: async (messages) => void (await producer.send({ topic, acks: -1, messages })),
    close,
  };
}
