import { randomBytes } from 'node:crypto';
import { adminDatabaseUrl, withAdmin } from './test-database.js';

/** Kafka bootstrap brokers for tests, as the global setup resolved them. */
export function testKafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

/** A topic name no other test file uses. */
export function uniqueTopic(base: string): string {
  return `${base}.t${randomBytes(4).toString('hex')}`;
}

export interface ServiceTestEnvironment {
  /** Environment variables for a service config reader: its own database, its own topic prefix, any free port. */
  readonly env: NodeJS.ProcessEnv;
  /** Drops the service's database. */
  cleanup(): Promise<void>;
}

/**
 * Settings that isolate one service under test from every other test file: a database and a Kafka
 * topic prefix of its own. The service creates its database itself, as it does in production.
 */
export function serviceTestEnvironment(label: string, overrides: NodeJS.ProcessEnv = {}): ServiceTestEnvironment {
  const id = randomBytes(4).toString('hex');
  const database = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${id}`;
  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    DATABASE_URL: adminDatabaseUrl(),
    DATABASE_NAME: database,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: `t${id}.`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...overrides,
  };
  return {
    env,
    async cleanup() {
      await withAdmin(adminDatabaseUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
}
