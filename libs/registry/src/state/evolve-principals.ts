import type { PublicKeyEntry } from '../keys/public-key-entry.js';
import type { Principal } from '../principals/principal.js';
import { withKey, type Inapplicable } from './evolve-keys.js';
import type { RegistryState } from './registry-state.js';

/** Registers a principal (agency, external source, auditor) with its first key, valid from `at`. */
export function withRegisteredPrincipal(
  state: RegistryState,
  principal: Principal,
  key: PublicKeyEntry,
  registeredBy: string,
  at: number,
): RegistryState | Inapplicable {
  if (state.principals.has(principal.id)) return { notApplied: `principal "${principal.id}" is already registered` };
  const keyed = withKey(state, principal.id, key, at);
  if ('notApplied' in keyed) return keyed;
  return { ...keyed, principals: new Map(keyed.principals).set(principal.id, { principal, registeredAt: at, registeredBy }) };
}
