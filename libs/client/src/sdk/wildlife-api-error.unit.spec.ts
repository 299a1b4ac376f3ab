import { describe, expect, it } from '@jest/globals';
import { problemOf, WildlifeApiError } from './wildlife-api-error.js';

describe('reading the problem of a refused call', () => {
  it('keeps every member of a problem+json body, extensions and field errors included', () => {
    const body = {
      type: 'https://wildlife.example/problems/validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has 1 invalid field(s).',
      instance: '/v1/support-requests',
      errors: [{ pointer: '/urgency', reason: 'urgency must be one of routine, urgent, critical' }],
      traceId: 'abc',
    };

    const error = new WildlifeApiError(problemOf(400, 'Bad Request', JSON.stringify(body)));

    expect(error).toMatchObject({ name: 'WildlifeApiError', status: 400, type: body.type, title: body.title, detail: body.detail, errors: body.errors });
    expect(error.problem.traceId).toBe('abc');
    expect(error.message).toBe(`400 Bad Request: The request has 1 invalid field(s). (${body.type})`);
  });

  it('describes a body that is not a problem as an about:blank problem of the HTTP status', () => {
    const problem = problemOf(502, 'Bad Gateway', '<html>upstream timed out</html>');

    expect(problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: '<html>upstream timed out</html>' });
  });

  it('takes the status from the answer, not from a body that claims another', () => {
    const problem = problemOf(409, 'Conflict', JSON.stringify({ status: 200, title: 'Conflict', type: 'urn:x' }));

    expect(problem.status).toBe(409);
  });

  it('falls back to the RFC defaults for missing or mistyped members', () => {
    const problem = problemOf(404, 'Not Found', JSON.stringify({ type: 7, detail: ['no'], errors: 'none' }));

    expect(problem).toMatchObject({ type: 'about:blank', title: 'Not Found', status: 404, detail: undefined, errors: undefined });
  });
});
