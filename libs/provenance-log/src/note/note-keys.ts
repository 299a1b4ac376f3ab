import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { KeyNameIsInvalid, SignerKeyIsMalformed, VerifierKeyIsMalformed } from './note.errors.js';
import { decodeCanonicalBase64, encodeBase64, isValidKeyName } from './note-grammar.js';

/** C2SP signed-note signature type of Ed25519. */
export const ED25519_SIGNATURE_TYPE = 0x01;

const ED25519_KEY_SIZE = 32;
// DER framing of an Ed25519 key in PKCS#8 (RFC 8410): prefix + 32-byte seed.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** What verifies a note signature: the public half of a note key. */
export interface NoteVerifier {
  readonly name: string;
  /** uint32 key ID: first 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  readonly key: KeyObject;
}

/** What signs notes: the private half of a note key. Keep it secret. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly privateKey: KeyObject;
}

/** The key ID the C2SP signed-note spec recommends for an Ed25519 key. */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Uint8Array.of(0x0a, ED25519_SIGNATURE_TYPE))
    .update(publicKey)
    .digest();
  return digest.readUInt32BE(0);
}

/** `<name>+<hex key ID>+<base64(0x01 || public key)>`, the verifier key a log publishes. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  if (!isValidKeyName(name)) throw new KeyNameIsInvalid(name);
  if (publicKey.length !== ED25519_KEY_SIZE) throw new RangeError('an Ed25519 public key is 32 bytes');
  const material = Buffer.concat([Uint8Array.of(ED25519_SIGNATURE_TYPE), publicKey]);
  return `${name}+${hex8(noteKeyId(name, publicKey))}+${encodeBase64(material)}`;
}

/**
 * Parses a verifier key string. Throws `VerifierKeyIsMalformed` unless the name is valid, the key ID
 * is 8 hex digits equal to the ID computed from the key, and the key is canonical base64 of 0x01
 * followed by a 32-byte Ed25519 public key.
 */
export function parseVerifierKey(verifierKey: string): NoteVerifier {
  const refuse = (reason: string): never => {
    throw new VerifierKeyIsMalformed(reason);
  };
  const [name, idHex, material] = splitOnPlus(verifierKey, 3);
  if (name === undefined || !isValidKeyName(name)) refuse('the key name is missing or invalid');
  const keyId = parseKeyId(idHex) ?? refuse('the key ID is not 8 hex digits');
  const publicKey = keyMaterial(material) ?? refuse('the key is not base64 of 0x01 || 32-byte Ed25519 key');
  if (noteKeyId(name!, publicKey) !== keyId) refuse('the key ID does not match the key');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64url(publicKey) }, format: 'jwk' });
  } catch {
    return refuse('the key is not an Ed25519 public key');
  }
  return { name: name!, keyId, publicKey, key };
}

/**
 * Parses a signer key string `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>`. Throws
 * `SignerKeyIsMalformed` (without quoting the key) unless every part is well formed and the key ID
 * matches the public key derived from the seed.
 */
export function parseSignerKey(signerKey: string): NoteSigner {
  const refuse = (reason: string): never => {
    throw new SignerKeyIsMalformed(reason);
  };
  const [private1, private2, name, idHex, material] = splitOnPlus(signerKey, 5);
  if (private1 !== 'PRIVATE' || private2 !== 'KEY') refuse('it does not start with PRIVATE+KEY+');
  if (name === undefined || !isValidKeyName(name)) refuse('the key name is missing or invalid');
  const keyId = parseKeyId(idHex) ?? refuse('the key ID is not 8 hex digits');
  const seed = keyMaterial(material) ?? refuse('the key is not base64 of 0x01 || 32-byte Ed25519 seed');
  const pkcs8 = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  if (noteKeyId(name!, publicKeyOf(privateKey)) !== keyId) refuse('the key ID does not match the key');
  return { name: name!, keyId, privateKey };
}

/** A fresh Ed25519 note key pair for `name`, as the signer key string (secret) and verifier key string. */
export function generateNoteKeyPair(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new KeyNameIsInvalid(name);
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const publicKey = publicKeyOf(privateKey);
  const material = encodeBase64(Buffer.concat([Uint8Array.of(ED25519_SIGNATURE_TYPE), seed]));
  return {
    signerKey: `PRIVATE+KEY+${name}+${hex8(noteKeyId(name, publicKey))}+${material}`,
    verifierKey: formatVerifierKey(name, publicKey),
  };
}

/** The raw 32-byte public key of an Ed25519 private or public key. */
export function publicKeyOf(key: KeyObject): Uint8Array {
  const x = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' }).x;
  return new Uint8Array(Buffer.from(x!, 'base64url'));
}

// Splits on the first `parts - 1` plus signs: the base64 key material may itself hold '+'.
function splitOnPlus(text: string, parts: number): (string | undefined)[] {
  const out: string[] = [];
  let rest = text;
  for (let i = 1; i < parts; i++) {
    const at = rest.indexOf('+');
    if (at < 0) return out;
    out.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  out.push(rest);
  return out;
}

function parseKeyId(idHex: string | undefined): number | undefined {
  return idHex !== undefined && /^[0-9a-fA-F]{8}$/.test(idHex) ? Number.parseInt(idHex, 16) : undefined;
}

// 0x01 || 32 key bytes, in canonical base64; the 32 bytes, or undefined.
function keyMaterial(material: string | undefined): Uint8Array | undefined {
  const bytes = material === undefined ? undefined : decodeCanonicalBase64(material);
  if (bytes?.length !== ED25519_KEY_SIZE + 1 || bytes[0] !== ED25519_SIGNATURE_TYPE) return undefined;
  return bytes.slice(1);
}

function hex8(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}
