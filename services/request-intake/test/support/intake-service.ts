import { topics } from '@wildlife/contracts';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { readTopics, serviceTestEnvironment, testKafkaBrokers, type TopicReader } from '@wildlife/testing';
import { Kafka, logLevel } from 'kafkajs';
import { loadRequestIntakeConfig } from '../../src/request-intake.config.js';
import { defineRequestIntake } from '../../src/service.js';
import { IntakeClient } from './intake-client.js';
import { intakeDirectory } from './intake-principals.js';

export interface RunningIntake {
  readonly service: ServiceApp;
  readonly url: string;
  readonly client: IntakeClient;
  /** The KAFKA_TOPIC_PREFIX of this service under test. */
  readonly topicPrefix: string;
  /** What intake published on its events topic, read as another service would (started on first use). */
  published(): Promise<TopicReader>;
  stop(): Promise<void>;
}

/** Request intake on its own database and topic prefix, the real broker, and the test cast as its directory. */
export async function startIntake(label = 'request-intake'): Promise<RunningIntake> {
  const environment = serviceTestEnvironment(label);
  const { directory, keys } = intakeDirectory();
  const service = await createServiceApp(defineRequestIntake(loadRequestIntakeConfig(environment.env), { principals: directory }));
  const url = await service.listen();
  const topicPrefix = environment.env.KAFKA_TOPIC_PREFIX!;
  let reader: Promise<TopicReader> | undefined;
  return {
    service,
    url,
    client: new IntakeClient(url, keys),
    topicPrefix,
    published: () =>
      (reader ??= readTopics(new Kafka({ clientId: `${label}-reader`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }), [
        topicPrefix + topics.requestIntakeEvents.name,
      ])),
    async stop() {
      try {
        await reader?.then((r) => r.stop());
      } finally {
        await service.close();
        await environment.cleanup();
      }
    },
  };
}

/**
 * How many rows each table that a refusal must leave alone holds now. (The outbox is not counted: the
 * relay empties it as it publishes, and a message only ever enters it with the events of an append.)
 */
export async function storedCounts(service: ServiceApp): Promise<{ events: number; requests: number; external: number; keys: number }> {
  const { rows } = await service.pool.query<{ events: number; requests: number; external: number; keys: number }>(
    `SELECT (SELECT count(*) FROM events)::int AS events,
            (SELECT count(*) FROM support_requests)::int AS requests, (SELECT count(*) FROM external_information)::int AS external,
            (SELECT count(*) FROM idempotency_keys)::int AS keys`,
  );
  return rows[0]!;
}
