import type { RegistryFact } from '../facts/registry-facts.js';
import { epochMillisOf } from '../time/instant.js';
import { applyAccreditationChange, applyAgencyAccredited } from './evolve-accreditations.js';
import { applyKeyRevoked, applyKeyRotated, type Inapplicable } from './evolve-keys.js';
import { withRegisteredPrincipal } from './evolve-principals.js';
import type { RegistryState } from './registry-state.js';

/**
 * The registry after `fact`. Pure and total: it never throws and never mutates `state`. A fact that
 * cannot apply (it names an unknown principal or accreditation, or reuses a key) leaves the registry
 * as it was and is listed in `inapplicable` with the reason, so a projection never stalls on one bad
 * fact and the anomaly stays visible. Facts are expected in the order they were decided.
 */
export function evolve(state: RegistryState, fact: RegistryFact): RegistryState {
  const at = epochMillisOf(fact.at);
  if (at === undefined) return { ...state, inapplicable: [...state.inapplicable, { fact, why: '"at" is not a valid time' }] };
  const next = apply(state, fact, at);
  const latestFactAt = Math.max(at, state.latestFactAt ?? at);
  if ('notApplied' in next) return { ...state, latestFactAt, inapplicable: [...state.inapplicable, { fact, why: next.notApplied }] };
  return { ...next, latestFactAt };
}

/** `evolve` over several facts, in order. */
export function evolveAll(state: RegistryState, facts: Iterable<RegistryFact>): RegistryState {
  let current = state;
  for (const fact of facts) current = evolve(current, fact);
  return current;
}

function apply(state: RegistryState, fact: RegistryFact, at: number): RegistryState | Inapplicable {
  switch (fact.type) {
    case 'AgencyRegistered':
      return withRegisteredPrincipal(
        state,
        { id: fact.agencyId, kind: 'agency', country: fact.country, name: fact.name },
        fact.key,
        fact.registeredBy,
        at,
      );
    case 'ExternalSourceRegistered':
      return withRegisteredPrincipal(state, { id: fact.sourceId, kind: 'external-source', name: fact.name }, fact.key, fact.by, at);
    case 'AuditorRegistered':
      return withRegisteredPrincipal(state, { id: fact.auditorId, kind: 'auditor', name: fact.name }, fact.key, fact.by, at);
    case 'AgencyAccredited':
      return applyAgencyAccredited(state, fact, at);
    case 'AccreditationSuspended':
    case 'AccreditationReinstated':
    case 'AccreditationRevoked':
      return applyAccreditationChange(state, fact, at);
    case 'KeyRotated':
      return applyKeyRotated(state, fact, at);
    case 'KeyRevoked':
      return applyKeyRevoked(state, fact, at);
  }
}
