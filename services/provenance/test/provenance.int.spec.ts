import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { healthyOn, serviceHealthOf, type ServiceTestEnvironment, serviceTestEnvironment } from '@wildlife/testing';
import { loadProvenanceConfig } from '../src/provenance.config.js';
import { defineProvenance } from '../src/service.js';
import { newCast } from '../src/testing/signed-records.examples.spec.js';
import { deploymentFiles, type DeploymentFiles } from './support/provenance-world.js';

describe('the provenance service', () => {
  let files: DeploymentFiles;
  let environment: ServiceTestEnvironment;
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    files = await deploymentFiles(newCast());
    environment = serviceTestEnvironment('provenance', files.env);
    service = await createServiceApp(defineProvenance(loadProvenanceConfig(environment.env)));
    url = await service.listen();
  });

  afterAll(async () => {
    await service?.close();
    await environment?.cleanup();
    await files?.remove();
  });

  it('is live, and ready once its own PostgreSQL database and the Kafka broker answer', async () => {
    expect(await serviceHealthOf(url, service.pool)).toEqual(healthyOn(environment.env.DATABASE_NAME));
  });

  it('documents the auditor API in its OpenAPI document', async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, { get: { parameters?: { name: string }[] } }> };
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/v1/log')).sort()).toEqual([
      '/v1/log/checkpoint',
      '/v1/log/entries',
      '/v1/log/proofs/consistency',
      '/v1/log/proofs/inclusion',
      '/v1/log/records/{recordId}',
      '/v1/log/verifier-key',
    ]);
    expect(document.paths['/v1/log/entries']!.get.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['start', 'end', 'Signature-Input']));
  });

  it('documents its refusals as RFC 9457 problems, a range beyond the log with the log’s size', async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const problemSchemaOf = (path: string, status: string) => document.paths[path]!.get.responses[status]!.content!['application/problem+json']!.schema!.$ref;
    expect(problemSchemaOf('/v1/log/entries', '400')).toBe('#/components/schemas/LogRangeProblemResponse');
    expect(problemSchemaOf('/v1/log/checkpoint', '503')).toBe('#/components/schemas/ProblemResponse');
    expect(problemSchemaOf('/v1/log/records/{recordId}', '404')).toBe('#/components/schemas/ProblemResponse');
    expect(Object.keys(document.components.schemas.LogRangeProblemResponse!.properties!)).toEqual(expect.arrayContaining(['type', 'title', 'status', 'treeSize']));
  });

  it('documents tree positions as integers below 2^53, and each route’s refusals as the callers get them', async () => {
    const document = (await (await fetch(`${url}/openapi.json`)).json()) as {
      paths: Record<string, { get: { parameters: { name: string; schema: Record<string, unknown> }[]; responses: Record<string, unknown> } }>;
    };
    const parameter = (path: string, name: string) => document.paths[path]!.get.parameters.find((p) => p.name === name)!.schema;
    expect(parameter('/v1/log/proofs/consistency', 'first')).toMatchObject({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
    expect(parameter('/v1/log/entries', 'start')).toMatchObject({ type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
    const statuses = (path: string) => Object.keys(document.paths[path]!.get.responses).sort();
    expect(statuses('/v1/log/entries')).toEqual(['200', '400', '401', '403', '421']);
    expect(statuses('/v1/log/checkpoint')).toEqual(['200', '400', '401', '403', '421', '503']);
    expect(statuses('/v1/log/records/{recordId}')).toEqual(['200', '400', '401', '404', '414', '421', '503']);
    expect(statuses('/v1/log/verifier-key')).toEqual(['200']);
    const description = (path: string, status: string) => (document.paths[path]!.get.responses[status] as { description: string }).description;
    expect(description('/v1/log/checkpoint', '400')).toContain('`host-invalid`');
    expect(description('/v1/log/records/{recordId}', '414')).toContain('over 400 UTF-16 code units');
    const signatureInput = document.paths['/v1/log/checkpoint']!.get.parameters.find((p) => p.name === 'Signature-Input') as unknown as { description: string };
    expect(signatureInput.description).toContain('`if-match` and `idempotency-key` whenever the request sends them');
    expect(document.paths['/v1/log/verifier-key']!.get.parameters ?? []).toEqual([]);
  });
});
