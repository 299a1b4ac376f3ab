import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { aSigner, keyOf, type Signer } from './support/registry-signers.js';
import { startRegistryWorld, type Answer, type RegistryWorld } from './support/registry-world.js';

// Real broker and database on a shared machine: allow for load.
jest.setTimeout(30_000);

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('conditions on registry commands: If-Match and Idempotency-Key', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await startRegistryWorld('registry_conditions');
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const registryVersion = async () => (await world.service.eventStore.readStream('registry')).length;
  const factsOf = (answer: Answer) => answer.body.facts as Record<string, unknown>[];
  const accreditationsPath = (agencyId: string) => `v1/registry/agencies/${agencyId}/accreditations`;
  const accreditation = (scope: string[], accreditationId?: string) => ({
    ...(accreditationId !== undefined && { accreditationId }),
    scope,
    validFrom: new Date().toISOString(),
    validUntil: inDays(365),
  });

  async function aFrenchAgency(): Promise<Signer> {
    const agency = aSigner(unique('fr-agency'));
    const registered = await world.as(world.roots.ncbFr).post('v1/registry/agencies', { agencyId: agency.principalId, name: 'Agency', ...keyOf(agency) });
    expect(registered.status).toBe(201);
    return agency;
  }

  async function accreditationsOf(agencyId: string) {
    return (await world.as(world.roots.ncbFr).get(`v1/registry/principals/${agencyId}`)).body.accreditations as Record<string, unknown>[];
  }

  it('documents If-Match, Idempotency-Key, the 412 and the registry ETag in the OpenAPI document', async () => {
    type Operation = { parameters?: { name: string; in: string; required?: boolean }[]; responses: Record<string, { headers?: Record<string, unknown> }> };
    const document = (await (await fetch(`${world.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };

    const accredit = document.paths['/v1/registry/agencies/{agencyId}/accreditations']!.post!;
    expect(accredit.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'If-Match', in: 'header', required: false }),
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      ]),
    );
    expect(Object.keys(accredit.responses)).toEqual(expect.arrayContaining(['201', '412', '422']));
    expect(Object.keys(accredit.responses['201']!.headers!)).toEqual(expect.arrayContaining(['ETag', 'Idempotent-Replayed']));
    expect(Object.keys(document.paths['/v1/registry/principals/{principalId}']!.get!.responses['200']!.headers!)).toEqual(['ETag']);
  });

  describe('If-Match between two officers', () => {
    it('answers GET of a principal with the version of the whole registry stream as its ETag', async () => {
      const agency = await aFrenchAgency();

      const read = await world.as(world.roots.ncbFr).get(`v1/registry/principals/${agency.principalId}`);

      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe(`"${await registryVersion()}"`);
      expect((read.body as { registryVersion: number }).registryVersion).toBe(await registryVersion());
    });

    it('records a command whose If-Match names the current version (201), answering the new version as ETag', async () => {
      // Given an officer who read the agency
      const agency = await aFrenchAgency();
      const etag = (await world.as(world.roots.ncbFr).get(`v1/registry/principals/${agency.principalId}`)).headers.get('etag')!;

      // When they accredit it, naming what they read
      const accredited = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), accreditation(['information-sharing']), { 'If-Match': etag });

      // Then it is recorded, and the ETag is the registry's version after it
      expect(accredited.status).toBe(201);
      expect(accredited.headers.get('etag')).toBe(`"${await registryVersion()}"`);
      expect(accredited.headers.get('etag')).toBe(`"${Number(JSON.parse(etag)) + 1}"`);
      expect((accredited.body as { registryVersion: number }).registryVersion).toBe(Number(JSON.parse(etag)) + 1);
    });

    it('refuses the second of two officers re-accrediting on the same version (412 with currentVersion); nothing stored or published', async () => {
      // Given two officers of France's NCB (each with a key of its own) who read the same agency at the same version
      const agency = await aFrenchAgency();
      const etag = (await world.as(world.roots.ncbFr).get(`v1/registry/principals/${agency.principalId}`)).headers.get('etag')!;
      expect((await world.as(world.roots.ncbFrSecond).get(`v1/registry/principals/${agency.principalId}`)).headers.get('etag')).toBe(etag);
      const firstId = unique('acc');
      const secondId = unique('acc');

      // When the first accredits it for one scope, then the second for another, both naming that version
      const first = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), accreditation(['information-sharing'], firstId), { 'If-Match': etag });
      const versionAfterFirst = await registryVersion();
      const second = await world.as(world.roots.ncbFrSecond).post(accreditationsPath(agency.principalId), accreditation(['operational-support'], secondId), { 'If-Match': etag });

      // Then the first is recorded and the second refused, naming the current version
      expect(first.status).toBe(201);
      expect(second.status).toBe(412);
      expect(second.body).toMatchObject({ type: expect.stringMatching(/\/version-is-stale$/), currentVersion: versionAfterFirst });
      expect(second.headers.get('etag')).toBe(`"${versionAfterFirst}"`);
      // And nothing of the second is stored: the agency holds the first accreditation only
      expect(await registryVersion()).toBe(versionAfterFirst);
      expect((await accreditationsOf(agency.principalId)).map((a) => [a.accreditationId, a.scope])).toEqual([[firstId, ['information-sharing']]]);
      // Nor published: a fact recorded after it is on the (single-partition, ordered) topic, and it is not
      const later = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), accreditation(['operational-support']));
      const laterId = factsOf(later)[0]!.eventId;
      await waitUntil('the later fact is on the registry topic', () => world.published.events.some((event) => event.id === laterId));
      expect(world.published.events.filter((event) => (event.data as { accreditationId?: string }).accreditationId === secondId)).toEqual([]);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retried accreditation with the first answer (same accreditation id, ETag, Idempotent-Replayed) and records it once', async () => {
      // Given an agency, and an accreditation sent without an id (the service picks one) under a key and If-Match
      const agency = await aFrenchAgency();
      const etag = `"${await registryVersion()}"`;
      const body = accreditation(['information-sharing']);
      const headers = { 'Idempotency-Key': randomUUID(), 'If-Match': etag };

      // When it is sent, then sent again as a retry after a lost response (its If-Match is stale by then)
      const first = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), body, headers);
      const versionAfterFirst = await registryVersion();
      const retry = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), body, headers);

      // Then the retry gets the first answer, replayed, and nothing more is recorded
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await registryVersion()).toBe(versionAfterFirst);
      expect((await accreditationsOf(agency.principalId)).map((a) => a.accreditationId)).toEqual([factsOf(first)[0]!.accreditationId]);
    });

    it('refuses the same key with another body (422 idempotency-key-reused); nothing is recorded', async () => {
      const agency = await aFrenchAgency();
      const key = randomUUID();
      const first = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), accreditation(['information-sharing']), { 'Idempotency-Key': key });
      const versionAfterFirst = await registryVersion();

      const reused = await world.as(world.roots.ncbFr).post(accreditationsPath(agency.principalId), accreditation(['operational-support']), { 'Idempotency-Key': key });

      expect(first.status).toBe(201);
      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ type: expect.stringMatching(/\/idempotency-key-reused$/) });
      expect(await registryVersion()).toBe(versionAfterFirst);
      expect(await accreditationsOf(agency.principalId)).toHaveLength(1);
    });

    it('keeps keys per signer: another signer using the same key is decided on its own', async () => {
      // Given a key France's NCB used for a registration
      const key = randomUUID();
      const agency = aSigner(unique('fr-agency'));
      const byFrance = await world.as(world.roots.ncbFr).post('v1/registry/agencies', { agencyId: agency.principalId, name: 'Agency', ...keyOf(agency) }, { 'Idempotency-Key': key });

      // When the General Secretariat sends another command under the same key
      const source = aSigner(unique('ngo'));
      const byGs = await world.as(world.roots.gs).post('v1/registry/external-sources', { sourceId: source.principalId, name: 'NGO', ...keyOf(source) }, { 'Idempotency-Key': key });

      // Then both are recorded, neither replayed nor refused
      expect([byFrance.status, byGs.status]).toEqual([201, 201]);
      expect(byGs.headers.get('idempotent-replayed')).toBeNull();
      expect(factsOf(byGs)).toEqual([expect.objectContaining({ type: 'ExternalSourceRegistered', sourceId: source.principalId })]);
    });
  });
});
