import type { Admin, ITopicConfig } from 'kafkajs';

/** A topic as code. `TopicDefinition` from `@wildlife/contracts` fits it. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** `retention.ms`; -1 keeps messages forever. */
  readonly retentionMs: number;
  /** `cleanup.policy`; the broker's default (`delete`) when absent. */
  readonly cleanupPolicy?: 'delete' | 'compact';
}

export interface TopicSetupOptions {
  /** Prepended to every name (`KAFKA_TOPIC_PREFIX`; '' in production), so tests never share topics. */
  readonly prefix: string;
  /** Replicas per partition; the broker's `default.replication.factor` when absent. */
  readonly replicationFactor?: number;
}

/**
 * Creates each topic of `topics` that does not exist yet, named `prefix + name`, with its partitions,
 * `retention.ms` and `cleanup.policy`, and waits until every partition it created has a leader.
 * Guarantees: idempotent (an existing topic, or one another instance creates at the same moment, is
 * not an error); an existing topic is left as it is, even if its settings differ. Resolves to the
 * full names of the topics this call created (none when another instance created them first).
 * `admin` must be connected.
 */
export async function ensureTopics(
  admin: Admin,
  topics: readonly TopicSpec[],
  options: TopicSetupOptions,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics
    .map((topic) => topicConfig(topic, options))
    .filter((config) => !existing.has(config.topic));
  if (missing.length === 0) return [];
  // false means every one of them already existed: another instance won the race.
  const created = await admin.createTopics({ topics: missing, waitForLeaders: true });
  return created ? missing.map((config) => config.topic) : [];
}

function topicConfig(topic: TopicSpec, options: TopicSetupOptions): ITopicConfig {
  const configEntries = [{ name: 'retention.ms', value: String(topic.retentionMs) }];
  if (topic.cleanupPolicy) configEntries.push({ name: 'cleanup.policy', value: topic.cleanupPolicy });
  return {
    topic: `${options.prefix}${topic.name}`,
    numPartitions: topic.partitions,
    replicationFactor: options.replicationFactor ?? -1,
    configEntries,
  };
}
