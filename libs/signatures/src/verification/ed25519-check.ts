import { verify, type KeyObject } from 'node:crypto';

const ED25519_SIGNATURE_BYTES = 64;

/**
 * True only if `signature` is a valid Ed25519 signature of `data` under `publicKey`. Never throws:
 * a key of another type or a signature of the wrong size is simply not valid.
 */
export function isValidEd25519Signature(publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.asymmetricKeyType !== 'ed25519' || signature.byteLength !== ED25519_SIGNATURE_BYTES) return false;
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}
