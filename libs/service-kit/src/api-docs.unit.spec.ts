import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { withProblemResponses } from './api-docs.js';

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
