import { describe, expect, it } from '@jest/globals';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  buildSignatureBase,
  exportPublicKey,
  readReceivedSignature,
  signWithParameters,
  verifyMessageSignature,
  verifyRequest,
} from './index.js';

// RFC 9421 Appendix B.1.4 (test-key-ed25519) and the test request of Appendix B.2, byte for byte.
const TEST_KEY_ED25519_PRIVATE_PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF',
  '-----END PRIVATE KEY-----',
].join('\n');
const TEST_KEY_ED25519_PUBLIC_PEM = [
  '-----BEGIN PUBLIC KEY-----',
  'MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=',
  '-----END PUBLIC KEY-----',
].join('\n');
const TEST_KEY_ED25519_JWK_X = 'JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs';

const testRequest = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Digest':
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'Content-Length': '18',
  },
  body: new TextEncoder().encode('{"hello": "world"}'),
};

// Appendix B.2.6.
const B26_SIGNATURE_INPUT =
  'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"';
const B26_SIGNATURE =
  'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:';
const B26_SIGNATURE_BASE = [
  '"date": Tue, 20 Apr 2021 02:07:55 GMT',
  '"@method": POST',
  '"@path": /foo',
  '"@authority": example.com',
  '"content-type": application/json',
  '"content-length": 18',
  '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
].join('\n');
const B26_COMPONENTS = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'];
const B26_CREATED = 1618884473;

const privateKey = createPrivateKey(TEST_KEY_ED25519_PRIVATE_PEM);
const publicKey = createPublicKey(TEST_KEY_ED25519_PUBLIC_PEM);
const signedTestRequest = {
  ...testRequest,
  headers: { ...testRequest.headers, 'Signature-Input': B26_SIGNATURE_INPUT, Signature: B26_SIGNATURE },
};

describe('RFC 9421 Appendix B.2.6 (ed25519 over the test request)', () => {
  it('uses the published key pair: the private key derives the published public key', () => {
    expect(exportPublicKey(privateKey)).toBe(TEST_KEY_ED25519_JWK_X);
    expect(exportPublicKey(publicKey)).toBe(TEST_KEY_ED25519_JWK_X);
  });

  it('rebuilds the published signature base from the signed request', () => {
    const received = readReceivedSignature(signedTestRequest.headers, 'sig-b26');
    const base = buildSignatureBase(signedTestRequest, received.input.components, received.input.serialised);
    expect(base.text).toBe(B26_SIGNATURE_BASE);
  });

  it('signs the test request to the published Signature-Input and Signature (Ed25519 is deterministic)', () => {
    const fields = signWithParameters(testRequest, privateKey, {
      label: 'sig-b26',
      components: B26_COMPONENTS,
      parameters: { created: B26_CREATED, keyid: 'test-key-ed25519' },
    });
    expect(fields['signature-input']).toBe(B26_SIGNATURE_INPUT);
    expect(fields.signature).toBe(B26_SIGNATURE);
  });

  it('accepts the published signature', () => {
    const result = verifyMessageSignature(signedTestRequest, publicKey, 'sig-b26');
    expect(result.ok).toBe(true);
  });

  it('refuses the published signature once a covered header changes', () => {
    const altered = { ...signedTestRequest, headers: { ...signedTestRequest.headers, 'Content-Length': '19' } };
    expect(verifyMessageSignature(altered, publicKey, 'sig-b26')).toMatchObject({ ok: false, code: 'signature_invalid' });
  });

  it('verifies the published signature with our verifier up to its policy checks', async () => {
    // The RFC example has no nonce and covers no content-digest, so our policy refuses it at the
    // nonce check, after having accepted its fields, coverage, created, keyid and alg.
    const result = await verifyRequest(signedTestRequest, {
      now: B26_CREATED,
      requiredComponents: ['@method', '@path', '@authority'],
      resolveKey: async () => ({ publicKey, principalId: 'rfc' }),
      claimNonce: async () => true,
    });
    expect(result).toMatchObject({ ok: false, code: 'nonce_missing' });
  });
});
