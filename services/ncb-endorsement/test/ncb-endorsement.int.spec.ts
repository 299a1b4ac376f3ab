import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { healthyOn, serviceHealthOf, serviceTestEnvironment } from '@wildlife/testing';
import { loadNcbEndorsementConfig } from '../src/ncb-endorsement.config.js';
import { defineNcbEndorsement } from '../src/service.js';

describe('the ncb-endorsement service', () => {
  const environment = serviceTestEnvironment('ncb-endorsement');
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    service = await createServiceApp(defineNcbEndorsement(loadNcbEndorsementConfig(environment.env)));
    url = await service.listen();
  });

  afterAll(async () => {
    await service?.close();
    await environment.cleanup();
  });

  it('is live, and ready once its own PostgreSQL database and the Kafka broker answer', async () => {
    expect(await serviceHealthOf(url, service.pool)).toEqual(healthyOn(environment.env.DATABASE_NAME));
  });

  it('documents the endorsement’s endpoints, their If-Match and every refusal in its OpenAPI document', async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, unknown> }>>;
    };

    for (const action of ['acknowledge', 'endorse', 'decline']) {
      const operation = document.paths[`/v1/support-requests/{requestId}/${action}`]!.post!;
      expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: true }));
      expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '413', '414', '415', '421', '428', '503']);
      expect((operation.responses['503'] as { description: string }).description).toContain('`record-time-outside-signature-window`');
    }
    expect(Object.keys(document.paths['/v1/permits/{permitId}/revoke']!.post!.responses)).toEqual(expect.arrayContaining(['200', '403', '404', '409', '412']));
    expect(document.paths['/v1/support-requests/{requestId}/endorsement']!.get).toBeDefined();
    expect(document.paths['/v1/permits/{permitId}']!.get).toBeDefined();
  });

  it('documents what the service kit answers on every route: the signing headers, 400s before the route, 413 at its body limit, 414, 415', async () => {
    type Operation = { parameters?: { name: string; in: string; description?: string }[]; responses: Record<string, { description: string }> };
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    const signed = operations.filter(({ path }) => !path.startsWith('/health'));
    expect(signed.length).toBeGreaterThan(5);
    for (const { method, operation } of signed) {
      const headers = operation.parameters!.filter((parameter) => parameter.in === 'header').map((parameter) => parameter.name);
      expect(headers).toEqual(expect.arrayContaining(['Signature-Input', 'Signature', ...(method === 'post' ? ['Content-Digest'] : [])]));
      expect(operation.parameters!.find((parameter) => parameter.name === 'Signature-Input')!.description).toContain('`if-match` and `idempotency-key` whenever the request sends them');
      expect(operation.responses['400']!.description).toEqual(expect.stringContaining('`host-invalid`'));
      expect(operation.responses['400']!.description).toEqual(expect.stringContaining('`signature-material-unrecordable`'));
      expect(operation.responses['401']).toBeDefined();
      if (method === 'post') {
        expect(operation.responses['413']!.description).toContain('256 KiB (262,144 bytes)');
        expect(operation.responses['415']!.description).toContain('`unsupported-media-type`');
      }
      if (operation.parameters!.some((parameter) => parameter.in === 'path')) expect(operation.responses['414']!.description).toContain('`uri-too-long`');
    }
    expect(Object.keys(document.paths['/v1/permits/{permitId}']!.get!.responses).sort()).toEqual(['200', '400', '401', '404', '414', '421']);
    expect(Object.keys(document.paths['/health/ready']!.get!.responses).sort()).toEqual(['200', '503']);
    expect(document.paths['/health/ready']!.get!.parameters ?? []).toEqual([]);
  });

  it('documents every refusal as an RFC 9457 problem, with the members a decision’s refusal adds', async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const errorResponses = Object.values(document.paths).flatMap((operations) =>
      Object.values(operations).flatMap((operation) => Object.entries(operation.responses).filter(([status]) => /^[45]/.test(status))),
    );
    expect(errorResponses.length).toBeGreaterThan(20);
    for (const [, response] of errorResponses) expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    const schemaOf = (path: string, status: string) => document.paths[path]!.post!.responses[status]!.content!['application/problem+json']!.schema!.$ref;
    expect(schemaOf('/v1/support-requests/{requestId}/endorse', '409')).toBe('#/components/schemas/EndorsementProblemResponse');
    expect(schemaOf('/v1/permits/{permitId}/revoke', '412')).toBe('#/components/schemas/EndorsementProblemResponse');
    expect(schemaOf('/v1/support-requests/{requestId}/endorse', '401')).toBe('#/components/schemas/ProblemResponse');
    expect(Object.keys(document.components.schemas.EndorsementProblemResponse!.properties!)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors', 'currentState', 'permitStatus', 'currentVersion', 'action']),
    );
  });
});
