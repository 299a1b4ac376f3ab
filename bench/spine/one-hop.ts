import { createServiceApp } from '@wildlife/service-kit';
import type pg from 'pg';
import { Arrivals } from './arrivals.js';
import { appendOf, benchEvent } from './bench-event.js';
import { benchService, benchTopic, EFFECT_CHANNEL } from './bench-service.js';
import type { Hop } from './hop.js';

type Append = ReturnType<typeof appendOf>;

/**
 * The spine's hop, as a service runs it: `EventStore.append` of one event with its outbox message →
 * outbox relay (woken in-process after the commit) → Kafka → the reaction's consumer → inbox row and
 * effect row in one transaction. A message has arrived when its effect's transaction has committed
 * (the effect NOTIFYs a listener here at commit). Same messages as the Kafka baseline. The consumer
 * group joins in the background once the pipeline has created its topics: the warm-up waits for it.
 */
export async function openOneHop(env: NodeJS.ProcessEnv): Promise<Hop<Append> & { readonly pool: pg.Pool }> {
  const service = await createServiceApp(benchService(env));
  const arrivals = new Arrivals();
  const listener = await service.pool.connect();
  const close = async () => {
    listener.release();
    await service.close();
  };
  try {
    listener.on('notification', (n) => arrivals.record(n.payload!));
    await listener.query(`LISTEN ${EFFECT_CHANNEL}`);
    await service.listen();
  } catch (error) {
    await close();
    throw error;
  }
  const topic = `${env.KAFKA_TOPIC_PREFIX}${benchTopic.name}`;
  return {
    arrivals,
    pool: service.pool,
    prepare: (count) => Array.from({ length: count }, () => appendOf(benchEvent(), topic)),
    idOf: (append) => append.event.eventId!,
    send: async (appends) => {
      await Promise.all(
        appends.map(({ event, outbox }) => service.eventStore.append(`acknowledgement-${event.eventId}`, 'no_stream', [event], { outbox: [outbox] })),
      );
    },
    close,
  };
}
