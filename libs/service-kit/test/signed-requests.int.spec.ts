import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { createSigner, httpbis } from 'http-message-signatures';
import { readServiceSettings } from '@wildlife/config';
import { contentDigest, generateSigningKeyPair, signRequest } from '@wildlife/signatures';
import { serviceTestEnvironment } from '@wildlife/testing';
import { createServiceApp, NonceClaimedWithTheWrite, Signed, type KeyLookup, type PrincipalDirectory, type ServiceApp, type SignedRequestContext } from '../src/index.js';

const handled: SignedRequestContext[] = [];

@Controller('v1/echo')
class EchoController {
  @Post()
  write(@Signed() signed: SignedRequestContext, @Body() _body: unknown) {
    handled.push(signed);
    return { principal: signed.principal };
  }

  @Get()
  read(@Signed() signed: SignedRequestContext) {
    return { principal: signed.principal };
  }

  @Post('other')
  writeOther(@Signed() signed: SignedRequestContext, @Body() _body: unknown) {
    handled.push(signed);
    return { route: 'other' };
  }

  /** A route whose write would claim the nonce, but that never hands it over. */
  @Post('claimed-with-the-write')
  @NonceClaimedWithTheWrite()
  writeNothing(@Signed() signed: SignedRequestContext, @Body() _body: unknown) {
    return { pending: signed.pendingNonce !== undefined };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const ncb = generateSigningKeyPair();
const revoked = generateSigningKeyPair();
const rotated = generateSigningKeyPair();
const stranger = generateSigningKeyPair();
const keys: Record<string, KeyLookup> = {
  'ncb-ke-1': { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' }, publicKey: ncb.publicKey },
  'kws-old': { refused: 'key_revoked' },
  'kws-2025': { refused: 'key_rotated_out' },
};
const directory: PrincipalDirectory = { resolveKey: (keyId) => keys[keyId] ?? { refused: 'key_unknown' }, principal: () => undefined };

interface RawRequest {
  readonly method: string;
  readonly target: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** Sends to the service at `url` over node:http, which lets the test set Host and the request target as it likes. */
function sendOverHttp(url: string, request: RawRequest) {
  const { port } = new URL(url);
  return new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method: request.method, path: request.target, headers: request.headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) }));
    });
    outgoing.once('error', reject);
    outgoing.end(request.body);
  });
}

describe('signed requests at a service', () => {
  const environment = serviceTestEnvironment('kit-signed');
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    const settings = readServiceSettings({ name: 'kit-signed', defaultPort: 0 }, {}, environment.env);
    service = await createServiceApp({ name: 'kit-signed', settings, module: EchoModule, principals: directory });
    // A parser a service might add that keeps no raw bytes: the guard must not pass what it parsed.
    service.app.getHttpAdapter().getInstance().addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, text, done) => done(null, text));
    url = await service.listen();
  });
  afterAll(async () => {
    await service?.close();
    await environment.cleanup();
  });

  const body = JSON.stringify({ caseSummary: 'Pangolin scales offered on a marketplace' });

  function signed(key = ncb.privateKey, keyId = 'ncb-ke-1', options: Parameters<typeof signRequest>[2] = {}, method = 'POST', path = '/v1/echo') {
    const target = `${url}${path}`;
    const headers = { 'content-type': 'application/json' };
    const bytes = method === 'GET' ? undefined : new TextEncoder().encode(body);
    return { target, headers: { ...headers, ...signRequest({ method, url: target, headers, body: bytes }, { keyId, privateKey: key }, options) } };
  }

  async function send(request: { target: string; headers: Record<string, string> }, sentBody: string | null = body, method = 'POST') {
    const response = await fetch(request.target, { method, headers: request.headers, body: sentBody });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, cacheControl: response.headers.get('cache-control') };
  }

  it('accepts a valid signature and hands the handler the verified principal and the signature material', async () => {
    const before = handled.length;
    const response = await send(signed());
    expect(response).toEqual({ status: 201, body: { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' } }, cacheControl: null });
    expect(handled).toHaveLength(before + 1);
    expect(handled.at(-1)!.material).toMatchObject({ keyId: 'ncb-ke-1', method: 'POST', bodyBase64: Buffer.from(body).toString('base64') });
  });

  it('authenticates signed reads', async () => {
    const response = await send(signed(ncb.privateKey, 'ncb-ke-1', {}, 'GET'), null, 'GET');
    expect(response).toEqual({ status: 200, body: { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' } }, cacheControl: null });
  });

  it.each([
    ['no signature', () => ({ target: `${url}/v1/echo`, headers: { 'content-type': 'application/json' } }), body, 'signature_missing'],
    ['a body other than the digested one', () => signed(), JSON.stringify({ caseSummary: 'changed' }), 'digest_mismatch'],
    ['a signature over other components', () => signed(ncb.privateKey, 'ncb-ke-1', { components: ['@method', 'content-digest'] }), body, 'component_not_covered'],
    ['a stale created', () => signed(ncb.privateKey, 'ncb-ke-1', { created: Math.floor(Date.now() / 1000) - 3600 }), body, 'created_too_old'],
    ['an expires before its created (review 13)', () => signed(ncb.privateKey, 'ncb-ke-1', { created: Math.floor(Date.now() / 1000) + 20, expires: Math.floor(Date.now() / 1000) + 10 }), body, 'expires_before_created'],
    ['an unknown key', () => signed(stranger.privateKey, 'nobody-1'), body, 'key_unknown'],
    ['a revoked key', () => signed(revoked.privateKey, 'kws-old'), body, 'key_revoked'],
    ['a rotated-out key', () => signed(rotated.privateKey, 'kws-2025'), body, 'key_rotated_out'],
    ['a key that is not the signer\'s', () => signed(stranger.privateKey, 'ncb-ke-1'), body, 'signature_invalid'],
  ])('refuses %s with 401 naming the check, and runs no handler', async (_case, request, sentBody, check) => {
    const before = handled.length;
    const response = await send(request(), sentBody);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, check, type: expect.stringMatching(new RegExp(`/signature-${check.replace(/_/g, '-')}$`)) });
    // A problem answer is kept by no cache.
    expect(response.cacheControl).toBe('no-store');
    expect(handled).toHaveLength(before);
  });

  it('refuses with 400 a valid signature whose material no record could keep (a label too long for it), and runs no handler', async () => {
    const before = handled.length;
    const response = await send(signed(ncb.privateKey, 'ncb-ke-1', { label: `l${'a'.repeat(80)}` }));
    expect(response).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/signature-material-unrecordable$/), errors: [{ pointer: '/label' }] } });
    expect(handled).toHaveLength(before);
  });

  it('refuses a replayed request (same nonce) with 401 nonce_reused', async () => {
    const request = signed();
    expect((await send(request)).status).toBe(201);
    const replay = await send(request);
    expect(replay).toMatchObject({ status: 401, body: { check: 'nonce_reused' } });
  });

  it('claims a nonce the route left unclaimed when the route ends, so its replay is refused with 401 too', async () => {
    const request = signed(ncb.privateKey, 'ncb-ke-1', {}, 'POST', '/v1/echo/claimed-with-the-write');

    expect(await send(request)).toMatchObject({ status: 201, body: { pending: true } });
    expect(await send(request)).toMatchObject({ status: 401, body: { check: 'nonce_reused' } });
  });

  it('accepts a request signed by an independent implementation (http-message-signatures)', async () => {
    const target = `${url}/v1/echo`;
    const bytes = new TextEncoder().encode(body);
    const message = await httpbis.signMessage(
      {
        key: createSigner(ncb.privateKey, 'ed25519', 'ncb-ke-1'),
        fields: ['@method', '@target-uri', 'content-digest', 'content-type'],
        params: ['created', 'keyid', 'alg', 'nonce'],
        paramValues: { created: new Date(), nonce: `independent-${Date.now()}` },
      },
      { method: 'POST', url: target, headers: { 'content-type': 'application/json', 'content-digest': contentDigest(bytes) } },
    );
    const response = await send({ target, headers: message.headers as Record<string, string> });
    expect(response).toMatchObject({ status: 201, body: { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' } } });
  });

  const sendAs = (request: RawRequest) => sendOverHttp(url, request);

  describe('a body the service keeps no bytes of', () => {
    function signedText(contentType: string, text: string, options: Parameters<typeof signRequest>[2] = {}) {
      const headers = { 'content-type': contentType };
      return { ...headers, ...signRequest({ method: 'POST', url: `${url}/v1/echo`, headers }, { keyId: 'ncb-ke-1', privateKey: ncb.privateKey }, options) };
    }

    it('is refused with 415 as text/plain, signed with no Content-Digest, and runs no handler', async () => {
      const before = handled.length;
      const response = await send({ target: `${url}/v1/echo`, headers: signedText('text/plain', 'a body no digest covers') }, 'a body no digest covers');

      expect(response).toMatchObject({ status: 415, body: { status: 415 } });
      expect(handled).toHaveLength(before);
    });

    it('is refused with 415 as text/plain even with its digest signed: a service takes application/json only', async () => {
      const bytes = new TextEncoder().encode('a digested body');
      const headers = { 'content-type': 'text/plain' };
      const fields = signRequest({ method: 'POST', url: `${url}/v1/echo`, headers, body: bytes }, { keyId: 'ncb-ke-1', privateKey: ncb.privateKey });

      expect(await send({ target: `${url}/v1/echo`, headers: { ...headers, ...fields } }, 'a digested body')).toMatchObject({ status: 415 });
    });

    it('is refused with 415 by the guard when a parser the service added kept no bytes, and runs no handler', async () => {
      const before = handled.length;
      const response = await send({ target: `${url}/v1/echo`, headers: signedText('text/csv', 'a,b') }, 'a,b');

      expect(response).toMatchObject({ status: 415, body: { type: expect.stringMatching(/\/unsupported-media-type$/), detail: expect.stringMatching(/application\/json/) } });
      expect(handled).toHaveLength(before);
    });
  });

  describe('the Host field and the request target the signature is checked against', () => {
    const port = () => new URL(url).port;

    it('cannot move a request signed for one route to another with a Host holding a path (400, no handler runs)', async () => {
      // Signed for /v1/echo with a query that spells the other route; sent to the other route, with a
      // Host that, put before the request target, rebuilds the signed URL.
      const signedFor = signed(ncb.privateKey, 'ncb-ke-1', {}, 'POST', '/v1/echo?next=/v1/echo/other');
      const before = handled.length;

      const response = await sendAs({ method: 'POST', target: '/v1/echo/other', headers: { ...signedFor.headers, host: `127.0.0.1:${port()}/v1/echo?next=` }, body });

      expect(response).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/host-invalid$/) } });
      expect(handled).toHaveLength(before);
    });

    it.each([
      ['a path', (p: string) => `127.0.0.1:${p}/v1`],
      ['a query', (p: string) => `127.0.0.1:${p}?x`],
      ['a fragment', (p: string) => `127.0.0.1:${p}#x`],
      ['user info', (p: string) => `ncb@127.0.0.1:${p}`],
      ['a space', (p: string) => `127.0.0.1 :${p}`],
      ['a backslash', (p: string) => `127.0.0.1\\v1:${p}`],
      ['a port that is not digits', () => '127.0.0.1:80a'],
      ['an unclosed IPv6 literal', (p: string) => `[::1:${p}`],
      ['no host', (p: string) => `:${p}`],
    ])('refuses a Host with %s with a 400 problem', async (_case, host) => {
      const request = signed();

      const response = await sendAs({ method: 'POST', target: '/v1/echo', headers: { ...request.headers, host: host(port()) }, body });

      expect(response).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/host-invalid$/), status: 400 } });
    });

    it.each([
      ['absolute-form', (origin: string) => `${origin}/v1/echo`],
      ['a fragment', () => '/v1/echo#x'],
    ])('refuses a request target in %s, which a signature never covers as sent, with a 400 problem', async (_case, target) => {
      const signedFor = signed(ncb.privateKey, 'ncb-ke-1', {}, 'POST', target(url).replace(url, ''));
      const before = handled.length;

      const response = await sendAs({ method: 'POST', target: target(url), headers: signedFor.headers, body });

      expect(response).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/request-target-invalid$/) } });
      expect(handled).toHaveLength(before);
    });

    it.each([
      ['a name', (p: string) => `localhost:${p}`],
      ['an IPv6 literal', (p: string) => `[::1]:${p}`],
    ])('accepts a Host that is %s and a port, verifying the URL built from it', async (_case, host) => {
      const target = `http://${host(port())}/v1/echo`;
      const headers = { 'content-type': 'application/json' };
      const fields = signRequest({ method: 'POST', url: target, headers, body: new TextEncoder().encode(body) }, { keyId: 'ncb-ke-1', privateKey: ncb.privateKey });

      const response = await sendAs({ method: 'POST', target: '/v1/echo', headers: { ...headers, ...fields, host: host(port()) }, body });

      expect(response).toMatchObject({ status: 201 });
      expect(handled.at(-1)!.material.targetUri).toBe(target);
    });
  });

  it('keeps health public', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});

describe('signed requests at a service that names its public origins (PUBLIC_ORIGINS)', () => {
  const environment = serviceTestEnvironment('kit-origins');
  let service: ServiceApp;
  let url: string;
  const body = JSON.stringify({ caseSummary: 'Ivory offered on a social network' });

  beforeAll(async () => {
    const env = { ...environment.env, PUBLIC_ORIGINS: 'https://intake.example.org, http://intake.example.org:8080' };
    const settings = readServiceSettings({ name: 'kit-origins', defaultPort: 0 }, {}, env);
    service = await createServiceApp({ name: 'kit-origins', settings, module: EchoModule, principals: directory });
    url = await service.listen();
  });
  afterAll(async () => {
    await service?.close();
    await environment.cleanup();
  });

  /** A POST signed for `signedUrl` and sent over plain HTTP with `host`, as a proxy in front would forward it. */
  function forwarded(signedUrl: string, host: string, nonce?: string): RawRequest {
    const headers = { 'content-type': 'application/json' };
    const fields = signRequest({ method: 'POST', url: signedUrl, headers, body: new TextEncoder().encode(body) }, { keyId: 'ncb-ke-1', privateKey: ncb.privateKey }, nonce === undefined ? {} : { nonce });
    return { method: 'POST', target: new URL(signedUrl).pathname, headers: { ...headers, ...fields, host }, body };
  }

  it('verifies the https URI its clients signed, behind a proxy that forwards plain HTTP', async () => {
    const response = await sendOverHttp(url, forwarded('https://intake.example.org/v1/echo', 'intake.example.org'));

    expect(response).toMatchObject({ status: 201 });
    expect(handled.at(-1)!.material.targetUri).toBe('https://intake.example.org/v1/echo');
  });

  it('compares the Host as URLs compare hosts, and takes the scheme of the origin with that port', async () => {
    expect(await sendOverHttp(url, forwarded('https://Intake.Example.org:443/v1/echo', 'Intake.Example.org:443'))).toMatchObject({ status: 201 });
    expect(await sendOverHttp(url, forwarded('http://intake.example.org:8080/v1/echo', 'intake.example.org:8080'))).toMatchObject({ status: 201 });
    expect(handled.at(-1)!.material.targetUri).toBe('http://intake.example.org:8080/v1/echo');
  });

  it.each([
    ['another deployment that trusts the same keys', 'https://staging.example.org/v1/echo', 'staging.example.org'],
    ['the address the service listens on', 'http://127.0.0.1/v1/echo', '127.0.0.1'],
    ['a public host on a port it does not serve', 'https://intake.example.org:8443/v1/echo', 'intake.example.org:8443'],
  ])('refuses a request signed for %s with 421, before its nonce is claimed or a handler runs', async (_case, signedUrl, host) => {
    const before = handled.length;
    const nonce = `misdirected-${host}-${Date.now()}`;

    const response = await sendOverHttp(url, forwarded(signedUrl, host, nonce));

    expect(response).toMatchObject({ status: 421, body: { type: expect.stringMatching(/\/misdirected-request$/), status: 421, detail: expect.stringContaining('https://intake.example.org') } });
    expect(handled).toHaveLength(before);
    expect(await sendOverHttp(url, forwarded('https://intake.example.org/v1/echo', 'intake.example.org', nonce))).toMatchObject({ status: 201 });
  });
});
