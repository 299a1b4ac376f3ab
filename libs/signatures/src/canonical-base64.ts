import { Buffer } from 'node:buffer';

/**
 * Decodes standard, padded base64 only if it is the one canonical encoding of its bytes (no missing
 * padding, no stray bits). Strictness is deliberate: two spellings of one signature would let a
 * header change without the verdict changing. Returns undefined otherwise.
 *
 * Node's decoder skips characters outside the alphabet and accepts missing padding and the url-safe
 * alphabet, but its encoder emits only the canonical form: so the round trip alone decides.
 */
export function decodeCanonicalBase64(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/** Same rule for unpadded base64url (RFC 4648 §5), the form of raw public keys and JWK members. */
export function decodeCanonicalBase64Url(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}
