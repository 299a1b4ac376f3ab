import { Kafka, logLevel, type Admin } from 'kafkajs';
import { testKafkaBrokers } from '@wildlife/testing';

/** A kafkajs client on the test broker, for the test's own producing, consuming and admin calls. */
export function testKafka(clientId: string): Kafka {
  return new Kafka({ clientId, brokers: testKafkaBrokers(), logLevel: logLevel.ERROR });
}

/** Sum over partitions of a group's committed offsets on `topic` (a partition never committed counts 0). */
export async function committedOffsetTotal(admin: Admin, groupId: string, topic: string): Promise<number> {
  const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
  return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
}

/** How many messages `topic` holds: the sum over partitions of high watermark minus low. */
export async function messagesIn(admin: Admin, topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
}

/** True when every one of `topics` exists on the broker. */
export async function topicsExist(admin: Admin, topics: readonly string[]): Promise<boolean> {
  const existing = new Set(await admin.listTopics());
  return topics.every((t) => existing.has(t));
}
