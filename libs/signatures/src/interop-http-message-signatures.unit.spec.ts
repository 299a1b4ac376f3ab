import { describe, expect, it } from '@jest/globals';
import { createSigner, createVerifier, httpbis } from 'http-message-signatures';
import { contentDigest, generateSigningKeyPair, signRequest, verifyRequest, type VerificationPolicy } from './index.js';

// Interoperability with the independent `http-message-signatures` package (v1.0.6), both ways.
const now = 1_760_000_000;
const { privateKey, publicKey } = generateSigningKeyPair();
const body = new TextEncoder().encode('{"species":"Pangolin","count":3}');
const request = {
  method: 'POST',
  url: 'https://intake.example.org/support-requests?country=KE',
  headers: { 'content-type': 'application/json', host: 'intake.example.org' },
};
const policy: VerificationPolicy = {
  now,
  resolveKey: async (keyId) => (keyId === 'ncb-ke-1' ? { publicKey, principalId: 'ncb-ke' } : undefined),
  claimNonce: async () => true,
};

describe('interoperability with http-message-signatures 1.0.6', () => {
  it('accepts in that package a request signed by ours', async () => {
    const fields = signRequest({ ...request, body }, { keyId: 'ncb-ke-1', privateKey }, { created: now });

    const verified = await httpbis.verifyMessage(
      {
        keyLookup: async (params) =>
          params.keyid === 'ncb-ke-1' ? { id: 'ncb-ke-1', algs: ['ed25519'], verify: createVerifier(publicKey, 'ed25519') } : null,
        requiredFields: ['@method', '@target-uri', 'content-digest'],
        requiredParams: ['created', 'keyid', 'nonce'],
        notAfter: now,
      },
      { ...request, headers: { ...request.headers, ...fields } },
    );

    expect(verified).toBe(true);
  });

  it('refuses in that package a request signed by ours once the body digest is swapped', async () => {
    const fields = signRequest({ ...request, body }, { keyId: 'ncb-ke-1', privateKey }, { created: now });
    const forged = { ...fields, 'content-digest': contentDigest(new TextEncoder().encode('{}')) };

    const verified = await httpbis.verifyMessage(
      { keyLookup: async () => ({ id: 'ncb-ke-1', algs: ['ed25519'], verify: createVerifier(publicKey, 'ed25519') }) },
      { ...request, headers: { ...request.headers, ...forged } },
    );

    expect(verified).toBe(false);
  });

  it('accepts in ours a request signed by that package', async () => {
    const signed = await httpbis.signMessage(
      {
        key: createSigner(privateKey, 'ed25519', 'ncb-ke-1'),
        name: 'sig1',
        fields: ['@method', '@target-uri', 'content-digest', 'content-type'],
        params: ['created', 'keyid', 'alg', 'nonce'],
        paramValues: { created: new Date(now * 1000), nonce: 'k2J9c0lJ5q3bX0H4' },
      },
      { ...request, headers: { ...request.headers, 'content-digest': contentDigest(body) } },
    );

    const result = await verifyRequest({ ...signed, body }, policy);

    expect(result).toMatchObject({ ok: true, key: { principalId: 'ncb-ke' }, material: { nonce: 'k2J9c0lJ5q3bX0H4' } });
  });

  it('refuses in ours a request signed by that package once the method changes', async () => {
    const signed = await httpbis.signMessage(
      {
        key: createSigner(privateKey, 'ed25519', 'ncb-ke-1'),
        fields: ['@method', '@target-uri', 'content-digest'],
        params: ['created', 'keyid', 'alg', 'nonce'],
        paramValues: { created: new Date(now * 1000), nonce: 'n-1' },
      },
      { ...request, headers: { ...request.headers, 'content-digest': contentDigest(body) } },
    );

    const result = await verifyRequest({ ...signed, method: 'PUT', body }, policy);

    expect(result).toMatchObject({ ok: false, code: 'signature_invalid' });
  });
});
