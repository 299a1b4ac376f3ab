import type { KeyObject } from 'node:crypto';
import { importPublicKey } from './ed25519-keys.js';

export interface PublicKeyCache {
  /** The `KeyObject` for a registry-form public key, imported on first use. Throws `PublicKeyIsMalformed`. */
  get(rawBase64url: string): KeyObject;
  readonly size: number;
}

/**
 * Memoises `importPublicKey` by the key's own bytes, so a key resolver can look keys up in the
 * registry on every request (revocation takes effect at once) without re-importing them. Keyed by
 * key material, not key id, so a cached entry can never stand for a different key. Least recently
 * used entries are dropped past `maxEntries` (default 10 000).
 */
export function createPublicKeyCache(maxEntries = 10_000): PublicKeyCache {
  const keys = new Map<string, KeyObject>();
  return {
    get(rawBase64url) {
      let key = keys.get(rawBase64url);
      if (key !== undefined) {
        keys.delete(rawBase64url);
      } else {
        key = importPublicKey(rawBase64url);
        if (keys.size >= maxEntries) keys.delete(keys.keys().next().value as string);
      }
      keys.set(rawBase64url, key);
      return key;
    },
    get size() {
      return keys.size;
    },
  };
}
