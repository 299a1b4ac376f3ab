import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { Arrivals } from './arrivals.js';
import { appendOf, benchEvent } from './bench-event.js';
import { benchService, benchTopic, EFFECT_CHANNEL } from './bench-service.js';
import type { HopFigures, HopWorkload } from './hop-figures.js';
import { hopStages } from './hop-stages.js';
import { openLoop, round, summarize } from './latency.js';

/**
 * The spine's hop, as a service runs it: `EventStore.append` of one event with its outbox message →
 * outbox relay (woken in-process after the commit) → Kafka → the reaction's consumer → inbox row and effect row in one
 * transaction. A message has arrived when its effect's transaction has committed (the effect
 * NOTIFYs a listener here at commit). Same workload and message as the Kafka baseline.
 */
export async function measureOneHop(env: NodeJS.ProcessEnv, workload: HopWorkload): Promise<HopFigures> {
  const service: ServiceApp = await createServiceApp(benchService(env));
  const arrivals = new Arrivals();
  const listener = await service.pool.connect();
  try {
    listener.on('notification', (n) => arrivals.record(n.payload!));
    await listener.query(`LISTEN ${EFFECT_CHANNEL}`);
    await service.listen();
    const topic = `${env.KAFKA_TOPIC_PREFIX}${benchTopic.name}`;
    // Inputs are made before the clock starts, as for the Kafka baseline.
    const prepared = (count: number) => Array.from({ length: count }, () => appendOf(benchEvent(), topic));
    const append = async ({ event, outbox }: ReturnType<typeof prepared>[number]) => {
      await service.eventStore.append(`acknowledgement-${event.eventId}`, 'no_stream', [event], { outbox: [outbox] });
      return event.eventId!;
    };

    // Warm-up at the measured rate, as for the baseline. The consumer group joins in the background
    // once the pipeline has created its topics; the first events wait for it.
    const warmUp = prepared(workload.warmUpMessages);
    await openLoop(warmUp.length, workload.ratePerSecond, (i) => append(warmUp[i]!).then(() => undefined));
    await arrivals.until(workload.warmUpMessages, workload.timeoutMs, 'pipeline warm-up');

    const intended = new Map<string, number>();
    const timed = prepared(workload.latencyMessages);
    await openLoop(workload.latencyMessages, workload.ratePerSecond, async (i, intendedAt) => {
      intended.set(await append(timed[i]!), intendedAt);
    });
    await arrivals.until(workload.warmUpMessages + workload.latencyMessages, workload.timeoutMs, 'pipeline latency run');
    const latencies = [...intended].map(([id, at]) => arrivals.timeOf(id)! - at);
    const stages = await hopStages(service.pool, [...intended.keys()]);

    const bulk = prepared(workload.throughputMessages);
    const before = arrivals.size;
    const started = performance.now();
    for (let sent = 0; sent < bulk.length; sent += workload.batchSize) {
      await Promise.all(bulk.slice(sent, sent + workload.batchSize).map(append));
    }
    await arrivals.until(before + workload.throughputMessages, workload.timeoutMs, 'pipeline throughput run');
    const seconds = (arrivals.last() - started) / 1_000;
    return {
      latency: { ...summarize(latencies), ratePerSecond: workload.ratePerSecond },
      throughput: { messages: workload.throughputMessages, batchSize: workload.batchSize, messagesPerSecond: round(workload.throughputMessages / seconds, 0) },
      stages,
    };
  } finally {
    listener.release();
    await service.close();
  }
}
