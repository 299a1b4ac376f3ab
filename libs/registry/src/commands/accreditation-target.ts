import type { Principal } from '../principals/principal.js';
import { lastChangeBy } from '../state/accreditation-status.js';
import type { AccreditationEntry, RegistryState } from '../state/registry-state.js';
import type { IssuerContext } from './command-decision.js';
import { OnlyTheAgencysOwnNcbMayAccreditIt, OnlyTheAgencysOwnNcbMayChangeItsAccreditation } from './refusals/authority.refusals.js';
import { AgencyHasNoSuchAccreditation, AgencyIsNotRegistered } from './refusals/lookup.refusals.js';
import type { RegistryRefusal } from './refusals/registry-refusal.js';

/** The agency a command is about, once the issuer is shown to be its own NCB. */
export function agencyOfOwnNcb(
  state: RegistryState,
  agencyId: string,
  { issuer }: IssuerContext,
  forbidden: typeof OnlyTheAgencysOwnNcbMayAccreditIt | typeof OnlyTheAgencysOwnNcbMayChangeItsAccreditation,
): Principal | RegistryRefusal {
  const agency = state.principals.get(agencyId)?.principal;
  if (agency?.kind !== 'agency') return new AgencyIsNotRegistered(`"${agencyId}" is not a registered national agency`);
  if (issuer.kind !== 'ncb' || issuer.country !== agency.country) {
    return new forbidden(`"${issuer.id}" is not the NCB of ${agency.country}, the country of "${agency.id}"`);
  }
  return agency;
}

/** The accreditation named by a command, if it belongs to that agency. */
export function accreditationOf(state: RegistryState, agencyId: string, accreditationId: string): AccreditationEntry | RegistryRefusal {
  const accreditation = state.accreditations.get(accreditationId);
  if (accreditation === undefined || accreditation.agencyId !== agencyId) {
    return new AgencyHasNoSuchAccreditation(`agency "${agencyId}" has no accreditation "${accreditationId}"`);
  }
  return accreditation;
}

/** Suspended at `at`: its latest suspension or reinstatement up to then was a suspension. */
export function isSuspendedAt(accreditation: AccreditationEntry, at: number): boolean {
  return lastChangeBy(accreditation, at, ['suspended', 'reinstated'])?.change === 'suspended';
}
