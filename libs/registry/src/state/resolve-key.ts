import type { Principal } from '../principals/principal.js';
import { toEpochMillis, type Instant } from '../time/instant.js';
import type { KeyEntry, RegistryState } from './registry-state.js';

export type KeyRefusal = 'key_unknown' | 'key_revoked' | 'key_rotated_out' | 'key_not_yet_valid';

export type KeyResolution =
  | { readonly principal: Principal; readonly keyId: string; readonly publicKey: string }
  | { readonly refused: KeyRefusal };

/**
 * Whether a signature by `keyId` observed at `atTime` is to be trusted, with everything the registry
 * knows now, and whose key it is. `atTime` must be a time a trusted party observed the signature —
 * the service's receipt time, or the provenance log's time for the record — never the signer's own
 * `created` parameter alone, which whoever holds the key can backdate.
 *
 * In order: `key_unknown` (never registered); `key_not_yet_valid` (observed before the key was
 * registered; trust-root keys have no start); `key_revoked` (observed at or after the revocation or,
 * for a `compromised` key, at or after `compromisedSince` — at any time when it is absent);
 * `key_rotated_out` (observed at or after the rotation that retired it). So a compromise reaches back
 * in time and can turn a signature accepted yesterday into one refused today; every other revocation
 * and every rotation leaves what was observed before it valid. Throws only `InstantIsMalformed`.
 */
export function resolveKey(state: RegistryState, keyId: string, atTime: Instant): KeyResolution {
  const at = toEpochMillis(atTime);
  const key = state.keys.get(keyId);
  const owner = key === undefined ? undefined : state.principals.get(key.principalId)?.principal;
  if (key === undefined || owner === undefined) return { refused: 'key_unknown' };
  if (key.validFrom !== undefined && at < key.validFrom) return { refused: 'key_not_yet_valid' };
  if (isRevokedFor(key, at)) return { refused: 'key_revoked' };
  if (key.retiredAt !== undefined && at >= key.retiredAt) return { refused: 'key_rotated_out' };
  return { principal: owner, keyId, publicKey: key.publicKey };
}

function isRevokedFor(key: KeyEntry, at: number): boolean {
  const revocation = key.revocation;
  if (revocation === undefined) return false;
  if (revocation.reason !== 'compromised') return at >= revocation.at;
  return revocation.compromisedSince === undefined || at >= revocation.compromisedSince;
}
