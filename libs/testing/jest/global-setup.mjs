import { containerRuntimeAvailable, startContainers } from './containers.mjs';

/**
 * Hands every integration test a real Kafka broker and PostgreSQL server, through KAFKA_BROKERS and
 * DATABASE_URL (jest's workers inherit them):
 * 1. both variables already set: use them as they are;
 * 2. a container runtime: start Kafka and PostgreSQL containers for this run;
 * 3. otherwise: the project's local broker and PostgreSQL (`infra/`), started if they are not running.
 * Plain ESM JavaScript: jest loads global setup outside its module mapping.
 */
export default async function globalSetup() {
  if (process.env.KAFKA_BROKERS && process.env.DATABASE_URL) return;
  if (await containerRuntimeAvailable()) {
    const started = await startContainers();
    globalThis.__wildlifeContainers = started;
    process.env.KAFKA_BROKERS = started.kafkaBrokers;
    process.env.DATABASE_URL = started.databaseUrl;
    return;
  }
  const { ensureInfrastructure } = await import('../../../infra/index.mjs');
  const local = await ensureInfrastructure();
  process.env.KAFKA_BROKERS ??= local.kafkaBrokers;
  process.env.DATABASE_URL ??= local.databaseUrl;
}
