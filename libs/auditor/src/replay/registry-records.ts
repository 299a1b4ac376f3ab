import { principal as registeredPrincipal, type Action, type RegistryFact, type RegistryState, type ResourceTies } from '@wildlife/registry';

// What the replay asks of a registry fact beyond reading it from its record (`registryFactOfRecord`
// of `@wildlife/registry`; ENTRY-FORMAT.md, "How an auditor replays the classification").

/** The principal the fact names as the one who made it. */
export function authorOf(fact: RegistryFact): string {
  return fact.type === 'AgencyRegistered' ? fact.registeredBy : fact.by;
}

/** The policy action a fact exercises and the resource it touches, for `authorize`. */
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
