import { importPublicKey } from '@wildlife/signatures';

/** A key as the registry knows it: its id (the RFC 9421 `keyid`) and the registry form of the public key. */
export interface PublicKeyEntry {
  readonly keyId: string;
  /** Unpadded base64url of the raw 32 bytes of an Ed25519 public key. */
  readonly publicKey: string;
}

/** Key ids: printable, no spaces or quotes, so they travel unescaped in a `keyid` parameter. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isKeyId(value: unknown): value is string {
  return typeof value === 'string' && KEY_ID_PATTERN.test(value);
}

/** True when `value` is the registry form of an Ed25519 public key (checked by importing it). */
export function isEd25519PublicKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    importPublicKey(value);
    return true;
  } catch {
    return false;
  }
}
