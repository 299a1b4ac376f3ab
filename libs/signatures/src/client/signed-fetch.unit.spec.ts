import { describe, expect, it } from '@jest/globals';
import { createSignedFetch, generateSigningKeyPair, verifyRequest, type VerificationPolicy } from '../index.js';

const now = 1_760_000_000;
const { privateKey, publicKey } = generateSigningKeyPair();
const key = { keyId: 'agency-ke-kws-1', privateKey };
const policy: VerificationPolicy = {
  now,
  resolveKey: async () => ({ publicKey, principalId: 'agency-ke-kws' }),
  claimNonce: async () => true,
};

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

/** A fetch that records what would go on the wire and answers 202. */
function recordingFetch() {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: { method: string; headers: Record<string, string>; body?: Uint8Array }) => {
    sent.push({ url, method: init.method, headers: init.headers, body: init.body });
    return new Response(null, { status: 202 });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, sent };
}

describe('the signed fetch for integrators', () => {
  it('sends a JSON body signed so that the service accepts it', async () => {
    const { fetch, sent } = recordingFetch();
    const signedFetch = createSignedFetch({ key, baseUrl: 'https://intake.example.org/', fetch, now: () => now });

    const response = await signedFetch('support-requests', { method: 'post', json: { species: 'Loxodonta africana' } });

    expect(response.status).toBe(202);
    const [request] = sent as [Sent];
    expect(request).toMatchObject({ url: 'https://intake.example.org/support-requests', method: 'POST' });
    expect(new TextDecoder().decode(request.body)).toBe('{"species":"Loxodonta africana"}');
    expect(request.headers['content-type']).toBe('application/json');
    const verified = await verifyRequest(request, policy);
    expect(verified).toMatchObject({ ok: true, material: { coveredComponents: ['@method', '@target-uri', 'content-digest', 'content-type'] } });
  });

  it('leaves GET unsigned by default and signs it when reads are signed', async () => {
    const { fetch, sent } = recordingFetch();
    await createSignedFetch({ key, baseUrl: 'https://p.example.org', fetch })('/checkpoints/latest');
    await createSignedFetch({ key, baseUrl: 'https://p.example.org', fetch, signReads: true, now: () => now })('/checkpoints/latest');

    expect(sent[0]!.headers).not.toHaveProperty('signature');
    expect(sent[1]!.headers).not.toHaveProperty('content-digest');
    expect(await verifyRequest(sent[1]!, policy)).toMatchObject({ ok: true, material: { coveredComponents: ['@method', '@target-uri'] } });
  });

  it('signs a DELETE without a body and lets one request opt out', async () => {
    const { fetch, sent } = recordingFetch();
    const signedFetch = createSignedFetch({ key, baseUrl: 'https://p.example.org', fetch, now: () => now });
    await signedFetch('/subscriptions/s-1', { method: 'DELETE' });
    await signedFetch('/subscriptions/s-2', { method: 'DELETE', sign: false });

    expect(await verifyRequest(sent[0]!, policy)).toMatchObject({ ok: true });
    expect(sent[1]!.headers).not.toHaveProperty('signature');
  });

  it('keeps a content-type the caller gives and covers it', async () => {
    const { fetch, sent } = recordingFetch();
    const signedFetch = createSignedFetch({ key, baseUrl: 'https://p.example.org', fetch, now: () => now });
    await signedFetch('/x', { method: 'PUT', json: [1], headers: { 'Content-Type': 'application/merge-patch+json' } });

    expect(sent[0]!.headers).toMatchObject({ 'Content-Type': 'application/merge-patch+json' });
    expect(sent[0]!.headers).not.toHaveProperty('content-type');
    expect(await verifyRequest(sent[0]!, policy)).toMatchObject({ ok: true, material: { componentValues: { 'content-type': 'application/merge-patch+json' } } });
  });

  it.each([
    ['a fragment', '/cases?x=1#top', 'https://p.example.org/cases?x=1'],
    ['an empty query', '/cases?', 'https://p.example.org/cases'],
    ['an empty query and an empty fragment', '/cases?#', 'https://p.example.org/cases'],
  ])('signs and sends the URL without %s, as fetch puts it on the wire', async (_case, path, target) => {
    const { fetch, sent } = recordingFetch();
    await createSignedFetch({ key, baseUrl: 'https://p.example.org', fetch, now: () => now })(path, { method: 'POST', json: {} });

    expect(sent[0]!.url).toBe(target);
    expect(await verifyRequest(sent[0]!, policy)).toMatchObject({ ok: true, material: { targetUri: target } });
  });

  it('refuses a base URL with user info, which no request target carries', async () => {
    const { fetch, sent } = recordingFetch();
    const signedFetch = createSignedFetch({ key, baseUrl: 'https://user:secret@p.example.org', fetch, now: () => now });

    await expect(signedFetch('/cases', { method: 'POST', json: {} })).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(0);
  });
});
