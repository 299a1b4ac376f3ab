import type { PublicKeyEntry } from '../keys/public-key-entry.js';
import type { KeyRevoked, KeyRotated } from '../facts/registry-facts.js';
import { epochMillisOf } from '../time/instant.js';
import type { KeyEntry, RegistryState } from './registry-state.js';

/** Why a fact does not apply; `evolve` records it and leaves the state as it was. */
export type Inapplicable = { readonly notApplied: string };

/**
 * Adds a principal's key valid from `validFrom`. A key id already registered with the same public
 * key for the same principal is kept as it is (a trust-roots file refreshed with a rotated-in key
 * replays cleanly); any other reuse of a key id or public key does not apply.
 */
export function withKey(state: RegistryState, principalId: string, key: PublicKeyEntry, validFrom: number): RegistryState | Inapplicable {
  const existing = state.keys.get(key.keyId);
  if (existing !== undefined) {
    const same = existing.principalId === principalId && existing.publicKey === key.publicKey;
    return same ? state : { notApplied: `key id "${key.keyId}" is already registered` };
  }
  if (state.keyIdsByPublicKey.has(key.publicKey)) return { notApplied: `the public key of "${key.keyId}" is already registered` };
  const entry: KeyEntry = { keyId: key.keyId, publicKey: key.publicKey, principalId, validFrom };
  return {
    ...state,
    keys: new Map(state.keys).set(key.keyId, entry),
    keyIdsByPublicKey: new Map(state.keyIdsByPublicKey).set(key.publicKey, key.keyId),
  };
}

export function applyKeyRotated(state: RegistryState, fact: KeyRotated, at: number): RegistryState | Inapplicable {
  const retired = ownedKey(state, fact.principalId, fact.retiredKeyId);
  if ('notApplied' in retired) return retired;
  const withNew = withKey(state, fact.principalId, fact.newKey, at);
  if ('notApplied' in withNew) return withNew;
  if (retired.retiredAt !== undefined) return withNew;
  return { ...withNew, keys: new Map(withNew.keys).set(retired.keyId, { ...retired, retiredAt: at }) };
}

export function applyKeyRevoked(state: RegistryState, fact: KeyRevoked, at: number): RegistryState | Inapplicable {
  const key = ownedKey(state, fact.principalId, fact.keyId);
  if ('notApplied' in key) return key;
  if (key.revocation !== undefined) return { notApplied: `key "${fact.keyId}" is already revoked` };
  const compromisedSince = fact.compromisedSince === undefined ? undefined : epochMillisOf(fact.compromisedSince);
  const revocation = { at, reason: fact.reason, ...(compromisedSince === undefined ? {} : { compromisedSince }) };
  return { ...state, keys: new Map(state.keys).set(key.keyId, { ...key, revocation }) };
}

function ownedKey(state: RegistryState, principalId: string, keyId: string): KeyEntry | Inapplicable {
  const key = state.keys.get(keyId);
  if (key === undefined) return { notApplied: `key "${keyId}" is not registered` };
  if (key.principalId !== principalId) return { notApplied: `key "${keyId}" belongs to another principal` };
  return key;
}
