import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import {
  buildServiceProcess,
  listeningUrl,
  serviceDatabaseIsMigrated,
  serviceDatabasePool,
  startServiceProcess,
  type ServiceProcess,
} from '../service-process/service-process.js';

/**
 * A compiled service run as `runService` runs it in production, stopped by signals as a terminal, a
 * supervisor or a container runtime sends them.
 */
describe('a service process stopped by signals', () => {
  const environments: ServiceTestEnvironment[] = [];
  let service: ServiceProcess | undefined;
  let pool: pg.Pool | undefined;

  const start = (label: string) => {
    const environment = serviceTestEnvironment(label, { LOG_LEVEL: 'info' });
    environments.push(environment);
    service = startServiceProcess(environment.env);
    return { service, environment };
  };
  const logged = (message: string) => (service!.output().match(new RegExp(`"msg":"${message}"`, 'g')) ?? []).length;

  beforeAll(() => buildServiceProcess(), 180_000);

  afterEach(async () => {
    service?.kill('SIGKILL');
    await service?.exited;
    service = undefined;
    await pool?.end();
    pool = undefined;
  });

  afterAll(async () => {
    for (const environment of environments) await environment.cleanup();
  });

  it('finishes the request in flight and exits 0 when SIGTERM comes twice, 0.5 s apart', async () => {
    // Given a service answering a request that takes 2 s (within the 3 s its requests get to drain)
    const { service } = start('shutdown_twice');
    const url = await listeningUrl(service);
    const answer = fetch(`${url}/held?ms=2000`);
    await waitUntil('the request is in flight', () => logged('holding a request') === 1, { progress: () => service.output().slice(-2_000) });

    // When SIGTERM comes, and again 0.5 s later (a supervisor that repeats itself)
    service.kill('SIGTERM');
    await sleep(500);
    service.kill('SIGTERM');

    // Then the request is answered, and the service stops once, in good order
    expect((await answer).status).toBe(200);
    expect(await service.exited).toBe(0);
    expect(logged('already shutting down')).toBe(1);
    expect(logged('stopped')).toBe(1);
  }, 90_000);

  it('stops cleanly, exit code 0, on a SIGTERM that comes while it is still starting', async () => {
    // Given a service half-way through its start-up (its database created and migrated, not listening yet)
    const { service, environment } = start('shutdown_starting');
    pool = serviceDatabasePool(environment.env);
    await waitUntil('the service has migrated its database', () => serviceDatabaseIsMigrated(pool!, environment.env), {
      timeoutMs: 60_000,
      pollMs: 50,
      progress: () => service.output().slice(-2_000),
    });

    // When SIGTERM comes
    service.kill('SIGTERM');

    // Then it is not killed by it: it stops once its start-up is over (or cut short), in good order
    expect(await service.exited).toBe(0);
    expect(logged('stopped')).toBe(1);
  }, 90_000);
});
