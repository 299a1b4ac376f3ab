import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment } from '@wildlife/testing';
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
  stop(): Promise<void>;
}

/** Request intake on its own database and topic prefix, the real broker, and the test cast as its directory. */
export async function startIntake(label = 'request-intake'): Promise<RunningIntake> {
  const environment = serviceTestEnvironment(label);
  const { directory, keys } = intakeDirectory();
  const service = await createServiceApp(defineRequestIntake(loadRequestIntakeConfig(environment.env), { principals: directory }));
  const url = await service.listen();
  return {
    service,
    url,
    client: new IntakeClient(url, keys),
    topicPrefix: environment.env.KAFKA_TOPIC_PREFIX!,
    async stop() {
      await service.close();
      await environment.cleanup();
    },
  };
}

/** How many rows each table that a refusal must leave alone holds now. */
export async function storedCounts(service: ServiceApp): Promise<{ events: number; outbox: number; requests: number; external: number; keys: number }> {
  const { rows } = await service.pool.query<{ events: number; outbox: number; requests: number; external: number; keys: number }>(
    `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM outbox)::int AS outbox,
            (SELECT count(*) FROM support_requests)::int AS requests, (SELECT count(*) FROM external_information)::int AS external,
            (SELECT count(*) FROM idempotency_keys)::int AS keys`,
  );
  return rows[0]!;
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
