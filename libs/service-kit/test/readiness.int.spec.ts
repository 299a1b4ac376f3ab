import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { Module } from '@nestjs/common';
import { readServiceSettings } from '@wildlife/config';
import { adminDatabaseUrl, serviceTestEnvironment, withAdmin, type ServiceTestEnvironment } from '@wildlife/testing';
import { createServiceApp, type ServiceApp } from '../src/index.js';

@Module({})
class NothingModule {}

async function start(environment: ServiceTestEnvironment) {
  const settings = readServiceSettings({ name: 'kit-test', defaultPort: 0 }, {}, environment.env);
  const service = await createServiceApp({ name: 'kit-test', settings, module: NothingModule });
  return { service, url: await service.listen() };
}

async function admin(sql: string) {
  await withAdmin(adminDatabaseUrl(), (client) => client.query(sql));
}

describe('readiness when a dependency is down', () => {
  const environments: ServiceTestEnvironment[] = [];
  let service: ServiceApp | undefined;

  afterEach(async () => {
    await service?.close();
    service = undefined;
  });
  afterAll(async () => {
    for (const e of environments) await e.cleanup();
  });

  it('answers 503 naming Kafka when no broker answers, and stays alive', async () => {
    const environment = serviceTestEnvironment('kit-kafka-down', { KAFKA_BROKERS: '127.0.0.1:1' });
    environments.push(environment);
    const started = await start(environment);
    service = started.service;

    const ready = await fetch(`${started.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json(;|$)/);
    const problem = (await ready.json()) as { status: number; detail: string; dependencies: { name: string; up: boolean }[] };
    expect(problem.status).toBe(503);
    expect(problem.detail).toMatch(/kafka is down/);
    expect(problem.dependencies).toEqual([
      { name: 'postgres', up: true },
      expect.objectContaining({ name: 'kafka', up: false }),
    ]);
    expect((await fetch(`${started.url}/health/live`)).status).toBe(200);
  });

  it('answers 200 while every connection of the service\'s pool is taken: a busy pool is load, not an outage', async () => {
    // Given a service whose two pool connections are both taken for longer than the probe's 2 s
    const environment = serviceTestEnvironment('kit-pg-busy', { DATABASE_POOL_SIZE: '2' });
    environments.push(environment);
    const started = await start(environment);
    service = started.service;
    const taken = [await service.pool.connect(), await service.pool.connect()];
    try {
      // When readiness is asked
      const ready = await fetch(`${started.url}/health/ready`);

      // Then PostgreSQL is up: it answered, on a connection of the probe's own
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { dependencies: unknown[] }).dependencies).toContainEqual({ name: 'postgres', up: true });
    } finally {
      for (const client of taken) client.release();
    }
  });

  it('answers 503 naming PostgreSQL while its database refuses connections, and recovers after', async () => {
    const environment = serviceTestEnvironment('kit-pg-down');
    environments.push(environment);
    const started = await start(environment);
    service = started.service;
    const database = environment.env.DATABASE_NAME!;
    expect((await fetch(`${started.url}/health/ready`)).status).toBe(200);

    await admin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
    try {
      const ready = await fetch(`${started.url}/health/ready`);
      expect(ready.status).toBe(503);
      const problem = (await ready.json()) as { detail: string };
      expect(problem.detail).toMatch(/postgres is down/);
      expect(problem.detail).not.toMatch(/kafka is down/);
      expect((await fetch(`${started.url}/health/live`)).status).toBe(200);
    } finally {
      await admin(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
    }
    expect((await fetch(`${started.url}/health/ready`)).status).toBe(200);
  });
});
