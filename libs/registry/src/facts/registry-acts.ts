import type { Action } from '../policy/actions.js';
import type { ResourceTies } from '../policy/authorize.js';
import type { RegistryState } from '../state/registry-state.js';
import { principal as registeredPrincipal } from '../state/registry-lookups.js';
import type { RegistryFact } from './registry-facts.js';

// What checking a registry record asks of its fact beyond reading it (`registryFactOfRecord`): who
// made it, and which authorisation-table action it exercised on which resource. The provenance
// service and the auditor both judge registry records with these.

/** The principal the fact names as the one who made it (`registeredBy` or `by`). */
export function authorOf(fact: RegistryFact): string {
  return fact.type === 'AgencyRegistered' ? fact.registeredBy : fact.by;
}

/** The policy action a fact exercises and the resource it touches, for `authorize`, as the registry stood before it. */
export function registryActOf(fact: RegistryFact, state: RegistryState): { readonly action: Action; readonly ties: ResourceTies } {
  const tiesOf = (id: string): ResourceTies => {
    const country = registeredPrincipal(state, id)?.country;
    return country === undefined ? { ownerId: id } : { ownerId: id, country };
  };
  switch (fact.type) {
    case 'AgencyRegistered':
      return { action: 'registry:register-agency', ties: { ownerId: fact.agencyId, country: fact.country } };
    case 'AgencyAccredited':
      return { action: 'registry:accredit-agency', ties: tiesOf(fact.agencyId) };
    case 'AccreditationSuspended':
      return { action: 'registry:suspend-accreditation', ties: tiesOf(fact.agencyId) };
    case 'AccreditationReinstated':
      return { action: 'registry:reinstate-accreditation', ties: tiesOf(fact.agencyId) };
    case 'AccreditationRevoked':
      return { action: 'registry:revoke-accreditation', ties: tiesOf(fact.agencyId) };
    case 'KeyRotated':
      return { action: 'registry:rotate-key', ties: tiesOf(fact.principalId) };
    case 'KeyRevoked':
      return { action: 'registry:revoke-key', ties: tiesOf(fact.principalId) };
    case 'ExternalSourceRegistered':
      return { action: 'registry:register-external-source', ties: { ownerId: fact.sourceId } };
    case 'AuditorRegistered':
      return { action: 'registry:register-auditor', ties: { ownerId: fact.auditorId } };
  }
}
