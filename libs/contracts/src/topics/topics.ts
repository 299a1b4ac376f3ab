import { DEFAULT_PARTITIONS, NINETY_DAYS_MS, RETAIN_FOREVER, type TopicDefinition } from './topic-definition.js';

// Public event topics are kept forever: they are the integration contract between services, a new
// consumer (or a rebuilt projection) must be able to read from the beginning, and v1 events stay
// readable forever. Volumes are small (support requests, not telemetry).
function eventTopic(name: string, description: string): TopicDefinition {
  return { name, partitions: DEFAULT_PARTITIONS, retentionMs: RETAIN_FOREVER, cleanupPolicy: 'delete', description };
}

/**
 * The Kafka key of every fact on the registry topic (ncb-endorsement publishes them): one key for them
 * all, so that they stay on one partition, in the order they were recorded, even on a registry topic
 * created with several partitions.
 */
export const REGISTRY_MESSAGE_KEY = 'wildlife-registry';

/**
 * The topics that exist whatever the member countries and consumer groups. Each service creates the
 * ones its own definition lists (its event sourcing topics, and the registry topic for every
 * service); `disseminationEvents`, `notificationEvents` and `gsInbox` are reserved: no service
 * creates or produces to them yet.
 */
export const topics = {
  requestIntakeEvents: eventTopic(
    'wildlife.request-intake.events',
    'Public events of request intake: support requests and external information received.',
  ),
  ncbEndorsementEvents: eventTopic(
    'wildlife.ncb-endorsement.events',
    'Acknowledgements, endorsements and declines by NCBs, and direct-contact permits.',
  ),
  provenanceEvents: eventTopic(
    'wildlife.provenance.events',
    'Verification outcomes: each record verified (with its classification) or rejected.',
  ),
  provenanceLog: eventTopic(
    'wildlife.provenance.log',
    'The entries of the append-only provenance log, in sequence, for auditors to replay.',
  ),
  disseminationEvents: eventTopic(
    'wildlife.dissemination.events',
    'Intelligence reports, routings and direct transmissions.',
  ),
  notificationEvents: eventTopic('wildlife.notification.events', 'Deliveries and receipts.'),
  // Every service rebuilds its registry of principals and keys from this topic, so it is kept forever.
  // One partition: the registry is one history, each fact resting on facts about other principals
  // (an agency registered with the NCB key a rotation introduced), so it is read in the order it was
  // recorded. Its facts also share one key (REGISTRY_MESSAGE_KEY), which keeps them on one partition
  // of a topic created before with more.
  registryEvents: {
    ...eventTopic(
      'wildlife.registry.events',
      'The principal registry: agencies registered and accredited by their NCB, accreditations suspended, reinstated or revoked, keys rotated or revoked, external sources and auditors registered by the GS. One partition, in the order the facts were recorded.',
    ),
    partitions: 1,
  },
  gsInbox: {
    name: 'wildlife.gs.inbox',
    partitions: DEFAULT_PARTITIONS,
    retentionMs: NINETY_DAYS_MS,
    description: 'What the General Secretariat must receive, such as its copy of every support request.',
  },
} as const satisfies Record<string, TopicDefinition>;

export type StaticTopicId = keyof typeof topics;

/** Every static topic (reserved ones included); services create only the topics their definitions list. */
export const staticTopics: readonly TopicDefinition[] = Object.values(topics);
