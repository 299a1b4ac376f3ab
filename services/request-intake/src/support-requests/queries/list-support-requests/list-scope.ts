import { authorize } from '@wildlife/registry';
import type { VerifiedPrincipal } from '@wildlife/service-kit';

/** Which requests a listing may return: one agency's, one country's, all, or none. */
export type ListScope =
  | { readonly only: 'agency'; readonly agencyId: string }
  | { readonly only: 'country'; readonly country: string }
  | { readonly only: 'all' }
  | { readonly only: 'none' };

/**
 * What `principal` may list, as the authorisation table decides `support-request:list`: an agency
 * its own requests, an NCB its country's, the GS all of them. Anyone the table refuses gets an
 * empty scope (an empty list), never an error: a listing reveals nothing by being empty.
 */
export function listScopeOf(principal: VerifiedPrincipal): ListScope {
  const { kind, id, country } = principal;
  if (kind === 'agency' && country !== undefined) {
    return authorize(principal, 'support-request:list', { ownerId: id, country }) === 'allow' ? { only: 'agency', agencyId: id } : { only: 'none' };
  }
  if (kind === 'ncb' && country !== undefined) {
    return authorize(principal, 'support-request:list', { country }) === 'allow' ? { only: 'country', country } : { only: 'none' };
  }
  return authorize(principal, 'support-request:list', {}) === 'allow' ? { only: 'all' } : { only: 'none' };
}
