/** A Kafka topic as code: created at start-up, with these settings, by each service that lists it. */
export interface TopicDefinition {
  readonly name: string;
  readonly partitions: number;
  /** `retention.ms`; -1 keeps messages forever. */
  readonly retentionMs: number;
  /** `cleanup.policy`; Kafka's default (`delete`) when absent. */
  readonly cleanupPolicy?: 'delete' | 'compact';
  readonly description: string;
}

/** Three partitions: enough to run consumers in parallel, small enough for a single-node broker.
 * A case's events are keyed by its case id, so one case keeps its order on one partition. */
export const DEFAULT_PARTITIONS = 3;

export const RETAIN_FOREVER = -1;

const DAY_MS = 24 * 60 * 60 * 1000;
export const NINETY_DAYS_MS = 90 * DAY_MS;
export const THIRTY_DAYS_MS = 30 * DAY_MS;
