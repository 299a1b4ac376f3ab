import { describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair } from '../keys/ed25519-keys.js';
import { verifyRequest } from '../verification/verify-request.js';
import { signRequest } from './sign-request.js';

const { privateKey, publicKey } = generateSigningKeyPair();
const now = 1_760_000_000;
const url = 'https://endorsement.example.org/v1/support-requests/r-1/endorse';
const body = new TextEncoder().encode('{}');

describe('signing a state-changing request by default', () => {
  it('covers If-Match and Idempotency-Key when the request has them', () => {
    const headers = { 'content-type': 'application/json', 'if-match': '"3"', 'idempotency-key': 'k-1' };
    const signed = signRequest({ method: 'POST', url, headers, body }, { keyId: 'ncb-fr-1', privateKey }, { created: now });
    expect(signed['signature-input']).toMatch(/^sig1=\("@method" "@target-uri" "content-digest" "content-type" "if-match" "idempotency-key"\);/);
  });

  it('refuses the request once a covered If-Match is swapped', async () => {
    const headers = { 'content-type': 'application/json', 'if-match': '"3"' };
    const signed = signRequest({ method: 'POST', url, headers, body }, { keyId: 'ncb-fr-1', privateKey }, { created: now });
    const swapped = { method: 'POST', url, body, headers: { ...headers, ...signed, 'if-match': '"7"' } };
    const result = await verifyRequest(swapped, {
      now,
      resolveKey: async () => ({ publicKey, principalId: 'ncb-fr' }),
      claimNonce: async () => true,
    });
    expect(result).toMatchObject({ ok: false, code: 'signature_invalid' });
  });

  it('covers neither when the request has neither', () => {
    const signed = signRequest({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body }, { keyId: 'k', privateKey }, { created: now });
    expect(signed['signature-input']).toMatch(/^sig1=\("@method" "@target-uri" "content-digest" "content-type"\);/);
  });
});
