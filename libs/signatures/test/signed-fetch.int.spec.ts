import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignedFetch, generateSigningKeyPair, verifyRequest, writeKeyFile, type VerificationPolicy } from '@wildlife/signatures';

// A real HTTP round trip: the SDK signs with a key file, Node's fetch sends, a node:http server
// rebuilds the request (target URI from its own origin plus the request line) and verifies it.
const { privateKey, publicKey } = generateSigningKeyPair();
const seenNonces = new Set<string>();
const policy = (): VerificationPolicy => ({
  now: Math.floor(Date.now() / 1000),
  resolveKey: async (keyId) => (keyId === 'agency-tz-1' ? { publicKey, principalId: 'agency-tz' } : undefined),
  claimNonce: async (keyId, nonce) => !seenNonces.has(`${keyId}/${nonce}`) && !!seenNonces.add(`${keyId}/${nonce}`),
});

let server: Server;
let origin: string;
let dir: string;
let keyFile: string;

async function bodyOf(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signatures-fetch-'));
  keyFile = join(dir, 'agency.key.json');
  await writeKeyFile(keyFile, { keyId: 'agency-tz-1', principalId: 'agency-tz', privateKey });
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    const result = await verifyRequest(
      { method: request.method ?? '', url: `${origin}${request.url ?? ''}`, headers: request.headers, body: body.byteLength > 0 ? body : undefined },
      policy(),
    );
    response.writeHead(result.ok ? 202 : 401, { 'content-type': 'application/json' });
    response.end(JSON.stringify(result.ok ? { principalId: result.key.principalId } : { code: result.code }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('a signed request over HTTP', () => {
  it('is accepted by a service that verifies it', async () => {
    const signedFetch = createSignedFetch({ keyFile, baseUrl: origin });

    const response = await signedFetch('/support-requests?draft=false', { method: 'POST', json: { species: 'Panthera leo' } });

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ principalId: 'agency-tz' });
  });

  it('is accepted as a signed read', async () => {
    const signedFetch = createSignedFetch({ keyFile, baseUrl: origin, signReads: true });
    expect((await signedFetch('/support-requests/r-1')).status).toBe(202);
  });

  it('is refused when it is not signed', async () => {
    const response = await fetch(`${origin}/support-requests`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 'signature_missing' });
  });

  it('does not follow a redirect, which would resend the signature, its nonce and the body elsewhere', async () => {
    const received: string[] = [];
    const redirecting = createServer(async (request, response) => {
      received.push(`${request.method} ${request.url} ${Buffer.from(await bodyOf(request)).toString('utf8')}`);
      if (request.url === '/moved') response.writeHead(307, { location: `${origin}/support-requests` }).end();
      else response.writeHead(200).end('{}');
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const redirectingOrigin = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`;
      const signedFetch = createSignedFetch({ keyFile, baseUrl: redirectingOrigin, signReads: true });
      const nonces = seenNonces.size;

      const post = await signedFetch('/moved', { method: 'POST', json: { species: 'Panthera leo' } });
      const read = await signedFetch('/moved');

      expect([post.status, read.status]).toEqual([307, 307]);
      expect(post.headers.get('location')).toBe(`${origin}/support-requests`);
      expect(received).toEqual(['POST /moved {"species":"Panthera leo"}', 'GET /moved ']);
      expect(seenNonces.size).toBe(nonces);
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });

  it('follows the redirect of an unsigned read, as fetch does', async () => {
    const redirecting = createServer((request, response) => {
      response.writeHead(302, { location: `${origin}/support-requests` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const signedFetch = createSignedFetch({ keyFile, baseUrl: `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}` });

      const read = await signedFetch('/moved');

      expect(read.status).toBe(401);
      expect(await read.json()).toEqual({ code: 'signature_missing' });
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });

  it('is refused when replayed', async () => {
    let captured: { url: string; init: RequestInit } | undefined;
    const capture = (async (url: string, init: RequestInit) => {
      captured = { url, init };
      return fetch(url, init);
    }) as unknown as typeof fetch;
    const signedFetch = createSignedFetch({ keyFile, baseUrl: origin, fetch: capture });
    expect((await signedFetch('/support-requests', { method: 'POST', json: { n: 1 } })).status).toBe(202);

    const replay = await fetch(captured!.url, captured!.init);

    expect(replay.status).toBe(401);
    expect(await replay.json()).toEqual({ code: 'nonce_reused' });
  });
});
