import type { Principal } from '../principals/principal.js';
import type { RegistryState } from './registry-state.js';

/** The registered principal with this id, as registered (kind and country from the registry). */
export function principal(state: RegistryState, id: string): Principal | undefined {
  return state.principals.get(id)?.principal;
}

/** The agencies registered for `country` (ISO alpha-2, upper case), by id. Accredited or not. */
export function agenciesOf(state: RegistryState, country: string): Principal[] {
  return [...state.principals.values()]
    .map((entry) => entry.principal)
    .filter((candidate) => candidate.kind === 'agency' && candidate.country === country)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ids of the keys registered to a principal, whatever their state, in registration order. */
export function keyIdsOf(state: RegistryState, principalId: string): string[] {
  return [...state.keys.values()].filter((key) => key.principalId === principalId).map((key) => key.keyId);
}
