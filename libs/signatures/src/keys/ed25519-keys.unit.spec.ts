import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  createPublicKeyCache,
  exportPublicKey,
  generateSigningKeyPair,
  importPublicKey,
  importPublicKeyJwk,
  PublicKeyIsMalformed,
  publicKeyToJwk,
} from '../index.js';

describe('Ed25519 keys in registry form', () => {
  it('exports a public key as 43 characters of unpadded base64url and imports it back to the same key', () => {
    const { privateKey, publicKey } = generateSigningKeyPair();
    const raw = exportPublicKey(publicKey);
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const imported = importPublicKey(raw);
    const message = Buffer.from('checkpoint');
    expect(verify(null, message, imported, sign(null, message, privateKey))).toBe(true);
  });

  it('exports the public half of a private key', () => {
    const { privateKey, publicKey } = generateSigningKeyPair();
    expect(exportPublicKey(privateKey)).toBe(exportPublicKey(publicKey));
  });

  it('converts to and from a JWK', () => {
    const { publicKey } = generateSigningKeyPair();
    const jwk = publicKeyToJwk(publicKey);
    expect(jwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: exportPublicKey(publicKey) });
    expect(exportPublicKey(importPublicKeyJwk({ ...jwk, kid: 'ignored' }))).toBe(jwk.x);
  });

  it.each([
    ['padding', `${'A'.repeat(43)}=`],
    ['standard base64 characters', `${'A'.repeat(42)}+`],
    ['31 bytes', 'A'.repeat(42)],
    ['33 bytes', 'A'.repeat(44)],
    ['stray bits in the last character', `${'A'.repeat(42)}B`],
  ])('refuses a raw key with %s', (_what, raw) => {
    expect(() => importPublicKey(raw)).toThrow(PublicKeyIsMalformed);
  });

  it.each([
    ['another curve', { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) }],
    ['no x', { kty: 'OKP', crv: 'Ed25519' }],
    ['not an object', 'key'],
  ])('refuses a JWK with %s', (_what, jwk) => {
    expect(() => importPublicKeyJwk(jwk)).toThrow(PublicKeyIsMalformed);
  });

  it('refuses to export a key of another type', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => exportPublicKey(publicKey)).toThrow(PublicKeyIsMalformed);
  });
});

describe('the public key cache', () => {
  it('imports each key once and returns the same KeyObject afterwards', () => {
    const cache = createPublicKeyCache();
    const raw = exportPublicKey(generateSigningKeyPair().publicKey);
    expect(cache.get(raw)).toBe(cache.get(raw));
    expect(cache.size).toBe(1);
  });

  it('drops the least recently used key past its capacity', () => {
    const cache = createPublicKeyCache(2);
    const [a, b, c] = [1, 2, 3].map(() => exportPublicKey(generateSigningKeyPair().publicKey)) as [string, string, string];
    const first = cache.get(a);
    cache.get(b);
    cache.get(a);
    cache.get(c);
    expect(cache.size).toBe(2);
    expect(cache.get(a)).toBe(first);
  });

  it('refuses a malformed key without caching it', () => {
    const cache = createPublicKeyCache();
    expect(() => cache.get('nope')).toThrow(PublicKeyIsMalformed);
    expect(cache.size).toBe(0);
  });
});
