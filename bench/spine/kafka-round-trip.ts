import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka, type Message } from 'kafkajs';
import { toKafkaMessage } from '@wildlife/messaging';
import { Arrivals } from './arrivals.js';
import { benchEvent } from './bench-event.js';
import type { HopFigures, HopWorkload } from './hop-figures.js';
import { openLoop, round, summarize } from './latency.js';

/**
 * The baseline hop: plain kafkajs, produce → consume, nothing else. The producer is configured as the
 * messaging library's (idempotent, one request in flight, acks from all in-sync replicas, murmur2
 * partitioner) and the consumer waits at most 100 ms per fetch, as the library's consumer does; the
 * messages are the same CloudEvents (value and headers) the pipeline moves. `topic` must exist.
 */
export async function measureKafkaRoundTrip(kafka: Kafka, topic: string, workload: HopWorkload): Promise<HopFigures> {
  const arrivals = new Arrivals();
  const consumer = kafka.consumer({ groupId: `bench-round-trip-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  const message = (): Message & { id: string } => {
    const event = benchEvent();
    return { id: event.id, ...toKafkaMessage(event) };
  };
  const send = (messages: Message[]) => producer.send({ topic, acks: -1, messages });
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message: m }) => arrivals.record(m.headers!.ce_id!.toString()) });

    // Warm-up at the measured rate: group joined, connections open, code paths compiled.
    await openLoop(workload.warmUpMessages, workload.ratePerSecond, () => send([message()]).then(() => undefined));
    await arrivals.until(workload.warmUpMessages, workload.timeoutMs, 'kafka warm-up');

    const intended = new Map<string, number>();
    const timed = Array.from({ length: workload.latencyMessages }, message);
    await openLoop(workload.latencyMessages, workload.ratePerSecond, async (i, intendedAt) => {
      intended.set(timed[i]!.id, intendedAt);
      await send([timed[i]!]);
    });
    await arrivals.until(workload.warmUpMessages + workload.latencyMessages, workload.timeoutMs, 'kafka latency run');
    const latencies = [...intended].map(([id, at]) => arrivals.timeOf(id)! - at);

    const bulk = Array.from({ length: workload.throughputMessages }, message);
    const before = arrivals.size;
    const started = performance.now();
    for (let sent = 0; sent < bulk.length; sent += workload.batchSize) {
      await send(bulk.slice(sent, sent + workload.batchSize));
    }
    await arrivals.until(before + workload.throughputMessages, workload.timeoutMs, 'kafka throughput run');
    const seconds = (arrivals.last() - started) / 1_000;
    return {
      latency: { ...summarize(latencies), ratePerSecond: workload.ratePerSecond },
      throughput: { messages: workload.throughputMessages, batchSize: workload.batchSize, messagesPerSecond: round(workload.throughputMessages / seconds, 0) },
    };
  } finally {
    await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
  }
}
