import type { AgencyReference } from '@wildlife/contracts';
import { authorize, type Action } from '@wildlife/registry';
import { ProblemError, type VerifiedPrincipal } from '@wildlife/service-kit';

// Who may do what to a request is the registry's table (`authorize`): 'forbid' is a 403, 'hide' is
// the very answer a request that does not exist gets, so a refusal never reveals that it exists.

/** The 404 of a support request that does not exist, or that the caller may not know of. */
export function supportRequestIsNotFound(requestId: string): ProblemError {
  return new ProblemError(404, 'support-request-not-found', 'Not Found', `No support request ${requestId} is known to you.`);
}

/** The 404 of a permit that does not exist, or that the caller may not know of. */
export function permitIsNotFound(permitId: string): ProblemError {
  return new ProblemError(404, 'permit-not-found', 'Not Found', `No direct-contact permit ${permitId} is known to you.`);
}

/**
 * Returns when the table allows `principal` to do `action` to the request of `agency` (its
 * country's request, the agency its owner); throws a 403 ProblemError for 'forbid' and `notFound()`
 * for 'hide' or for a request not received yet (no agency).
 */
export function assertMayActOnRequest(
  principal: VerifiedPrincipal,
  action: Action,
  agency: AgencyReference | undefined,
  notFound: () => ProblemError,
): asserts agency is AgencyReference {
  if (agency === undefined) throw notFound();
  const decision = authorize(principal, action, { country: agency.country, ownerId: agency.principalId });
  if (decision === 'hide') throw notFound();
  if (decision === 'forbid') {
    throw new ProblemError(403, 'action-is-forbidden', 'Forbidden', `${principal.id} may not ${action} on this request: only the NCB of ${agency.country} may.`, {
      action,
    });
  }
}
