import type { PublicKeyEntry } from '../keys/public-key-entry.js';
import type { Principal } from '../principals/principal.js';
import type { TrustRoots } from '../trust-roots/trust-roots.js';
import type { KeyEntry, PrincipalEntry, RegistryState } from './registry-state.js';

/**
 * The registry before any fact: the GS, its analysts and the NCBs of the trust roots, with their keys
 * valid from the beginning. Expects parsed trust roots (`parseTrustRoots` guarantees unique ids and keys).
 */
export function registryFromTrustRoots(trustRoots: TrustRoots): RegistryState {
  const principals = new Map<string, PrincipalEntry>();
  const keys = new Map<string, KeyEntry>();
  const keyIdsByPublicKey = new Map<string, string>();
  const add = (principal: Principal, principalKeys: readonly PublicKeyEntry[]) => {
    principals.set(principal.id, { principal });
    for (const { keyId, publicKey } of principalKeys) {
      keys.set(keyId, { keyId, publicKey, principalId: principal.id });
      keyIdsByPublicKey.set(publicKey, keyId);
    }
  };
  const gs = trustRoots.generalSecretariat;
  add({ id: gs.principalId, kind: 'general-secretariat', ...(gs.name === undefined ? {} : { name: gs.name }) }, gs.keys);
  for (const analyst of gs.analysts ?? []) {
    add({ id: analyst.principalId, kind: 'general-secretariat', ...(analyst.name === undefined ? {} : { name: analyst.name }) }, analyst.keys);
  }
  for (const ncb of trustRoots.ncbs) {
    add({ id: ncb.principalId, kind: 'ncb', country: ncb.country, ...(ncb.name === undefined ? {} : { name: ncb.name }) }, ncb.keys);
  }
  return { principals, keys, keyIdsByPublicKey, accreditations: new Map(), accreditationsByAgency: new Map(), inapplicable: [] };
}
