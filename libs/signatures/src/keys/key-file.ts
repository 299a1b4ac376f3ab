import { createPrivateKey, type KeyObject } from 'node:crypto';
import type { SigningKey } from '../signing/sign-request.js';
import { exportPublicKey, importPublicKey, PublicKeyIsMalformed } from './ed25519-keys.js';

/** The JSON stored in a key file. `publicKey` is the registry form, kept for reading by people and tools. */
export interface KeyFileContents {
  readonly keyId: string;
  readonly principalId?: string;
  /** PKCS#8 PEM of the Ed25519 private key. */
  readonly privateKeyPem: string;
  readonly publicKey: string;
}

/** A signing key loaded from a key file, with its public half. */
export interface LoadedSigningKey extends SigningKey {
  readonly principalId?: string;
  readonly publicKey: KeyObject;
  /** Registry form of the public key. */
  readonly publicKeyRaw: string;
}

export interface SigningKeyToStore extends SigningKey {
  readonly principalId?: string;
}

/** A key file that does not parse, lacks a field, holds no Ed25519 key, or whose public key is not its private key's. */
export class KeyFileIsInvalid extends Error {
  constructor(readonly reason: string) {
    super(`Invalid key file: ${reason}`);
    this.name = 'KeyFileIsInvalid';
  }
}

/**
 * Reads key file JSON. Guarantees the private key is Ed25519 and that the stated public key is its
 * public half (a file edited by hand cannot claim another key). Throws only `KeyFileIsInvalid`.
 */
export function parseKeyFile(text: string): LoadedSigningKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KeyFileIsInvalid('not JSON');
  }
  const file = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const { keyId, principalId, privateKeyPem, publicKey } = file;
  if (typeof keyId !== 'string' || keyId === '') throw new KeyFileIsInvalid('keyId is missing');
  if (principalId !== undefined && typeof principalId !== 'string') throw new KeyFileIsInvalid('principalId is not a string');
  if (typeof privateKeyPem !== 'string') throw new KeyFileIsInvalid('privateKeyPem is missing');
  if (typeof publicKey !== 'string') throw new KeyFileIsInvalid('publicKey is missing');
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    throw new KeyFileIsInvalid('privateKeyPem is not a PEM private key');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new KeyFileIsInvalid('the private key is not Ed25519');
  const derived = exportPublicKey(privateKey);
  if (derived !== publicKey) throw new KeyFileIsInvalid('publicKey is not the public half of privateKeyPem');
  let publicKeyObject: KeyObject;
  try {
    publicKeyObject = importPublicKey(publicKey);
  } catch (error) {
    throw new KeyFileIsInvalid(error instanceof PublicKeyIsMalformed ? error.reason : 'publicKey does not import');
  }
  return { keyId, ...(principalId === undefined ? {} : { principalId }), privateKey, publicKey: publicKeyObject, publicKeyRaw: publicKey };
}

/** Key file JSON for `key` (pretty-printed, trailing newline). Throws `KeyFileIsInvalid` for a non-Ed25519 key. */
export function serialiseKeyFile(key: SigningKeyToStore): string {
  if (key.privateKey.type !== 'private' || key.privateKey.asymmetricKeyType !== 'ed25519') {
    throw new KeyFileIsInvalid('only an Ed25519 private key can be stored');
  }
  const contents: KeyFileContents = {
    keyId: key.keyId,
    ...(key.principalId === undefined ? {} : { principalId: key.principalId }),
    privateKeyPem: key.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicKey: exportPublicKey(key.privateKey),
  };
  return `${JSON.stringify(contents, null, 2)}\n`;
}
