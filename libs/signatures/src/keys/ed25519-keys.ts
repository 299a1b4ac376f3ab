import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { decodeCanonicalBase64Url } from '../canonical-base64.js';

/** A public key given in a form this library does not accept. */
export class PublicKeyIsMalformed extends Error {
  constructor(readonly reason: string) {
    super(`Malformed Ed25519 public key: ${reason}`);
    this.name = 'PublicKeyIsMalformed';
  }
}

export interface Ed25519Jwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
}

export interface SigningKeyPair {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A fresh Ed25519 key pair from the system's CSPRNG. */
export function generateSigningKeyPair(): SigningKeyPair {
  return generateKeyPairSync('ed25519');
}

/**
 * The registry form of a public key: unpadded base64url of its raw 32 bytes (the JWK `x`).
 * Accepts a private key too and exports its public half.
 */
export function exportPublicKey(key: KeyObject): string {
  return publicKeyToJwk(key).x;
}

export function publicKeyToJwk(key: KeyObject): Ed25519Jwk {
  if (key.asymmetricKeyType !== 'ed25519') throw new PublicKeyIsMalformed('not an Ed25519 key');
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const { x } = publicKey.export({ format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x: x as string };
}

/**
 * Imports the registry form (unpadded base64url of 32 raw bytes). Import once and keep the
 * `KeyObject`: verification then does no key parsing. Throws only `PublicKeyIsMalformed`.
 */
export function importPublicKey(rawBase64url: string): KeyObject {
  const bytes = typeof rawBase64url === 'string' ? decodeCanonicalBase64Url(rawBase64url) : undefined;
  if (bytes === undefined) throw new PublicKeyIsMalformed('not canonical unpadded base64url');
  if (bytes.byteLength !== 32) throw new PublicKeyIsMalformed(`${bytes.byteLength} bytes instead of 32`);
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: rawBase64url }, format: 'jwk' });
  } catch (error) {
    throw new PublicKeyIsMalformed(error instanceof Error ? error.message : String(error));
  }
}

/** Imports `{ kty: 'OKP', crv: 'Ed25519', x }`; other members are ignored. Throws only `PublicKeyIsMalformed`. */
export function importPublicKeyJwk(jwk: unknown): KeyObject {
  const candidate = (typeof jwk === 'object' && jwk !== null ? jwk : {}) as Record<string, unknown>;
  if (candidate.kty !== 'OKP' || candidate.crv !== 'Ed25519' || typeof candidate.x !== 'string') {
    throw new PublicKeyIsMalformed('a JWK with kty "OKP", crv "Ed25519" and x is expected');
  }
  return importPublicKey(candidate.x);
}
