import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { exportPublicKey, generateSigningKeyPair, KeyFileIsInvalid, parseKeyFile, serialiseKeyFile } from '../index.js';

describe('the key file format', () => {
  it('round-trips a signing key with its key id, principal and public key', () => {
    const { privateKey, publicKey } = generateSigningKeyPair();
    const text = serialiseKeyFile({ keyId: 'ncb-ke-2025', principalId: 'ncb-ke', privateKey });

    expect(JSON.parse(text)).toEqual({
      keyId: 'ncb-ke-2025',
      principalId: 'ncb-ke',
      privateKeyPem: expect.stringMatching(/^-----BEGIN PRIVATE KEY-----\n/),
      publicKey: exportPublicKey(publicKey),
    });
    const loaded = parseKeyFile(text);
    expect(loaded).toMatchObject({ keyId: 'ncb-ke-2025', principalId: 'ncb-ke', publicKeyRaw: exportPublicKey(publicKey) });
    expect(exportPublicKey(loaded.privateKey)).toBe(exportPublicKey(publicKey));
  });

  it('omits principalId when there is none', () => {
    const text = serialiseKeyFile({ keyId: 'k', privateKey: generateSigningKeyPair().privateKey });
    expect(Object.keys(JSON.parse(text))).toEqual(['keyId', 'privateKeyPem', 'publicKey']);
    expect(parseKeyFile(text)).not.toHaveProperty('principalId');
  });

  const valid = JSON.parse(serialiseKeyFile({ keyId: 'k', privateKey: generateSigningKeyPair().privateKey }));
  const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' });

  it.each([
    ['text that is not JSON', '{'],
    ['no keyId', JSON.stringify({ ...valid, keyId: undefined })],
    ['a principalId that is not a string', JSON.stringify({ ...valid, principalId: 7 })],
    ['a privateKeyPem that is not PEM', JSON.stringify({ ...valid, privateKeyPem: 'secret' })],
    ['a key that is not Ed25519', JSON.stringify({ ...valid, privateKeyPem: rsaPem })],
    ['a public key that is not its private key’s', JSON.stringify({ ...valid, publicKey: exportPublicKey(generateSigningKeyPair().publicKey) })],
  ])('refuses %s', (_what, text) => {
    expect(() => parseKeyFile(text)).toThrow(KeyFileIsInvalid);
  });
});
