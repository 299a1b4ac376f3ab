import type { Admin } from 'kafkajs';
import type { RegistryProgress } from './registry-gate.js';

/**
 * Progress of the consumer group feeding registry records to the log: caught up when, on every
 * partition of `topic`, its committed offset (committed only once the record's entry is in the
 * log) has reached the high watermark read after the question was asked.
 */
export function kafkaRegistryProgress(admin: Admin, groupId: string, topic: string): RegistryProgress {
  return async () => {
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const high = await admin.fetchTopicOffsets(topic);
    const committedOf = new Map((committed?.partitions ?? []).map((p) => [p.partition, Math.max(0, Number(p.offset))]));
    return high.every((p) => (committedOf.get(p.partition) ?? 0) >= Number(p.high));
  };
}
