import { authorize, type AccessDecision } from '@wildlife/registry';
import type { VerifiedPrincipal } from '@wildlife/service-kit';
import type { ExternalInformationView } from '../external-information.view.dto.js';

/**
 * `external-information:read` as the authorisation table decides it for one submission: owned by
 * its source, and of each country it concerns; allowed when any concerned country allows it.
 */
export function externalInformationReadDecision(principal: VerifiedPrincipal, information: ExternalInformationView): AccessDecision {
  const ownerId = information.externalSource.principalId;
  const decisions =
    information.countriesConcerned.length === 0
      ? [authorize(principal, 'external-information:read', { ownerId })]
      : information.countriesConcerned.map((country) => authorize(principal, 'external-information:read', { ownerId, country }));
  if (decisions.includes('allow')) return 'allow';
  return decisions.includes('forbid') ? 'forbid' : 'hide';
}
