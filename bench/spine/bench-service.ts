import { Injectable, Module } from '@nestjs/common';
import { readServiceSettings, type BaseSettings } from '@wildlife/config';
import { topics, type CloudEvent } from '@wildlife/contracts';
import type { ReactionHandler, ServiceDefinition } from '@wildlife/service-kit';
import type pg from 'pg';

export const benchServiceName = 'spine-bench';
export const benchTopic = topics.ncbEndorsementEvents;
/** Notified at the commit of each effect: the moment the hop is done and its effect visible. */
export const EFFECT_CHANNEL = 'bench_effects';

/**
 * Writes one effect row per event, in the inbox transaction, and announces it at commit. The events
 * of one inbox transaction go in one statement (`handleAll`), as a reaction that cares for throughput
 * would write them.
 */
@Injectable()
class BenchEffect implements ReactionHandler {
  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    await this.handleAll([event], client);
  }

  async handleAll(events: readonly CloudEvent<unknown>[], client: pg.PoolClient): Promise<void> {
    await client.query(
      `WITH effect AS (INSERT INTO bench_effects (event_id) SELECT unnest($1::text[]) RETURNING event_id)
       SELECT pg_notify('${EFFECT_CHANNEL}', event_id) FROM effect`,
      [events.map((e) => e.id)],
    );
  }
}

@Module({ providers: [BenchEffect] })
class BenchModule {}

/** A service with the whole spine and one reaction on the NCB endorsement topic. */
export function benchService(env: NodeJS.ProcessEnv): ServiceDefinition<BaseSettings> {
  return {
    name: benchServiceName,
    settings: readServiceSettings({ name: benchServiceName, defaultPort: 0 }, {}, env),
    module: BenchModule,
    eventSourcing: {
      migrations: [{ namespace: benchServiceName, directory: new URL('../migrations/', import.meta.url) }],
      topics: [benchTopic],
      reactions: [{ name: 'effects', topics: [benchTopic.name], handler: BenchEffect }],
    },
  };
}
