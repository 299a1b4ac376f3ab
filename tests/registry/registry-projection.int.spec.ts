import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { topics } from '@wildlife/contracts';
import { createProducer } from '@wildlife/messaging';
import { headerOf, readTopics, testKafkaBrokers, waitUntil } from '@wildlife/testing';
import { Kafka, logLevel } from 'kafkajs';
import { aSigner, keyOf, trustRootsFile, uniqueId, type Signer } from './support/registry-principals.js';
import { build, callsAs, start, startBoth, type RunningService } from './support/two-services.js';

// Real broker and database on a shared machine: allow for load.
jest.setTimeout(30_000);

// The registry decided at ncb-endorsement reaches request-intake over Kafka, and intake verifies
// signatures with its own projection of it: registrations, rotations and revocations take effect
// there without any call between the services, and survive a restart.

describe('the registry projection of another service', () => {
  const roots = { gs: aSigner('gs'), ncbFr: aSigner('ncb-fr') };
  let endorsement: RunningService;
  let intake: RunningService;
  let rootsFile: string;

  const ncb = () => callsAs(endorsement.url, roots.ncbFr);
  const listAtIntake = (signer: Signer) => callsAs(intake.url, signer).get('v1/support-requests');
  const acceptedAtIntake = async (signer: Signer) => (await listAtIntake(signer)).status === 200;

  async function registerAgency(agency: Signer) {
    const answer = await ncb().post('v1/registry/agencies', { agencyId: agency.principalId, name: `Agency ${agency.principalId}`, ...keyOf(agency) });
    expect(answer.status).toBe(201);
  }

  beforeAll(async () => {
    rootsFile = await trustRootsFile(roots);
    ({ endorsement, intake } = await startBoth(rootsFile));
    // The first fact waits for intake's consumer group to join; the tests measure what follows.
    const warmUp = aSigner(uniqueId('fr-warm-up'));
    await registerAgency(warmUp);
    await waitUntil('intake accepts the first registered agency', () => acceptedAtIntake(warmUp), { timeoutMs: 60_000, pollMs: 100 });
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled([endorsement?.app.close(), intake?.app.close()]);
    await Promise.allSettled([endorsement?.environment.cleanup(), intake?.environment.cleanup()]);
    if (rootsFile) await rm(dirname(rootsFile), { recursive: true, force: true });
  });

  it('accepts at intake the signature of an agency just registered at ncb-endorsement', async () => {
    // Given an agency intake does not know
    const agency = aSigner(uniqueId('fr-agency'));
    expect(await listAtIntake(agency)).toMatchObject({ status: 401, body: { check: 'key_unknown' } });

    // When France's NCB registers it
    await registerAgency(agency);

    // Then intake accepts its signed calls (how soon is reported, not asserted: two services on a shared machine)
    const took = await waitUntil('intake accepts the new agency', () => acceptedAtIntake(agency), { pollMs: 25 });
    console.info(`registry: intake accepted the new agency ${took} ms after its registration`);
    expect(intake.app.registry.directory.principal(agency.principalId)).toEqual({ id: agency.principalId, kind: 'agency', country: 'FR' });
  });

  it('refuses the old key with 401 key_rotated_out once the agency’s key is rotated, and accepts the new one', async () => {
    // Given an agency intake accepts
    const agency = aSigner(uniqueId('fr-agency'));
    await registerAgency(agency);
    await waitUntil('intake accepts the agency', () => acceptedAtIntake(agency));
    const replacement = aSigner(agency.principalId);

    // When its NCB rotates its key
    const rotation = await ncb().post(`v1/registry/principals/${agency.principalId}/keys/rotate`, { ...keyOf(replacement), retiredKeyId: agency.keyId });
    expect(rotation.status).toBe(201);

    // Then intake accepts the new key and refuses the old one, naming why
    await waitUntil('intake accepts the new key', () => acceptedAtIntake(replacement), { timeoutMs: 5_000 });
    expect(await listAtIntake(agency)).toMatchObject({ status: 401, body: { check: 'key_rotated_out' } });
  });

  it('refuses a revoked key with 401 key_revoked', async () => {
    // Given an agency intake accepts
    const agency = aSigner(uniqueId('fr-agency'));
    await registerAgency(agency);
    await waitUntil('intake accepts the agency', () => acceptedAtIntake(agency));

    // When its NCB revokes its key as compromised
    const revocation = await ncb().post(`v1/registry/principals/${agency.principalId}/keys/${agency.keyId}/revoke`, { reason: 'compromised' });
    expect(revocation.status).toBe(201);

    // Then intake refuses it, naming why
    await waitUntil('intake refuses the revoked key', async () => (await listAtIntake(agency)).status === 401, { timeoutMs: 5_000 });
    expect(await listAtIntake(agency)).toMatchObject({ status: 401, body: { check: 'key_revoked' } });
  });

  it('applies a registry event delivered again under the same id once', async () => {
    // Given an agency registered, its registration published and known to intake
    const agency = aSigner(uniqueId('fr-agency'));
    const registration = await ncb().post('v1/registry/agencies', { agencyId: agency.principalId, name: 'Twice delivered', ...keyOf(agency) });
    const eventId = (registration.body.facts as { eventId: string }[])[0]!.eventId;
    await waitUntil('intake accepts the agency', () => acceptedAtIntake(agency));

    // When the same message reaches the topic twice more, followed by a later fact about the same agency
    const kafka = new Kafka({ clientId: 'registry-redelivery', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const reader = await readTopics(kafka, [`${endorsement.environment.env.KAFKA_TOPIC_PREFIX}${topics.registryEvents.name}`]);
    const original = await reader.first(({ message }) => headerOf(message, 'ce_id') === eventId).finally(() => reader.stop());
    const { key, value, headers } = original.message;
    const again = { topic: original.topic, key, value, headers };
    const producer = createProducer(kafka);
    await producer.connect();
    try {
      await producer.sendBatch([again, again]);
    } finally {
      await producer.disconnect();
    }
    const replacement = aSigner(agency.principalId);
    await ncb().post(`v1/registry/principals/${agency.principalId}/keys/rotate`, { ...keyOf(replacement), retiredKeyId: agency.keyId });
    await waitUntil('intake accepts the later fact', () => acceptedAtIntake(replacement), { timeoutMs: 10_000 });

    // Then intake recorded and applied the registration once: no second row, nothing it could not apply
    const recorded = await intake.app.pool.query('SELECT count(*)::int AS n FROM registry_facts WHERE event_id = $1', [eventId]);
    expect(recorded.rows[0]).toEqual({ n: 1 });
    expect(intake.app.registry.directory.current.inapplicable).toEqual([]);
  });

  it('learns, in every instance, the facts any instance of the service consumed', async () => {
    // Given a second intake instance in the same consumer group, sharing the first one's database
    const second = await start(intake.environment, 'intake');
    try {
      // When several agencies are registered (their facts spread over the topic's partitions)
      const agencies = [1, 2, 3, 4].map(() => aSigner(uniqueId('fr-agency')));
      for (const agency of agencies) await registerAgency(agency);

      // Then both instances accept every one of them
      for (const instance of [intake, second]) {
        for (const agency of agencies) {
          await waitUntil(`${agency.principalId} is known`, async () => (await callsAs(instance.url, agency).get('v1/support-requests')).status === 200, { timeoutMs: 10_000 });
        }
      }
    } finally {
      await second.app.close();
    }
  }, 40_000);

  it('still knows the registry after a restart, rebuilt from its table before it listens, equal to the live one', async () => {
    // Given an agency intake accepts, and the registry intake holds
    const agency = aSigner(uniqueId('fr-agency'));
    await registerAgency(agency);
    await waitUntil('intake accepts the agency', () => acceptedAtIntake(agency));
    const live = intake.app.registry.directory.current;

    // When intake stops and starts again on the same database
    await intake.app.close();
    const restarted = await build(intake.environment, 'intake');

    // Then, before it even listens, its registry equals the one it had
    const rebuilt = restarted.registry.directory.current;
    expect([...rebuilt.principals.keys()].sort()).toEqual([...live.principals.keys()].sort());
    expect(rebuilt.keys).toEqual(live.keys);
    expect(rebuilt.accreditations).toEqual(live.accreditations);
    expect(rebuilt.inapplicable).toEqual([]);
    // And the agency's signed calls are accepted as soon as it listens
    intake = { app: restarted, url: await restarted.listen(), environment: intake.environment };
    expect(await listAtIntake(agency)).toMatchObject({ status: 200 });
  });
});
