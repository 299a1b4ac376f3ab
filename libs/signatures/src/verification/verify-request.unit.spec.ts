import { describe, expect, it } from '@jest/globals';
import {
  contentDigest,
  generateSigningKeyPair,
  signRequest,
  signWithParameters,
  verifyRequest,
  type HttpRequestWithBody,
  type SignatureParameters,
  type SignOptions,
  type VerificationPolicy,
} from '../index.js';

const now = 1_760_000_000;
const signer = generateSigningKeyPair();
const stranger = generateSigningKeyPair();
const key = { keyId: 'ncb-ke-1', privateKey: signer.privateKey };
const body = new TextEncoder().encode('{"requestId":"r-1","species":"Manis temminckii"}');
const request: HttpRequestWithBody = {
  method: 'POST',
  url: 'https://intake.example.org/support-requests',
  headers: { 'Content-Type': 'application/json' },
  body,
};

function signed(options: SignOptions = {}, base: HttpRequestWithBody = request): HttpRequestWithBody {
  const fields = signRequest(base, key, { created: now, nonce: 'nonce-1', ...options });
  return { ...base, headers: { ...base.headers, ...fields } };
}

/** Signs exactly the given parameters, to build requests our own signer would never produce. */
function signedWithParameters(parameters: SignatureParameters, components = ['@method', '@target-uri', 'content-digest']) {
  const headers = { ...request.headers, 'content-digest': contentDigest(body) };
  const fields = signWithParameters({ ...request, headers }, signer.privateKey, { label: 'sig1', components, parameters });
  return { ...request, headers: { ...headers, ...fields } };
}

function policy(overrides: Partial<VerificationPolicy> = {}) {
  const claimed: Array<[string, string, number]> = [];
  const value: VerificationPolicy = {
    now,
    resolveKey: async (keyId) => (keyId === 'ncb-ke-1' ? { publicKey: signer.publicKey, principalId: 'ncb-ke' } : undefined),
    claimNonce: async (keyId, nonce, expiresAt) => {
      claimed.push([keyId, nonce, expiresAt]);
      return true;
    },
    ...overrides,
  };
  return { value, claimed };
}

describe('verifying a signed request', () => {
  it('accepts a request signed with the registered key and returns the key and the signature material', async () => {
    const given = signed();
    const { value, claimed } = policy();

    const result = await verifyRequest(given, value);

    expect(result).toMatchObject({ ok: true, key: { principalId: 'ncb-ke' } });
    if (!result.ok) return;
    expect(result.material).toEqual({
      label: 'sig1',
      keyId: 'ncb-ke-1',
      signatureInput: '("@method" "@target-uri" "content-digest" "content-type");created=1760000000;keyid="ncb-ke-1";alg="ed25519";nonce="nonce-1"',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
      coveredComponents: ['@method', '@target-uri', 'content-digest', 'content-type'],
      componentValues: {
        '@method': 'POST',
        '@target-uri': 'https://intake.example.org/support-requests',
        'content-digest': contentDigest(body),
        'content-type': 'application/json',
      },
      method: 'POST',
      targetUri: 'https://intake.example.org/support-requests',
      bodyBase64: Buffer.from(body).toString('base64'),
      created: now,
      nonce: 'nonce-1',
    });
    expect(claimed).toEqual([['ncb-ke-1', 'nonce-1', now + 300]]);
  });

  it('accepts a signed GET without a body, covering only @method and @target-uri', async () => {
    const get = signed({}, { method: 'GET', url: 'https://intake.example.org/support-requests/r-1', headers: {} });
    expect(await verifyRequest(get, policy().value)).toMatchObject({ ok: true });
  });

  it('accepts created exactly at the edges of the window', async () => {
    expect(await verifyRequest(signed(), policy({ now: now + 300 }).value)).toMatchObject({ ok: true });
    expect(await verifyRequest(signed(), policy({ now: now - 30 }).value)).toMatchObject({ ok: true });
  });

  it('asks the nonce store to remember the nonce until created + max age, even when the signature expires earlier', async () => {
    // Another signature with the same key, created and nonce but a later expires (or none) is
    // accepted until created + max age: the claim must outlast that, or the two derive the same ids.
    const { value, claimed } = policy();
    await verifyRequest(signed({ expires: now + 60 }), value);
    await verifyRequest(signed({ created: now - 100, expires: now }), value);
    expect(claimed).toEqual([
      ['ncb-ke-1', 'nonce-1', now + 300],
      ['ncb-ke-1', 'nonce-1', now + 200],
    ]);
  });

  it('accepts a signature that expires at its created', async () => {
    expect(await verifyRequest(signed({ created: now + 5, expires: now + 5 }), policy().value)).toMatchObject({ ok: true });
  });

  it('accepts (keyId, created, nonce) once, whatever the expires of the signatures that carry it (review 13)', async () => {
    // A nonce store that keeps each claim exactly as long as the policy asks (the services' store keeps
    // it 300 s longer, a grace for clock skew between instances, not a part of the window).
    const claims = new Map<string, number>();
    const sweep = (nowSeconds: number) => claims.forEach((expiresAt, k) => expiresAt < nowSeconds && claims.delete(k));
    const store = (at: number) =>
      policy({
        now: at,
        claimNonce: async (keyId, nonce, expiresAt) => !claims.has(`${keyId} ${nonce}`) && !!claims.set(`${keyId} ${nonce}`, expiresAt),
      }).value;
    const created = now + 30;
    // Signed 30 s ahead, expiring at the service's now: refused outright.
    expect(await verifyRequest(signed({ created, nonce: 'n-1', expires: now }), store(now))).toMatchObject({ ok: false, code: 'expires_before_created' });
    // Expiring 1 s after created: accepted; its claim must outlive created + 300 s.
    expect(await verifyRequest(signed({ created, nonce: 'n-1', expires: created + 1 }), store(now))).toMatchObject({ ok: true });
    for (const later of [created + 2, created + 150, created + 300]) {
      sweep(later);
      expect(await verifyRequest(signed({ created, nonce: 'n-1' }), store(later))).toMatchObject({ ok: false, code: 'nonce_reused' });
    }
  });

  it('picks the signature by label when one is given', async () => {
    const given = signed({ label: 'ncb' });
    expect(await verifyRequest(given, policy({ label: 'ncb' }).value)).toMatchObject({ ok: true, material: { label: 'ncb' } });
    expect(await verifyRequest(given, policy({ label: 'other' }).value)).toMatchObject({ ok: false, code: 'signature_missing' });
  });
});

describe('refusing a signed request, one code per failed check', () => {
  const withHeaders = (headers: Record<string, string | undefined>, base = signed()) => ({ ...base, headers: { ...base.headers, ...headers } });
  const cases: Array<[string, string, () => HttpRequestWithBody, Partial<VerificationPolicy>]> = [
    ['signature_missing', 'the request carries no signature fields', () => request, {}],
    ['signature_malformed', 'Signature-Input does not parse', () => withHeaders({ 'signature-input': 'sig1=(@method' }), {}],
    ['signature_malformed', 'Signature has no member for the label', () => withHeaders({ signature: 'other=:AAAA:' }), {}],
    ['signature_malformed', 'the signature is not a byte sequence', () => withHeaders({ signature: 'sig1="not bytes"' }), {}],
    ['component_not_covered', '@target-uri is not covered', () => signed({ components: ['@method', 'content-digest'] }), {}],
    ['component_not_covered', 'a component the policy requires is not covered', () => signed(), { requiredComponents: ['@method', 'x-case-id'] }],
    ['component_not_covered', 'an If-Match added after signing', () => withHeaders({ 'If-Match': '"3"' }), {}],
    ['component_not_covered', 'an Idempotency-Key added after signing', () => withHeaders({ 'idempotency-key': 'k-relay' }), {}],
    ['created_missing', 'there is no created parameter', () => signedWithParameters({ keyid: 'ncb-ke-1', nonce: 'n' }), {}],
    ['created_too_old', 'created is 301 s old', () => signed(), { now: now + 301 }],
    ['created_in_future', 'created is 31 s ahead', () => signed(), { now: now - 31 }],
    ['expires_before_created', 'expires is before created (created ahead of now, within the skew)', () => signed({ created: now + 30, expires: now }), {}],
    ['expired', 'expires has passed', () => signed({ expires: now + 10 }), { now: now + 11 }],
    ['keyid_missing', 'there is no keyid parameter', () => signedWithParameters({ created: now, nonce: 'n' }), {}],
    ['alg_unsupported', 'alg is not ed25519', () => signedWithParameters({ created: now, keyid: 'ncb-ke-1', alg: 'hmac-sha256', nonce: 'n' }), {}],
    ['nonce_missing', 'there is no nonce parameter', () => signedWithParameters({ created: now, keyid: 'ncb-ke-1', alg: 'ed25519' }), {}],
    ['nonce_too_long', 'the nonce is over 200 characters', () => signedWithParameters({ created: now, keyid: 'ncb-ke-1', alg: 'ed25519', nonce: 'n'.repeat(201) }), {}],
    ['digest_missing', 'the covered Content-Digest field is absent', () => withHeaders({ 'content-digest': undefined }), {}],
    ['digest_missing', 'a body is sent without a covered Content-Digest', () => signed({ components: ['@method', '@target-uri'] }), { requiredComponents: ['@method'] }],
    ['digest_mismatch', 'the body was changed', () => ({ ...signed(), body: new TextEncoder().encode('{"requestId":"r-2"}') }), {}],
    ['key_unknown', 'the keyid resolves to no key', () => signed(), { resolveKey: async () => undefined }],
    ['signature_invalid', 'the key registered is another one', () => signed(), { resolveKey: async () => ({ publicKey: stranger.publicKey, principalId: 'x' }) }],
    ['signature_invalid', 'a covered header was changed', () => withHeaders({ 'Content-Type': 'text/plain' }), {}],
    ['signature_invalid', 'a covered header was removed', () => withHeaders({ 'Content-Type': undefined }), {}],
    ['nonce_reused', 'the nonce store has seen the nonce', () => signed(), { claimNonce: async () => false }],
  ];

  it.each(cases)('refuses with %s when %s', async (code, _when, given, overrides) => {
    const { value } = policy(overrides);
    const result = await verifyRequest(given(), value);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('accepts If-Match and Idempotency-Key when the signature covers them, as the signer does', async () => {
    const withBoth = { ...request, headers: { ...request.headers, 'if-match': '"3"', 'idempotency-key': 'k-1' } };

    expect(await verifyRequest(signed({}, withBoth), policy().value)).toMatchObject({ ok: true });
  });

  it('does not claim the nonce of a request that fails any other check', async () => {
    const { value, claimed } = policy({ resolveKey: async () => ({ publicKey: stranger.publicKey, principalId: 'x' }) });
    await verifyRequest(signed(), value);
    expect(claimed).toEqual([]);
  });

  it('refuses a replay of an accepted request', async () => {
    const seen = new Set<string>();
    const { value } = policy({ claimNonce: async (keyId, nonce) => !seen.has(`${keyId} ${nonce}`) && !!seen.add(`${keyId} ${nonce}`) });
    const given = signed();
    expect(await verifyRequest(given, value)).toMatchObject({ ok: true });
    expect(await verifyRequest(given, value)).toMatchObject({ ok: false, code: 'nonce_reused' });
  });

  it('reports the earliest failed check when several fail', async () => {
    const stale = signed({ components: ['@method'] });
    expect(await verifyRequest(stale, policy({ now: now + 1000 }).value)).toMatchObject({ code: 'component_not_covered' });
  });
});

describe('verifying concurrent requests (the Ed25519 checks handed to the thread pool)', () => {
  it('gives each of many concurrent requests the answer it gets alone', async () => {
    const tampered = { ...signed(), headers: { ...signed().headers, 'content-type': 'text/plain' } };
    const strangerKey = policy({ resolveKey: async () => ({ publicKey: stranger.publicKey, principalId: 'x' }) }).value;
    const calls = Array.from({ length: 60 }, (_, i) => {
      switch (i % 3) {
        case 0:
          return { given: signed({ nonce: `n-${i}` }), with: policy().value, ok: true };
        case 1:
          return { given: tampered, with: policy().value, ok: false };
        default:
          return { given: signed({ nonce: `n-${i}` }), with: strangerKey, ok: false };
      }
    });

    const results = await Promise.all(calls.map((call) => verifyRequest(call.given, call.with)));

    expect(results.map((r) => r.ok)).toEqual(calls.map((call) => call.ok));
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'signature_invalid')).toBe(true);
  });
});

describe('verifying with the Ed25519 check placed by the caller (policy.offThread)', () => {
  it.each([true, false])('gives the same answers with offThread %s, one request at a time', async (offThread) => {
    const tampered = { ...signed(), headers: { ...signed().headers, 'content-type': 'text/plain' } };
    const strangerKey = async () => ({ publicKey: stranger.publicKey, principalId: 'x' });

    const answers = [
      await verifyRequest(signed({ nonce: 'n-alone' }), policy({ offThread }).value),
      await verifyRequest(tampered, policy({ offThread }).value),
      await verifyRequest(signed({ nonce: 'n-stranger' }), policy({ offThread, resolveKey: strangerKey }).value),
    ];

    expect(answers.map((a) => (a.ok ? 'ok' : a.code))).toEqual(['ok', 'signature_invalid', 'signature_invalid']);
  });
});
