import type { AgencyReference } from '@wildlife/contracts';
import { ProblemError, type PrincipalDirectory } from '@wildlife/service-kit';

/**
 * The agency an NCB names in `onBehalfOfAgency`, as the registry holds it (its country is the
 * registry's, never the body's). Throws a 422 problem when the id is not a registered agency.
 */
export function registeredAgencyOf(directory: PrincipalDirectory, principalId: string): AgencyReference {
  const found = directory.principal(principalId);
  if (found?.kind !== 'agency' || found.country === undefined) {
    throw new ProblemError(422, 'on-behalf-of-agency-unknown', 'Unprocessable Content', `"${principalId}" is not a registered national agency.`, {
      errors: [{ pointer: '/onBehalfOfAgency', reason: 'onBehalfOfAgency must be the principal id of a registered national agency' }],
    });
  }
  return { principalId: found.id, country: found.country };
}
