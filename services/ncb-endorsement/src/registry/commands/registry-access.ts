import { authorize, principal, type Action, type RegistryCommand, type RegistryState, type ResourceTies } from '@wildlife/registry';
import { ProblemError, type VerifiedPrincipal } from '@wildlife/service-kit';

// Who may do what in the registry is the authorisation table (`authorize`): 'forbid' is a 403; 'hide'
// is the very answer a principal that does not exist gets, so a refusal never reveals that it exists.

/** The 404 of a principal that is not registered, or that the caller may not know of. */
export function principalIsNotFound(principalId: string): ProblemError {
  return new ProblemError(404, 'principal-not-found', 'Not Found', `No principal ${principalId} is known to you.`);
}

/**
 * The resource a command acts on, as `authorize` takes it (see ACTION_CATALOGUE), or undefined when
 * it names an existing principal that is not registered. A new agency belongs to the country given
 * in the body (that of the signing NCB by default); a new source or auditor has no country.
 */
export function resourceOf(state: RegistryState, { command, body }: RegistryCommand): { readonly id: string; readonly ties?: ResourceTies } {
  switch (command) {
    case 'register-agency':
      return { id: body.agencyId, ties: { country: body.country === '' ? undefined : body.country, ownerId: body.agencyId } };
    case 'register-external-source':
      return { id: body.sourceId, ties: { ownerId: body.sourceId } };
    case 'register-auditor':
      return { id: body.auditorId, ties: { ownerId: body.auditorId } };
    case 'accredit-agency':
    case 'suspend-accreditation':
    case 'reinstate-accreditation':
    case 'revoke-accreditation':
      return existing(state, body.agencyId);
    case 'rotate-key':
    case 'revoke-key':
      return existing(state, body.principalId);
  }
}

function existing(state: RegistryState, id: string): { readonly id: string; readonly ties?: ResourceTies } {
  const found = principal(state, id);
  return found === undefined ? { id } : { id, ties: { ownerId: found.id, ...(found.country !== undefined && { country: found.country }) } };
}

/**
 * Returns when the table allows `signer` to do `action` to `resource`; throws a 403 ProblemError for
 * 'forbid', and the principal's 404 for 'hide' or for a principal that is not registered.
 */
export function assertMayActOnRegistry(signer: VerifiedPrincipal, action: Action, resource: { readonly id: string; readonly ties?: ResourceTies }): void {
  if (resource.ties === undefined) throw principalIsNotFound(resource.id);
  const decision = authorize(signer, action, resource.ties);
  if (decision === 'hide') throw principalIsNotFound(resource.id);
  if (decision === 'forbid') {
    const country = resource.ties.country === undefined ? '' : ` of ${resource.ties.country}`;
    throw new ProblemError(403, 'action-is-forbidden', 'Forbidden', `${signer.id} may not ${action} on ${resource.id}${country}.`, { action });
  }
}
