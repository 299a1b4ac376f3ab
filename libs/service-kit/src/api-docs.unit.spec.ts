import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { bodyLimitText, PUBLIC_ROUTE_EXTENSION, withKitResponses, withProblemResponses } from './api-docs.js';

const PROBLEM = { $ref: '#/components/schemas/ProblemResponse' };

function documentWith(responses: Record<string, unknown>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: { '/v1/things': { post: { responses } } } } as OpenAPIObject;
}

describe('error responses in the OpenAPI document', () => {
  it('documents every 4xx and 5xx as application/problem+json, with the ProblemResponse schema unless the route named one', () => {
    const own = { $ref: '#/components/schemas/LogRangeProblemResponse' };
    const document = withProblemResponses(
      documentWith({
        '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
        '400': { description: 'bad', content: { 'application/json': { schema: own } } },
        '401': { description: 'unsigned' },
        '503': { description: 'not ready' },
      }),
    );

    expect(document.paths['/v1/things']!.post!.responses).toEqual({
      '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
      '400': { description: 'bad', content: { 'application/problem+json': { schema: own } } },
      '401': { description: 'unsigned', content: { 'application/problem+json': { schema: PROBLEM } } },
      '503': { description: 'not ready', content: { 'application/problem+json': { schema: PROBLEM } } },
    });
  });

  it('leaves a response that refers to a shared component as it is', () => {
    const shared = { $ref: '#/components/responses/Unauthorised' };

    const document = withProblemResponses(documentWith({ '401': shared }));

    expect(document.paths['/v1/things']!.post!.responses['401']).toEqual(shared);
  });
});

describe('what the kit answers, in the OpenAPI document', () => {
  const limit = { bodyLimitBytes: 256 * 1024 };
  const document = (paths: Record<string, Record<string, unknown>>) => ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths }) as OpenAPIObject;
  const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

  it('gives a signed route with a body and a path parameter its headers, 400, 401, 413, 414, 415 and 421', () => {
    const operation = {
      parameters: [idParameter, { name: 'If-Match', in: 'header', required: false }, { name: 'Signature', in: 'header', description: 'a route’s own copy' }],
      requestBody: { content: { 'application/json': {} } },
      responses: { '200': { description: 'ok' }, '400': { description: 'The body is invalid' } },
    };
    const documented = withKitResponses(document({ '/v1/things/{id}/do': { post: operation } }), limit).paths['/v1/things/{id}/do']!.post!;

    const headers = (documented.parameters as { name: string; in: string; description?: string }[]).filter((p) => p.in === 'header');
    expect(headers.map((p) => p.name)).toEqual(['Signature-Input', 'Signature', 'Content-Digest', 'If-Match']);
    expect(headers[0]!.description).toContain('content-digest, and `if-match` and `idempotency-key` whenever the request sends them');
    expect(headers[0]!.description).toContain('refused with 401');
    expect(Object.keys(documented.responses).sort()).toEqual(['200', '400', '401', '413', '414', '415', '421']);
    const description = (status: string) => (documented.responses[status] as { description: string }).description;
    expect(description('400')).toMatch(/^The body is invalid; or before the route: .*`host-invalid`.*`request-target-invalid`.*`signature-material-unrecordable`/);
    expect(description('413')).toBe('A body over 256 KiB (262,144 bytes) (`payload-too-large`)');
    expect(description('414')).toContain('over 400 UTF-16 code units');
    expect(description('421')).toMatch(/PUBLIC_ORIGINS.*`misdirected-request`/);
    expect(description('415')).toContain('`unsupported-media-type`');
  });

  it('keeps a route’s own 401, and gives a signed read no Content-Digest, 413 or 415', () => {
    const operation = { responses: { '200': { description: 'ok' }, '401': { description: 'route’s own' } } };
    const documented = withKitResponses(document({ '/v1/things': { get: operation } }), limit).paths['/v1/things']!.get!;

    expect((documented.parameters as { name: string }[]).map((p) => p.name)).toEqual(['Signature-Input', 'Signature']);
    expect(Object.keys(documented.responses).sort()).toEqual(['200', '400', '401', '421']);
    expect(documented.responses['401']).toEqual({ description: 'route’s own' });
  });

  it('gives a public route no signature headers and no signature refusals', () => {
    const operation = { [PUBLIC_ROUTE_EXTENSION]: true, parameters: [idParameter], responses: { '200': { description: 'ok' } } };
    const documented = withKitResponses(document({ '/v1/public/{id}': { get: operation } }), limit).paths['/v1/public/{id}']!.get!;

    expect((documented.parameters as { name: string }[]).map((p) => p.name)).toEqual(['id']);
    expect(Object.keys(documented.responses).sort()).toEqual(['200', '414']);
  });

  it('writes a body limit in KiB or MiB with its exact bytes', () => {
    expect([bodyLimitText(65_536), bodyLimitText(1_048_576), bodyLimitText(1000)]).toEqual(['64 KiB (65,536 bytes)', '1 MiB (1,048,576 bytes)', '1,000 bytes']);
  });
});
