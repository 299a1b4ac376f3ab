import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { healthyOn, serviceHealthOf, serviceTestEnvironment } from '@wildlife/testing';
import { loadRequestIntakeConfig } from '../src/request-intake.config.js';
import { defineRequestIntake } from '../src/service.js';

describe('the request-intake service', () => {
  const environment = serviceTestEnvironment('request-intake');
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    service = await createServiceApp(defineRequestIntake(loadRequestIntakeConfig(environment.env)));
    url = await service.listen();
  });

  afterAll(async () => {
    await service?.close();
    await environment.cleanup();
  });

  it('is live, and ready once its own PostgreSQL database and the Kafka broker answer', async () => {
    expect(await serviceHealthOf(url, service.pool)).toEqual(healthyOn(environment.env.DATABASE_NAME));
  });

  it('serves an OpenAPI document with every route, its signature headers, body limit and refusals', async () => {
    const response = await fetch(`${url}/openapi.json`);
    const document = (await response.json()) as {
      info: { description: string };
      paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }>>;
    };

    expect(Object.keys(document.paths).filter((path) => path.startsWith('/v1/')).sort()).toEqual([
      '/v1/external-information',
      '/v1/external-information/{informationId}',
      '/v1/support-requests',
      '/v1/support-requests/{requestId}',
    ]);
    const submit = document.paths['/v1/support-requests']!.post!;
    expect(Object.keys(submit.responses).sort()).toEqual(['202', '400', '401', '403', '409', '413', '415', '421', '422']);
    expect((submit.responses['409'] as { description: string }).description).toContain('`record-id-already-used`');
    expect((submit.responses['413'] as { description: string }).description).toContain('64 KiB (65,536 bytes)');
    expect((submit.responses['400'] as { description: string }).description).toEqual(expect.stringContaining('`request-target-invalid`'));
    expect(submit.parameters!.find((parameter) => parameter.name === 'Signature-Input')).toMatchObject({
      description: expect.stringContaining('`if-match` and `idempotency-key` whenever the request sends them'),
    });
    expect(submit.parameters!.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['Idempotency-Key', 'Signature', 'Signature-Input', 'Content-Digest']),
    );
    expect(Object.keys(document.paths['/v1/support-requests/{requestId}']!.get!.responses).sort()).toEqual(['200', '400', '401', '404', '414', '421']);
    expect(Object.keys(document.paths['/v1/support-requests']!.get!.responses).sort()).toEqual(['200', '400', '401', '421']);
    expect(document.paths['/v1/support-requests/{requestId}']!.get!.parameters!.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(['Signature-Input', 'Signature']));
    expect(Object.keys(document.paths['/health/ready']!.get!.responses).sort()).toEqual(['200', '503']);
    expect(document.info.description).toContain('64 KiB');
    expect(document.info.description).toContain('nest at most 64 arrays and objects deep');
  });
});
