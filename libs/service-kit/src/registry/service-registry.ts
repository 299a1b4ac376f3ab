import type { TopicDefinition } from '@wildlife/contracts';
import { topics } from '@wildlife/contracts';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { EventSourcingDefinition } from '../event-sourcing/event-pipeline.js';
import { RegistryDirectory } from './registry-directory.js';
import { RegistryFollower } from './registry-follower.js';
import { loadRegistryOrigin } from './registry-origin.js';
import { registryReaction } from './registry-projection.reaction.js';

/** A service's own projection of the principal registry. */
export interface ServiceRegistry {
  readonly directory: RegistryDirectory;
  readonly follower: RegistryFollower;
}

/**
 * Builds the registry a service starts with: the trust roots of `trustRootsFile`, then every fact
 * already in its `registry_facts` table, applied before this resolves (so before the service listens).
 * Call `follower.start()` to keep it up to date, `follower.stop()` before closing the pool.
 */
export async function openServiceRegistry(options: { pool: pg.Pool; trustRootsFile: string; logger: Logger }): Promise<ServiceRegistry> {
  const logger = options.logger.child({ component: 'registry' });
  const directory = new RegistryDirectory(await loadRegistryOrigin(options.trustRootsFile, logger));
  const follower = new RegistryFollower({ pool: options.pool, directory, logger });
  const rebuiltFrom = await follower.catchUp();
  logger.info({ facts: rebuiltFrom, principals: directory.current.principals.size }, 'registry rebuilt from its table');
  return { directory, follower };
}

/** The service's event sourcing plus the registry topic and the kit's registry reaction. */
export function withRegistryProjection(definition: EventSourcingDefinition): EventSourcingDefinition {
  return {
    ...definition,
    topics: uniqueByName([...definition.topics, topics.registryEvents]),
    reactions: [...(definition.reactions ?? []), registryReaction],
  };
}

function uniqueByName(definitions: readonly TopicDefinition[]): TopicDefinition[] {
  return [...new Map(definitions.map((definition) => [definition.name, definition])).values()];
}
