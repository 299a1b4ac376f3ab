import { Injectable } from '@nestjs/common';
import { topics, type CloudEvent } from '@wildlife/contracts';
import type pg from 'pg';
import type { ReactionDefinition, ReactionHandler } from '../event-sourcing/reaction.js';
import { registryFactOf } from './registry-fact-events.js';
import { recordRegistryFact } from './registry-facts.table.js';

/**
 * Records each registry fact consumed from Kafka in `registry_facts`, in the inbox transaction. The
 * in-memory registry learns it from the table (`RegistryFollower`) once that transaction commits, so
 * every instance of the service, and the service after a restart, applies the same facts in the same
 * order. Events of other types on the topic are ignored.
 */
@Injectable()
export class RegistryProjection implements ReactionHandler {
  async handle(event: CloudEvent<unknown>, client: pg.PoolClient): Promise<void> {
    const fact = registryFactOf(event);
    if (fact !== undefined) await recordRegistryFact(client, event.id, fact);
  }
}

/** The reaction every service gets from the kit: consumer group `<prefix><service>.registry`. */
export const registryReaction: ReactionDefinition = {
  name: 'registry',
  topics: [topics.registryEvents.name],
  handler: RegistryProjection,
};
