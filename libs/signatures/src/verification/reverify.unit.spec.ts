import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  generateSigningKeyPair,
  reverify,
  signRequest,
  verifyRequest,
  type HttpRequestWithBody,
  type SignatureMaterial,
  type VerificationPolicy,
} from '../index.js';

const now = 1_760_000_000;
const signer = generateSigningKeyPair();
const stranger = generateSigningKeyPair();
const policy: VerificationPolicy = {
  now,
  resolveKey: async () => ({ publicKey: signer.publicKey, principalId: 'ncb-tz' }),
  claimNonce: async () => true,
};

async function materialOf(request: HttpRequestWithBody): Promise<SignatureMaterial> {
  const fields = signRequest(request, { keyId: 'ncb-tz-1', privateKey: signer.privateKey }, { created: now });
  const result = await verifyRequest({ ...request, headers: { ...request.headers, ...fields } }, policy);
  if (!result.ok) throw new Error(`fixture did not verify: ${result.reason}`);
  // What an auditor gets: the JSON stored with the record.
  return JSON.parse(JSON.stringify(result.material)) as SignatureMaterial;
}

/** The material of `request` signed over `components` only (as a lax verifier would have stored it). */
async function materialCovering(request: HttpRequestWithBody, components: readonly string[]): Promise<SignatureMaterial> {
  const fields = signRequest(request, { keyId: 'ncb-tz-1', privateKey: signer.privateKey }, { created: now, components });
  const result = await verifyRequest({ ...request, headers: { ...request.headers, ...fields } }, { ...policy, requiredComponents: components });
  if (!result.ok) throw new Error(`fixture did not verify: ${result.reason}`);
  return JSON.parse(JSON.stringify(result.material)) as SignatureMaterial;
}

const post: HttpRequestWithBody = {
  method: 'POST',
  url: 'https://endorsement.example.org/requests/r-7/endorsements',
  headers: { 'content-type': 'application/json' },
  body: new TextEncoder().encode('{"decision":"endorse"}'),
};
const get: HttpRequestWithBody = { method: 'GET', url: 'https://provenance.example.org/checkpoints/latest', headers: {} };

describe('re-verifying stored signature material offline', () => {
  it('accepts the material of an accepted POST and names its key and time', async () => {
    expect(reverify(await materialOf(post), signer.publicKey)).toEqual({ ok: true, keyId: 'ncb-tz-1', created: now });
  });

  it('accepts the material of an accepted GET without a body', async () => {
    expect(reverify(await materialOf(get), signer.publicKey)).toMatchObject({ ok: true });
  });

  it('refuses it under another key', async () => {
    expect(reverify(await materialOf(post), stranger.publicKey)).toMatchObject({ ok: false, code: 'signature_invalid' });
  });

  it.each([
    ['digest_mismatch', 'the body was replaced', (m: SignatureMaterial) => ({ ...m, bodyBase64: Buffer.from('{"decision":"decline"}').toString('base64') })],
    ['signature_invalid', 'method and its component value were both changed', (m: SignatureMaterial) => ({ ...m, method: 'PUT', componentValues: { ...m.componentValues, '@method': 'PUT' } })],
    ['signature_malformed', 'the method disagrees with its component value', (m: SignatureMaterial) => ({ ...m, method: 'PUT' })],
    ['signature_malformed', 'keyId disagrees with the signed keyid', (m: SignatureMaterial) => ({ ...m, keyId: 'ncb-ke-1' })],
    ['signature_malformed', 'created disagrees with the signed created', (m: SignatureMaterial) => ({ ...m, created: m.created - 1 })],
    ['signature_malformed', 'a covered component was dropped from the list', (m: SignatureMaterial) => ({ ...m, coveredComponents: m.coveredComponents.slice(1) })],
    ['signature_malformed', 'a field has the wrong type', (m: SignatureMaterial) => ({ ...m, created: String(m.created) })],
  ])('refuses with %s when %s', async (code, _when, alter) => {
    expect(reverify(alter(await materialOf(post)), signer.publicKey)).toMatchObject({ ok: false, code });
  });

  it('refuses a GET whose stored body was filled in afterwards: a body must be covered by a Content-Digest', async () => {
    const material = { ...(await materialOf(get)), bodyBase64: Buffer.from('{}').toString('base64') };
    expect(reverify(material, signer.publicKey)).toMatchObject({ ok: false, code: 'component_not_covered' });
  });

  // The live guard refuses such signatures (`defaultRequiredComponents`); stored material must not
  // carry an unsigned method or target URI that could be changed at will.
  it.each([
    ['@method', ['@target-uri', 'content-digest'], (m: SignatureMaterial) => ({ ...m, method: 'DELETE' })],
    ['@target-uri', ['@method', 'content-digest'], (m: SignatureMaterial) => ({ ...m, targetUri: 'https://endorsement.example.org/requests/r-8/endorsements' })],
    ['@method", "@target-uri', ['content-digest'], (m: SignatureMaterial) => ({ ...m, method: 'PUT', targetUri: 'https://endorsement.example.org/other' })],
  ])('refuses material whose signature does not cover "%s", with the uncovered part changed', async (missing, components, alter) => {
    const material = alter(await materialCovering(post, components));
    expect(reverify(material, signer.publicKey)).toEqual({ ok: false, code: 'component_not_covered', reason: `the signature must cover "${missing}"` });
  });

  it.each([null, 'text', [], { label: 'sig1' }])('refuses %p as malformed without throwing', (material) => {
    expect(reverify(material, signer.publicKey)).toMatchObject({ ok: false, code: 'signature_malformed' });
  });

  it('refuses the material once any one character of a signed field changes', async () => {
    const material = await materialOf(post);
    const signedFields = ['keyId', 'signatureInput', 'signature', 'method', 'targetUri', 'bodyBase64', 'nonce'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...signedFields), fc.nat(), fc.integer({ min: 1, max: 127 }), (field, at, mask) => {
        const text = material[field];
        const i = at % text.length;
        const altered = { ...material, [field]: text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ mask) + text.slice(i + 1) };
        expect(reverify(altered, signer.publicKey).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
