import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { aSigner, keyOf } from './support/registry-signers.js';
import { startRegistryWorld, type RegistryWorld } from './support/registry-world.js';

// Real broker and database on a shared machine: allow for load.
jest.setTimeout(30_000);

// A registry command's facts are timed at the later of now and the registry's latest fact (instances'
// clocks may differ a little), and that time is their records' time, which the provenance log binds to
// the command's signature (`record-time-does-not-match-signature`: from created − 30 s to created +
// 361 s). A latest fact timed further ahead (an instance whose clock ran an hour ahead) would make every
// next fact one the log rejects after the registry applied it: such a command is refused instead.

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

describe('a registry command timed outside the window its signature allows', () => {
  let world: RegistryWorld;

  beforeAll(async () => {
    world = await startRegistryWorld('registry_record_time');
  }, 60_000);

  afterAll(async () => {
    await world?.close();
  });

  const registryVersion = async () => (await world.service.eventStore.readStream('registry')).length;
  const register = () => {
    const agency = aSigner(unique('fr-agency'));
    return world.as(world.roots.ncbFr).post('v1/registry/agencies', { agencyId: agency.principalId, name: 'Agency', ...keyOf(agency) });
  };

  it('is refused with 503 record-time-outside-signature-window, nothing stored, when the latest fact is timed an hour ahead', async () => {
    const registered = await register();
    expect(registered.status).toBe(201);
    const facts = registered.body.facts as { at: string }[];
    expect(Math.abs(Date.parse(facts[0]!.at) - Date.now())).toBeLessThan(60_000);

    // Another instance, its clock an hour ahead, recorded a fact (one the registry cannot apply: only its time counts here).
    const ahead = new Date(Date.now() + 3_600_000).toISOString();
    await world.service.eventStore.append('registry', await registryVersion(), [
      {
        eventId: randomUUID(),
        type: 'AccreditationSuspended',
        schemaVersion: 1,
        data: { agencyId: unique('nobody'), accreditationId: 'acc-none', reason: 'Clock ahead.', by: 'ncb-fr', at: ahead },
        metadata: { correlationId: randomUUID() },
      },
    ]);
    const before = await registryVersion();

    const refused = await register();

    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body).toMatchObject({
      status: 503,
      type: expect.stringMatching(/\/record-time-outside-signature-window$/),
      detail: expect.stringContaining(`The record would be timed ${ahead}, outside the window its signature`),
    });
    expect(await registryVersion()).toBe(before);
  });
});
