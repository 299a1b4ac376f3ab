import { deadLetterTopicDefinition, topics, type TopicDefinition } from '@wildlife/contracts';
import { SERVICE } from '../provenance.config.js';

/** A consumer group of the service feeding the log, and the topics it reads. */
export interface RecordFeed {
  /** Within the service: the group id is `<prefix>provenance.<name>`. */
  readonly name: string;
  readonly topics: readonly TopicDefinition[];
}

/** The registry's records: consumed on their own, so that other records can wait for them (`RegistryGate`). */
export const REGISTRY_FEED: RecordFeed = { name: 'registry-records', topics: [topics.registryEvents] };

/**
 * Every other public topic that carries signed records. Add a topic here when a service starts
 * publishing records on another one.
 */
export const RECORD_FEED: RecordFeed = { name: 'records', topics: [topics.requestIntakeEvents, topics.ncbEndorsementEvents] };

export const RECORD_TOPICS: readonly TopicDefinition[] = [...REGISTRY_FEED.topics, ...RECORD_FEED.topics];

/** Where a feed's consumer would park what it can never handle; the log's design leaves it empty. */
export const deadLetterTopicOf = (feed: RecordFeed): TopicDefinition => deadLetterTopicDefinition(`${SERVICE.name}.${feed.name}`);
