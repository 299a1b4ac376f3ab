import { describe, expect, it } from '@jest/globals';
import type { Action } from '@wildlife/registry';
import type { ProblemError, VerifiedPrincipal } from '@wildlife/service-kit';
import { assertMayActOnRequest, supportRequestIsNotFound } from './request-access.js';

const frenchRequest = { principalId: 'agency-fr-ofb', country: 'FR' };
const notFound = () => supportRequestIsNotFound('r-1');

function outcome(principal: VerifiedPrincipal, action: Action, agency: typeof frenchRequest | undefined): number {
  try {
    assertMayActOnRequest(principal, action, agency, notFound);
    return 200;
  } catch (error) {
    return (error as ProblemError).status;
  }
}

describe('who may act on a request of France', () => {
  it.each([
    [{ id: 'ncb-fr', kind: 'ncb', country: 'FR' }, 200],
    [{ id: 'ncb-ke', kind: 'ncb', country: 'KE' }, 404],
    [{ id: 'agency-fr-ofb', kind: 'agency', country: 'FR' }, 403],
    [{ id: 'agency-fr-douane', kind: 'agency', country: 'FR' }, 404],
    [{ id: 'gs', kind: 'general-secretariat' }, 403],
    [{ id: 'ext-1', kind: 'external-source' }, 404],
    [{ id: 'auditor-1', kind: 'auditor' }, 404],
  ] as [VerifiedPrincipal, number][])('answers %o endorsing it with %p', (principal, status) => {
    expect(outcome(principal, 'support-request:endorse', frenchRequest)).toBe(status);
  });

  it('hides a request with the very problem of one that does not exist', () => {
    let hidden: ProblemError | undefined;
    try {
      assertMayActOnRequest({ id: 'ncb-ke', kind: 'ncb', country: 'KE' }, 'support-request:read', frenchRequest, notFound);
    } catch (error) {
      hidden = error as ProblemError;
    }
    expect(hidden?.toProblem()).toEqual(notFound().toProblem());
  });

  it('answers a request not received yet as not found, even to the NCB', () => {
    expect(outcome({ id: 'ncb-fr', kind: 'ncb', country: 'FR' }, 'support-request:acknowledge', undefined)).toBe(404);
  });
});
