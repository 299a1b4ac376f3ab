import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Get, Module, Post, Req } from '@nestjs/common';
import { readServiceSettings } from '@wildlife/config';
import { createServiceApp, Signed, type PrincipalDirectory, type ServiceApp, type SignedFastifyRequest, type SignedRequestContext } from '@wildlife/service-kit';
import { createSignedFetch, generateSigningKeyPair, writeKeyFile } from '@wildlife/signatures';
import { serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { main } from '../src/cli/main.js';
import { processIo } from '../src/cli/process-io.js';

// The URL a client signs is the URL it sends: the signing fetch of the SDK and `wildlife request`,
// against a real service (createServiceApp: its guard, on Fastify), for URLs whose `href` holds what
// fetch never sends: a fragment, a lone "?".

@Controller('v1/echo')
class EchoController {
  @Post()
  write(@Signed() signed: SignedRequestContext, @Req() request: SignedFastifyRequest, @Body() _body: unknown) {
    return { targetUri: signed.material.targetUri, routed: request.url };
  }

  @Get()
  read(@Signed() signed: SignedRequestContext, @Req() request: SignedFastifyRequest) {
    return { targetUri: signed.material.targetUri, routed: request.url };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

const agency = { id: 'agency-tz', kind: 'agency', country: 'TZ' } as const;
const { privateKey, publicKey } = generateSigningKeyPair();
const directory: PrincipalDirectory = {
  resolveKey: (keyId) => (keyId === 'agency-tz-1' ? { principal: agency, publicKey } : { refused: 'key_unknown' }),
  principal: () => undefined,
};

describe('a URL the client is given with a fragment or an empty query', () => {
  let environment: ServiceTestEnvironment;
  let service: ServiceApp;
  let url: string;
  let dir: string;
  let keyFile: string;
  let bodyFile: string;

  beforeAll(async () => {
    environment = serviceTestEnvironment('client-urls');
    const settings = readServiceSettings({ name: 'client-urls', defaultPort: 0 }, {}, environment.env);
    service = await createServiceApp({ name: 'client-urls', settings, module: EchoModule, principals: directory });
    url = await service.listen();
    dir = await mkdtemp(join(tmpdir(), 'wildlife-urls-'));
    keyFile = join(dir, 'agency-tz.key.json');
    bodyFile = join(dir, 'body.json');
    await writeKeyFile(keyFile, { keyId: 'agency-tz-1', principalId: agency.id, privateKey });
    await writeFile(bodyFile, '{"caseSummary":"Ivory on a marketplace"}');
  });

  afterAll(async () => {
    await service?.close();
    await environment?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('through the signing fetch of the SDK', () => {
    it.each([
      ['a fragment', '/v1/echo#section', '/v1/echo'],
      ['an empty query', '/v1/echo?', '/v1/echo'],
      ['an empty query and a fragment', '/v1/echo?#', '/v1/echo'],
      ['a query and a fragment', '/v1/echo?cursor=c1#top', '/v1/echo?cursor=c1'],
    ])('is signed as sent, without %s, and accepted', async (_case, path, sent) => {
      const signedFetch = createSignedFetch({ key: { keyId: 'agency-tz-1', privateKey }, baseUrl: url, signReads: true });

      const write = await signedFetch(path, { method: 'POST', json: { caseSummary: 'Ivory on a marketplace' } });
      const read = await signedFetch(path);

      expect({ status: write.status, body: await write.json() }).toEqual({ status: 201, body: { targetUri: `${url}${sent}`, routed: sent } });
      expect({ status: read.status, body: await read.json() }).toEqual({ status: 200, body: { targetUri: `${url}${sent}`, routed: sent } });
    });
  });

  describe('through wildlife request', () => {
    async function wildlife(...argv: string[]): Promise<{ status: number; out: string; err: string }> {
      let out = '';
      let err = '';
      const status = await main(argv, { ...processIo(), stdout: (text) => void (out += text), stderr: (text) => void (err += text) });
      return { status, out, err };
    }

    it.each([
      ['a fragment', '/v1/echo#section', '/v1/echo'],
      ['an empty query', '/v1/echo?', '/v1/echo'],
    ])('is signed as sent, without %s, and accepted', async (_case, path, sent) => {
      const result = await wildlife('request', 'POST', `${url}${path}`, '--key', keyFile, '--body', bodyFile);

      expect(result).toMatchObject({ status: 0, err: '' });
      expect(result.out.split('\n')[0]).toBe('201 Created');
      expect(JSON.parse(result.out.slice(result.out.indexOf('\n')))).toEqual({ targetUri: `${url}${sent}`, routed: sent });
    });
  });
});
