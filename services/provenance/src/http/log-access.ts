import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { authorize, type Action } from '@wildlife/registry';
import { ProblemError, ProblemResponse, type VerifiedPrincipal } from '@wildlife/service-kit';

/**
 * Lets auditors and the GS through (the authorisation table's cells for the log's actions, on the
 * whole log: no country, no owner). Throws 403 for a `forbid` cell, 404 for `hide`, so a caller the
 * table hides the log from learns nothing of what it holds.
 */
export function assertMayRead(principal: VerifiedPrincipal, action: Extract<Action, 'provenance-log:read' | 'provenance-record:read'>): void {
  const decision = authorize(principal, action, {});
  if (decision === 'allow') return;
  if (decision === 'hide') throw new ProblemError(404, 'not-found', 'Not Found', 'There is nothing here that you may see.');
  throw new ProblemError(403, 'forbidden', 'Forbidden', `Only auditors and the General Secretariat may ${action === 'provenance-log:read' ? 'read the provenance log' : 'read record provenance'}.`);
}

/**
 * OpenAPI of a signed, read-only route of the log (`log`: checkpoint, entries, proofs) or of a
 * record's provenance (`record`): the 403 or 404 that
 * `assertMayRead` gives the callers the table keeps out (agencies, NCBs and external sources are
 * `forbid` on the log and `hide` on records). Its RFC 9421 headers, 401 and 400s before the route
 * are the service kit's, as on every signed route (`withKitResponses`).
 */
export function ApiSignedLogRead(route: 'log' | 'record'): MethodDecorator {
  const refusal =
    route === 'log'
      ? ApiResponse({ status: 403, type: ProblemResponse, description: 'The caller may not read the log: only auditors and the GS may (agencies, NCBs and external sources get this)' })
      : ApiResponse({
          status: 404,
          type: ProblemResponse,
          description: 'The log holds no such record (`record-not-found`), or the caller may not read records (agencies, NCBs and external sources: `not-found`, as for a record that does not exist)',
        });
  return applyDecorators(refusal);
}
