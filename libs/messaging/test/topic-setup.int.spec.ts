import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { uniqueTopic } from '@wildlife/testing';
import { ensureTopics, type TopicSpec } from '../src/index.js';
import { testKafka } from './messaging-harness.js';

const DAY_MS = 86_400_000;

describe('declaring topics in code', () => {
  const admin: Admin = testKafka('topic-setup').admin();
  const prefix = `${uniqueTopic('topic-setup')}.`;
  const events: TopicSpec = { name: 'events', partitions: 3, retentionMs: -1, cleanupPolicy: 'delete' };
  const registry: TopicSpec = { name: 'registry', partitions: 1, retentionMs: 7 * DAY_MS, cleanupPolicy: 'compact' };

  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  async function configOf(topic: string): Promise<Record<string, string>> {
    const described = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'cleanup.policy'] }],
    });
    return Object.fromEntries(described.resources[0]!.configEntries.map((e) => [e.configName, e.configValue]));
  }

  it('creates the missing topics under the prefix, with their partitions, retention and cleanup policy', async () => {
    const created = await ensureTopics(admin, [events, registry], { prefix });

    expect(created.sort()).toEqual([`${prefix}events`, `${prefix}registry`]);
    const { topics } = await admin.fetchTopicMetadata({ topics: created });
    expect(Object.fromEntries(topics.map((t) => [t.name, t.partitions.length]))).toEqual({
      [`${prefix}events`]: 3,
      [`${prefix}registry`]: 1,
    });
    expect(await configOf(`${prefix}events`)).toEqual({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
    expect(await configOf(`${prefix}registry`)).toEqual({ 'retention.ms': String(7 * DAY_MS), 'cleanup.policy': 'compact' });
  });

  it('is idempotent: topics that exist are left alone and only new ones are created', async () => {
    const inbox: TopicSpec = { name: 'inbox', partitions: 2, retentionMs: DAY_MS };

    await expect(ensureTopics(admin, [events, registry], { prefix })).resolves.toEqual([]);
    await expect(ensureTopics(admin, [events, registry, inbox], { prefix })).resolves.toEqual([`${prefix}inbox`]);
    expect((await configOf(`${prefix}inbox`))['cleanup.policy']).toBe('delete');
  });
});
