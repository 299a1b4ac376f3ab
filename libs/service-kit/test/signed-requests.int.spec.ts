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

describe('signed requests at a service', () => {
  const environment = serviceTestEnvironment('kit-signed');
  let service: ServiceApp;
  let url: string;

  beforeAll(async () => {
    const settings = readServiceSettings({ name: 'kit-signed', defaultPort: 0 }, {}, environment.env);
    service = await createServiceApp({ name: 'kit-signed', settings, module: EchoModule, principals: directory });
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
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('accepts a valid signature and hands the handler the verified principal and the signature material', async () => {
    const before = handled.length;
    const response = await send(signed());
    expect(response).toEqual({ status: 201, body: { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' } } });
    expect(handled).toHaveLength(before + 1);
    expect(handled.at(-1)!.material).toMatchObject({ keyId: 'ncb-ke-1', method: 'POST', bodyBase64: Buffer.from(body).toString('base64') });
  });

  it('authenticates signed reads', async () => {
    const response = await send(signed(ncb.privateKey, 'ncb-ke-1', {}, 'GET'), null, 'GET');
    expect(response).toEqual({ status: 200, body: { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' } } });
  });

  it.each([
    ['no signature', () => ({ target: `${url}/v1/echo`, headers: { 'content-type': 'application/json' } }), body, 'signature_missing'],
    ['a body other than the digested one', () => signed(), JSON.stringify({ caseSummary: 'changed' }), 'digest_mismatch'],
    ['a signature over other components', () => signed(ncb.privateKey, 'ncb-ke-1', { components: ['@method', 'content-digest'] }), body, 'component_not_covered'],
    ['a stale created', () => signed(ncb.privateKey, 'ncb-ke-1', { created: Math.floor(Date.now() / 1000) - 3600 }), body, 'created_too_old'],
    ['an unknown key', () => signed(stranger.privateKey, 'nobody-1'), body, 'key_unknown'],
    ['a revoked key', () => signed(revoked.privateKey, 'kws-old'), body, 'key_revoked'],
    ['a rotated-out key', () => signed(rotated.privateKey, 'kws-2025'), body, 'key_rotated_out'],
    ['a key that is not the signer\'s', () => signed(stranger.privateKey, 'ncb-ke-1'), body, 'signature_invalid'],
  ])('refuses %s with 401 naming the check, and runs no handler', async (_case, request, sentBody, check) => {
    const before = handled.length;
    const response = await send(request(), sentBody);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, check });
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

    expect(await send(request)).toEqual({ status: 201, body: { pending: true } });
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
    expect(response).toEqual({ status: 201, body: { principal: { id: 'ncb-ke', kind: 'ncb', country: 'KE' } } });
  });

  it('keeps health public', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});
