import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { aSigner, keyOf, type Signer } from './support/registry-signers.js';
import { startRegistryWorld, type RegistryWorld } from './support/registry-world.js';

// Real broker and database on a shared machine: allow for load.
jest.setTimeout(30_000);

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const ALL_CAPABILITIES = ['information-sharing', 'best-practice-guidance', 'operational-support', 'capacity-building', 'expert-network'];

describe('the registry commands at ncb-endorsement', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await startRegistryWorld('registry_commands');
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const factsOf = (answer: { body: Record<string, unknown> }) => answer.body.facts as Record<string, unknown>[];
  const registryVersion = async () => (await world.service.eventStore.readStream('registry')).length;

  async function registerAgency(ncb: Signer, agency: Signer, country?: string) {
    const body = { agencyId: agency.principalId, name: `Agency ${agency.principalId}`, ...keyOf(agency), ...(country && { country }) };
    return world.as(ncb).post('v1/registry/agencies', body);
  }

  async function accredit(ncb: Signer, agencyId: string, accreditationId = unique('acc')) {
    return world.as(ncb).post(`v1/registry/agencies/${agencyId}/accreditations`, {
      accreditationId,
      scope: ALL_CAPABILITIES,
      validFrom: new Date().toISOString(),
      validUntil: inDays(365),
    });
  }

  /** A French agency registered and accredited by France's NCB. */
  async function aFrenchAgency(): Promise<{ agency: Signer; accreditationId: string }> {
    const agency = aSigner(unique('fr-agency'));
    expect((await registerAgency(world.roots.ncbFr, agency)).status).toBe(201);
    const accreditationId = unique('acc');
    expect((await accredit(world.roots.ncbFr, agency.principalId, accreditationId)).status).toBe(201);
    return { agency, accreditationId };
  }

  /** Every registry command, aimed at the given French agency and its accreditation. */
  function everyCommandOn(agencyId: string, accreditationId: string, agencyKeyId: string) {
    const newcomer = aSigner(unique('newcomer'));
    return [
      ['register-agency', 'v1/registry/agencies', { agencyId: newcomer.principalId, name: 'Newcomer', ...keyOf(newcomer), country: 'FR' }],
      ['accredit-agency', `v1/registry/agencies/${agencyId}/accreditations`, { scope: ['information-sharing'], validFrom: new Date().toISOString(), validUntil: inDays(30) }],
      ['suspend-accreditation', `v1/registry/agencies/${agencyId}/accreditations/${accreditationId}/suspend`, { reason: 'Audit' }],
      ['reinstate-accreditation', `v1/registry/agencies/${agencyId}/accreditations/${accreditationId}/reinstate`, {}],
      ['revoke-accreditation', `v1/registry/agencies/${agencyId}/accreditations/${accreditationId}/revoke`, { reason: 'Mandate ended' }],
      ['rotate-key', `v1/registry/principals/${agencyId}/keys/rotate`, { ...keyOf(newcomer), retiredKeyId: agencyKeyId }],
      ['revoke-key', `v1/registry/principals/${agencyId}/keys/${agencyKeyId}/revoke`, { reason: 'compromised' }],
      ['register-external-source', 'v1/registry/external-sources', { sourceId: newcomer.principalId, name: 'Newcomer', ...keyOf(newcomer) }],
      ['register-auditor', 'v1/registry/auditors', { auditorId: newcomer.principalId, name: 'Newcomer', ...keyOf(newcomer) }],
    ] as const;
  }

  describe('an NCB managing its own agencies', () => {
    it('registers and accredits an agency of its country: 201 with each fact, published on the registry topic', async () => {
      // Given a new agency of France
      const agency = aSigner(unique('fr-agency'));

      // When France's NCB registers it, then accredits it without choosing an accreditation id
      const registered = await registerAgency(world.roots.ncbFr, agency);
      const accredited = await world.as(world.roots.ncbFr).post(`v1/registry/agencies/${agency.principalId}/accreditations`, {
        scope: ['information-sharing', 'operational-support'],
        validFrom: new Date().toISOString(),
        validUntil: inDays(365),
      });

      // Then both answers carry the recorded fact
      expect(registered.status).toBe(201);
      expect(factsOf(registered)).toEqual([
        expect.objectContaining({ type: 'AgencyRegistered', agencyId: agency.principalId, country: 'FR', key: keyOf(agency), registeredBy: 'ncb-fr' }),
      ]);
      expect(accredited.status).toBe(201);
      expect(factsOf(accredited)).toEqual([
        expect.objectContaining({ type: 'AgencyAccredited', agencyId: agency.principalId, accreditationId: expect.stringMatching(/^acc-/), by: 'ncb-fr' }),
      ]);
      // And both are published, as the NCB signed them, under the ids the answers gave
      const ids = [factsOf(registered)[0]!.eventId, factsOf(accredited)[0]!.eventId];
      await waitUntil('both facts are on the registry topic', () => ids.every((id) => world.published.events.some((event) => event.id === id)));
      const [registration, accreditation] = ids.map((id) => world.published.events.find((event) => event.id === id)!);
      expect(registration).toMatchObject({
        type: 'ncb-endorsement.AgencyRegistered.v1',
        subject: agency.principalId,
        principalid: 'ncb-fr',
        principalcountry: 'FR',
        data: { agencyId: agency.principalId, provenance: { principal: { id: 'ncb-fr', kind: 'ncb', country: 'FR' }, keyId: world.roots.ncbFr.keyId, method: 'POST' } },
      });
      expect(accreditation).toMatchObject({ type: 'ncb-endorsement.AgencyAccredited.v1', subject: agency.principalId, data: { scope: ['information-sharing', 'operational-support'] } });
      // And the service's own projection learns the agency from the topic
      await world.knows(agency);
    });

    it('publishes every registry fact, whoever it is about, on one partition in the order they were recorded', async () => {
      // Given two new agencies of France
      const [first, second] = [aSigner(unique('fr-agency')), aSigner(unique('fr-agency'))];
      const ncb = world.as(world.roots.ncbFr);

      // When its NCB records facts about one, then the other, then the first again
      const answers = [
        await registerAgency(world.roots.ncbFr, first),
        await registerAgency(world.roots.ncbFr, second),
        await accredit(world.roots.ncbFr, first.principalId),
        await ncb.post(`v1/registry/principals/${second.principalId}/keys/rotate`, { ...keyOf(aSigner(second.principalId)), retiredKeyId: second.keyId }),
        await accredit(world.roots.ncbFr, second.principalId),
      ];
      const ids = answers.map((answer) => factsOf(answer)[0]!.eventId);
      await waitUntil('every fact is on the registry topic', () => ids.every((id) => world.published.placed.some((p) => p.id === id)));

      // Then they share one partition and one key, in that order, whatever their subjects
      const placed = ids.map((id) => world.published.placed.find((p) => p.id === id)!);
      expect(new Set(placed.map((p) => p.partition)).size).toBe(1);
      expect(new Set(placed.map((p) => p.key))).toEqual(new Set(['wildlife-registry']));
      expect(placed.map((p) => p.offset)).toEqual([...placed.map((p) => p.offset)].sort((a, b) => (a < b ? -1 : 1)));
      expect(ids.map((id) => world.published.events.find((e) => e.id === id)!.subject)).toEqual([
        first.principalId,
        second.principalId,
        first.principalId,
        second.principalId,
        second.principalId,
      ]);
    });

    it('records every one of eight registrations sent at once (201 each): concurrent commands wait for each other rather than fail', async () => {
      // Given eight new agencies of France
      const agencies = Array.from({ length: 8 }, () => aSigner(unique('fr-agency')));
      const before = await registryVersion();

      // When its NCB registers them all at once
      const answers = await Promise.all(agencies.map((agency) => registerAgency(world.roots.ncbFr, agency)));

      // Then each is recorded, once
      expect(answers.map((answer) => [answer.status, answer.body.type])).toEqual(agencies.map(() => [201, undefined]));
      const recorded = (await world.service.eventStore.readStream('registry', before + 1)).map((event) => (event.data as { agencyId?: string }).agencyId);
      expect(recorded.sort()).toEqual(agencies.map((agency) => agency.principalId).sort());
    });

    it('suspends, reinstates and revokes the accreditation, rotates the agency’s key and revokes the new one', async () => {
      const { agency, accreditationId } = await aFrenchAgency();
      const ncb = world.as(world.roots.ncbFr);
      const accreditation = `v1/registry/agencies/${agency.principalId}/accreditations/${accreditationId}`;
      const replacement = aSigner(agency.principalId);

      const answers = [
        await ncb.post(`${accreditation}/suspend`, { reason: 'Breach under audit' }),
        await ncb.post(`${accreditation}/reinstate`, { note: 'Audit closed' }),
        await ncb.post(`${accreditation}/revoke`, { reason: 'Mandate ended' }),
        await ncb.post(`v1/registry/principals/${agency.principalId}/keys/rotate`, { ...keyOf(replacement), retiredKeyId: agency.keyId }),
        await ncb.post(`v1/registry/principals/${agency.principalId}/keys/${replacement.keyId}/revoke`, { reason: 'superseded', note: 'Device retired' }),
      ];

      expect(answers.map((answer) => [answer.status, factsOf(answer)[0]?.type])).toEqual([
        [201, 'AccreditationSuspended'],
        [201, 'AccreditationReinstated'],
        [201, 'AccreditationRevoked'],
        [201, 'KeyRotated'],
        [201, 'KeyRevoked'],
      ]);
      const read = await ncb.get(`v1/registry/principals/${agency.principalId}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        principalId: agency.principalId,
        kind: 'agency',
        country: 'FR',
        registeredBy: 'ncb-fr',
        keys: [
          { keyId: agency.keyId, standing: 'key_rotated_out' },
          { keyId: replacement.keyId, standing: 'key_revoked', revocationReason: 'superseded' },
        ],
        accreditation: { accredited: false, status: 'revoked' },
        accreditations: [{ accreditationId, changes: [{ change: 'suspended' }, { change: 'reinstated' }, { change: 'revoked' }] }],
      });
    });

    it('refuses an NCB revoking its only key, signed with that key (409): nobody could give it a new one; nothing is recorded', async () => {
      // Given Kenya's NCB, with one key
      const ncb = world.as(world.roots.ncbKe);
      const before = await registryVersion();

      // When it revokes that key, signing with it
      const answer = await ncb.post(`v1/registry/principals/ncb-ke/keys/${world.roots.ncbKe.keyId}/revoke`, { reason: 'superseded' });

      // Then it is refused, the registry is unchanged, and the key still signs
      expect(answer).toMatchObject({ status: 409, body: { type: expect.stringMatching(/\/principal-may-not-revoke-its-own-last-valid-key$/), rule: 'PrincipalMayNotRevokeItsOwnLastValidKey' } });
      expect(await registryVersion()).toBe(before);
      expect((await ncb.get('v1/registry/principals/ncb-ke')).body).toMatchObject({ keys: [{ keyId: world.roots.ncbKe.keyId, standing: 'valid' }] });
    });

    it('does not show an accreditation revoked before it started as upcoming: it never counts', async () => {
      // Given an agency accredited from tomorrow, whose accreditation its NCB revokes today
      const agency = aSigner(unique('fr-agency'));
      const ncb = world.as(world.roots.ncbFr);
      expect((await registerAgency(world.roots.ncbFr, agency)).status).toBe(201);
      const accreditations = `v1/registry/agencies/${agency.principalId}/accreditations`;
      const accreditationId = unique('acc');
      expect((await ncb.post(accreditations, { accreditationId, scope: ['information-sharing'], validFrom: inDays(1), validUntil: inDays(30) })).status).toBe(201);
      expect((await ncb.post(`${accreditations}/${accreditationId}/revoke`, { reason: 'Withdrawn before it began' })).status).toBe(201);

      // When its registry entry is read
      const read = await ncb.get(`v1/registry/principals/${agency.principalId}`);

      // Then it is not accredited, and nothing is said to count from tomorrow
      expect(read.body.accreditation).toMatchObject({ accredited: false, status: 'never-accredited' });
    });

    it('refuses to register an agency twice (409), under a reserved id (422), or to accredit an unknown agency (404)', async () => {
      const { agency } = await aFrenchAgency();
      const ncb = world.roots.ncbFr;

      const twice = await registerAgency(ncb, { ...aSigner('x'), principalId: agency.principalId });
      const reserved = await registerAgency(ncb, aSigner('ncb-fr-annex'));
      const unknown = await accredit(ncb, unique('nobody'));

      expect(twice).toMatchObject({ status: 409, body: { rule: 'AgencyIsAlreadyRegistered' } });
      expect(reserved).toMatchObject({ status: 422, body: { rule: 'PrincipalIdIsReserved' } });
      expect(unknown).toMatchObject({ status: 404 });
    });

  });

  describe('an NCB of another country', () => {
    it('is refused with 403 on every registry command about an agency of France, and nothing is recorded', async () => {
      // Given a French agency with an accreditation
      const { agency, accreditationId } = await aFrenchAgency();
      const before = await registryVersion();

      // When Kenya's NCB issues every registry command about it
      const answers = [];
      for (const [command, path, body] of everyCommandOn(agency.principalId, accreditationId, agency.keyId)) {
        answers.push([command, (await world.as(world.roots.ncbKe).post(path, body)).status]);
      }

      // Then each is forbidden and the registry is unchanged
      expect(answers).toEqual(everyCommandOn('a', 'b', 'c').map(([command]) => [command, 403]));
      expect(await registryVersion()).toBe(before);
    });

    it('may read the registry entry of another country’s agency (the registry is shared by every NCB)', async () => {
      const { agency } = await aFrenchAgency();

      expect((await world.as(world.roots.ncbKe).get(`v1/registry/principals/${agency.principalId}`)).status).toBe(200);
    });
  });

  describe('a principal that is neither an NCB nor the General Secretariat', () => {
    it.each([
      ['an agency', 403, 403],
      ['an external source', 403, 404],
      ['an auditor', 403, 403],
    ] as const)('%s is refused every registry command (%i on new principals, %i on existing ones), and nothing is recorded', async (who, onNew, onExisting) => {
      // Given a French agency with an accreditation, and a signer of the kind registered and known to the service
      const { agency, accreditationId } = await aFrenchAgency();
      const signer = aSigner(unique('signer'));
      const registration =
        who === 'an agency'
          ? await registerAgency(world.roots.ncbFr, signer)
          : await world.as(world.roots.gs).post(who === 'an auditor' ? 'v1/registry/auditors' : 'v1/registry/external-sources', {
              [who === 'an auditor' ? 'auditorId' : 'sourceId']: signer.principalId,
              name: 'Signer',
              ...keyOf(signer),
            });
      expect(registration.status).toBe(201);
      await world.knows(signer);
      const before = await registryVersion();

      // When it issues every registry command
      const answers = [];
      for (const [command, path, body] of everyCommandOn(agency.principalId, accreditationId, agency.keyId)) {
        answers.push([command, (await world.as(signer).post(path, body)).status]);
      }

      // Then each is refused and the registry is unchanged
      const creations = ['register-agency', 'register-external-source', 'register-auditor'];
      expect(answers).toEqual(everyCommandOn('a', 'b', 'c').map(([command]) => [command, creations.includes(command) ? onNew : onExisting]));
      expect(await registryVersion()).toBe(before);
    }, 30_000);
  });

  describe('the General Secretariat', () => {
    it('registers an external source and an auditor', async () => {
      const source = aSigner(unique('ngo'));
      const auditor = aSigner(unique('auditor'));
      const gs = world.as(world.roots.gs);

      const registeredSource = await gs.post('v1/registry/external-sources', { sourceId: source.principalId, name: 'An NGO', ...keyOf(source) });
      const registeredAuditor = await gs.post('v1/registry/auditors', { auditorId: auditor.principalId, name: 'An auditor', ...keyOf(auditor) });

      expect(registeredSource.status).toBe(201);
      expect(factsOf(registeredSource)).toEqual([expect.objectContaining({ type: 'ExternalSourceRegistered', sourceId: source.principalId, by: 'gs' })]);
      expect(registeredAuditor.status).toBe(201);
      expect(factsOf(registeredAuditor)).toEqual([expect.objectContaining({ type: 'AuditorRegistered', auditorId: auditor.principalId, by: 'gs' })]);
      expect((await gs.get(`v1/registry/principals/${source.principalId}`)).body).toMatchObject({ kind: 'external-source', registeredBy: 'gs' });
      expect((await gs.get(`v1/registry/principals/${auditor.principalId}`)).body).toMatchObject({ kind: 'auditor', registeredBy: 'gs' });
    });

    it('may not register agencies, of any country', async () => {
      const before = await registryVersion();

      const withoutCountry = await registerAgency(world.roots.gs, aSigner(unique('gs-made')));
      const forFrance = await registerAgency(world.roots.gs, aSigner(unique('gs-made')), 'FR');

      expect([withoutCountry.status, forFrance.status]).toEqual([403, 403]);
      expect(await registryVersion()).toBe(before);
    });
  });
});
