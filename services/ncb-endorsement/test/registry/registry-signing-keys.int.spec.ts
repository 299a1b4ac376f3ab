import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { aSigner, keyOf, type Signer } from './support/registry-signers.js';
import { startRegistryWorld, type RegistryWorld } from './support/registry-world.js';

// Real broker and database on a shared machine: allow for load.
jest.setTimeout(30_000);

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

describe('a registry command signed with a key the registry has just rotated out or revoked', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await startRegistryWorld('registry_signing_keys');
    // The signature guard reads the service's registry projection, which learns a fact only once it has
    // come back from Kafka. Held still, the projection stays where it would be during that round trip.
    await world.holdProjection();
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const registryVersion = async () => (await world.service.eventStore.readStream('registry')).length;
  const registerAgency = (ncb: Signer, agency: Signer) => world.as(ncb).post('v1/registry/agencies', { agencyId: agency.principalId, name: 'Agency', ...keyOf(agency) });

  it('refuses a key its NCB has just rotated out (401 key_rotated_out): nothing is recorded or published', async () => {
    // Given Kenya's NCB rotates its trust-root key
    const replacement = aSigner('ncb-ke');
    expect((await world.as(world.roots.ncbKe).post('v1/registry/principals/ncb-ke/keys/rotate', { ...keyOf(replacement), retiredKeyId: world.roots.ncbKe.keyId })).status).toBe(201);
    const before = await registryVersion();

    // When the retired key at once registers an agency of Kenya
    const late = aSigner(unique('ke-agency'));
    const answer = await registerAgency(world.roots.ncbKe, late);

    // Then the answer is the guard's refusal of that key, and the registry is unchanged
    expect(answer).toMatchObject({ status: 401, body: { type: expect.stringMatching(/\/signature-key-rotated-out$/), check: 'key_rotated_out' } });
    expect(await registryVersion()).toBe(before);
    // And nothing about the agency is published before a fact France records afterwards (one partition, in order)
    const marker = await registerAgency(world.roots.ncbFr, aSigner(unique('fr-agency')));
    const markerId = (marker.body.facts as { eventId: string }[])[0]!.eventId;
    await waitUntil('the later fact is on the registry topic', () => world.published.events.some((event) => event.id === markerId));
    expect(world.published.events.filter((event) => event.subject === late.principalId)).toEqual([]);
  });

  it('refuses a key its NCB has just revoked as compromised (401 key_revoked): nothing is recorded', async () => {
    // Given France's NCB revokes the second of its keys as compromised, signing with the first
    const revoked = await world.as(world.roots.ncbFr).post(`v1/registry/principals/ncb-fr/keys/${world.roots.ncbFrSecond.keyId}/revoke`, { reason: 'compromised' });
    expect(revoked.status).toBe(201);
    const before = await registryVersion();

    // When the revoked key at once registers an agency of France
    const answer = await registerAgency(world.roots.ncbFrSecond, aSigner(unique('fr-agency')));

    // Then it is refused as the guard refuses a revoked key, and the registry is unchanged
    expect(answer).toMatchObject({ status: 401, body: { type: expect.stringMatching(/\/signature-key-revoked$/), check: 'key_revoked' } });
    expect(await registryVersion()).toBe(before);
  });
});
