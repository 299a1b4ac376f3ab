import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { signRequest, type SignOptions } from '@wildlife/signatures';
import { aSigner, keyOf } from './support/registry-signers.js';
import { startRegistryWorld, type RegistryWorld } from './support/registry-world.js';

// Real broker and database on a shared machine: allow for load.
jest.setTimeout(30_000);

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('registry commands refused for what they carry, whatever the registry holds', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await startRegistryWorld('registry_command_input');
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const registryVersion = async () => (await world.service.eventStore.readStream('registry')).length;

  /** A French agency registered by France's NCB. */
  async function aFrenchAgency() {
    const agency = aSigner(unique('fr-agency'));
    expect((await world.as(world.roots.ncbFr).post('v1/registry/agencies', { agencyId: agency.principalId, name: 'Agency', ...keyOf(agency) })).status).toBe(201);
    return { agency };
  }

  describe('a command body', () => {
    it('refuses a body that is not well formed with 400, naming each field', async () => {
      const answer = await world.as(world.roots.ncbFr).post('v1/registry/agencies', { agencyId: 'UPPER', name: '', keyId: 'k', publicKey: 'short', extra: 1 });

      expect(answer.status).toBe(400);
      expect((answer.body.errors as { pointer: string }[]).map((error) => error.pointer).sort()).toEqual(['/agencyId', '/extra', '/name', '/publicKey']);
    });

    it('refuses times of days that do not exist, or outside the years 0001 to 9999 in UTC, with 422 TimeIsMalformed, and records nothing', async () => {
      const { agency } = await aFrenchAgency();
      const ncb = world.as(world.roots.ncbFr);
      const before = await registryVersion();

      const accreditations = `v1/registry/agencies/${agency.principalId}/accreditations`;
      const answers = [
        await ncb.post(accreditations, { scope: ['information-sharing'], validFrom: '0000-01-01T00:00:00+01:00', validUntil: inDays(30) }),
        await ncb.post(accreditations, { scope: ['information-sharing'], validFrom: new Date().toISOString(), validUntil: '9999-12-31T23:59:59-23:59' }),
        await ncb.post(accreditations, { scope: ['information-sharing'], validFrom: new Date().toISOString(), validUntil: '2030-02-30T00:00:00Z' }),
        await ncb.post(`v1/registry/principals/${agency.principalId}/keys/${agency.keyId}/revoke`, { reason: 'compromised', compromisedSince: '0000-01-01T00:00:00+01:00' }),
      ];

      expect(answers.map((answer) => [answer.status, answer.body.rule])).toEqual(answers.map(() => [422, 'TimeIsMalformed']));
      expect(await registryVersion()).toBe(before);
    });
  });

  describe('a command whose signature material no record could keep', () => {
    /** France's NCB registers a new agency at `path`, signed with `options`, sending `extraHeaders`. */
    async function registerSignedWith(path: string, options: SignOptions, extraHeaders: Record<string, string>) {
      const agency = aSigner(unique('fr-agency'));
      const url = new URL(path, world.url).href;
      const body = Buffer.from(JSON.stringify({ agencyId: agency.principalId, name: 'Agency', ...keyOf(agency) }));
      const headers = { 'content-type': 'application/json', ...extraHeaders };
      const signature = signRequest({ method: 'POST', url, headers, body }, { keyId: world.roots.ncbFr.keyId, privateKey: world.roots.ncbFr.privateKey }, options);
      const response = await fetch(url, { method: 'POST', headers: { ...headers, ...signature }, body });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }
    const covering = (...names: string[]) => ({ components: ['@method', '@target-uri', 'content-digest', 'content-type', ...names] });
    const manyHeaders = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`x-h${index}`, 'v']));

    it.each<[string, string, SignOptions, Record<string, string>]>([
      ['a target URI longer than a record keeps (a long query string)', `/v1/registry/agencies?x=${'a'.repeat(4100)}`, {}, {}],
      ['a signature label longer than a record keeps', '/v1/registry/agencies', { label: `l${'a'.repeat(80)}` }, {}],
      ['a covered header value longer than a record keeps', '/v1/registry/agencies', covering('x-note'), { 'x-note': 'b'.repeat(9000) }],
      ['more covered components than a record keeps', '/v1/registry/agencies', covering(...Object.keys(manyHeaders)), manyHeaders],
    ])('is refused for %s with 400 signature-material-unrecordable, and nothing is recorded', async (_case, path, options, extraHeaders) => {
      const before = await registryVersion();

      const answer = await registerSignedWith(path, options, extraHeaders);

      expect(answer).toMatchObject({ status: 400, body: { type: expect.stringMatching(/\/signature-material-unrecordable$/), errors: expect.any(Array) } });
      expect(await registryVersion()).toBe(before);
    });
  });
});
