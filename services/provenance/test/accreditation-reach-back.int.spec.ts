import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiSource, auditLog, EMPTY_AUDIT_STATE } from '@wildlife/auditor';
import { topics } from '@wildlife/contracts';
import type { RegistryFact } from '@wildlife/registry';
import { createSignedFetch } from '@wildlife/signatures';
import {
  acknowledgementEvent,
  newCast,
  newSigner,
  registrationFacts,
  registryEvent,
  supportRequestEvent,
  trustRootsOf,
  type Cast,
  type Signer,
} from '../src/testing/signed-records.examples.spec.js';
import { entriesOf, fetchAllEntries, outcomesOf } from './support/log-api.js';
import { consumeTopic } from './support/topic-reader.js';
import { deploymentFiles, ProvenanceWorld, type DeploymentFiles } from './support/provenance-world.js';

// Records and registry facts come on different topics: a support request signed after its agency's
// accreditation was suspended can reach the log before the suspension (the registry relay lagged).
// The log must end with the classification it would have given had the suspension come first, and
// say so in a change entry, which the auditor replays from the log alone.

const SECOND = 1_000;

describe('accreditation facts logged after the records they concern', () => {
  const cast: Cast = newCast();
  const past = new Date(Date.now() - 3_600_000);
  let files: DeploymentFiles;
  let world: ProvenanceWorld;

  beforeAll(async () => {
    files = await deploymentFiles(cast);
    world = await ProvenanceWorld.start(cast, files);
  }, 90_000);

  afterAll(async () => {
    await world?.close(true);
    await files?.remove();
  });

  /** A new agency of France, registered (and accredited for every capability, when `accredited`) an hour ago. */
  async function registeredAgency(id: string, accredited: boolean): Promise<Signer> {
    const agency = newSigner({ id, kind: 'agency', country: 'FR' });
    const facts = registrationFacts(cast.ncbFr, agency, past, accredited);
    await logged(...(await Promise.all(facts.map((fact) => registryEvent(cast.ncbFr, fact, past)))));
    return agency;
  }

  /** Publishes the records and waits for their entries (the changes one makes due are appended with it, in the same batch). */
  async function logged(...events: Awaited<ReturnType<typeof registryEvent>>[]): Promise<void> {
    const size = await world.logSize();
    for (const event of events) {
      const topic = event.source === '/wildlife/registry' ? topics.registryEvents : event.type.startsWith('ncb-endorsement.') ? topics.ncbEndorsementEvents : topics.requestIntakeEvents;
      await world.publish(topic, event);
    }
    await world.waitForLogSize(size + events.length);
  }

  const change = (agency: Signer, type: 'AccreditationSuspended' | 'AccreditationReinstated' | 'AccreditationRevoked', at: Date): RegistryFact =>
    ({
      type,
      agencyId: agency.principal.id,
      accreditationId: `${agency.principal.id}-acc-1`,
      ...(type === 'AccreditationReinstated' ? { note: 'Reviewed.' } : { reason: 'Under review.' }),
      by: 'ncb-fr',
      at: at.toISOString(),
    }) as RegistryFact;

  it('makes a request signed after a suspension pending once the suspension is logged, and publishes that', async () => {
    const agency = await registeredAgency('fr-reach-1', true);
    const suspendedAt = new Date(Date.now() - 10 * SECOND);
    const request = await supportRequestEvent(agency, agency.principal, new Date(suspendedAt.getTime() + 5 * SECOND));
    await logged(request);
    const suspension = await registryEvent(cast.ncbFr, change(agency, 'AccreditationSuspended', suspendedAt), suspendedAt);
    await logged(suspension);

    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, request.id)).toEqual([
      ['official', 'accredited-agency'],
      ['pending-ncb', 'agency-not-accredited'],
    ]);
    const [first, pending] = entriesOf(all, request.id);
    const fact = entriesOf(all, suspension.id)[0]!;
    expect(pending).toMatchObject({ sequence: fact.sequence + 1, supersedes: first!.sequence, source: first!.source, record: first!.record, evidence: null });
    expect(pending!.recordData).toBeUndefined();
    expect(pending!.reason.text).toContain(`entry ${fact.sequence}`);

    const outcomes = await consumeTopic(world.service.kafka, world.prefix + topics.provenanceEvents.name, all.length);
    const verdicts = outcomes.map((m) => JSON.parse(m.value.toString()) as { recordId: string; classification?: string; logIndex: number }).filter((d) => d.recordId === request.id);
    expect(verdicts.map((d) => [d.classification, d.logIndex])).toEqual([
      ['official', first!.sequence],
      ['pending-ncb', pending!.sequence],
    ]);
  }, 60_000);

  it('makes a request signed after a reinstatement official once the reinstatement is logged after it', async () => {
    const agency = await registeredAgency('fr-reach-2', true);
    const suspendedAt = new Date(Date.now() - 20 * SECOND);
    const reinstatedAt = new Date(suspendedAt.getTime() + 5 * SECOND);
    await logged(await registryEvent(cast.ncbFr, change(agency, 'AccreditationSuspended', suspendedAt), suspendedAt));
    const request = await supportRequestEvent(agency, agency.principal, new Date(reinstatedAt.getTime() + 5 * SECOND));
    await logged(request);
    const reinstatement = await registryEvent(cast.ncbFr, change(agency, 'AccreditationReinstated', reinstatedAt), reinstatedAt);
    await logged(reinstatement);

    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, request.id)).toEqual([
      ['pending-ncb', 'agency-not-accredited'],
      ['official', 'accredited-agency'],
    ]);
    const official = entriesOf(all, request.id)[1]!;
    const accreditationEntries = all.filter((f) => f.entry.recordData?.accreditationId === `${agency.principal.id}-acc-1`).map((f) => f.sequence);
    const registered = all.find((f) => f.entry.record.type === 'ncb-endorsement.AgencyRegistered.v1' && f.entry.recordData?.agencyId === agency.principal.id)!;
    // Resting on the registration, and the grant, suspension and reinstatement in force at the request's time.
    expect(official.basis).toEqual([registered.sequence, ...accreditationEntries]);
  }, 60_000);

  it("makes an official request its own NCB already acknowledged official on the NCB's word once a suspension before it is logged", async () => {
    const agency = await registeredAgency('fr-reach-3', true);
    const revokedAt = new Date(Date.now() - 10 * SECOND);
    const request = await supportRequestEvent(agency, agency.principal, new Date(revokedAt.getTime() + 5 * SECOND));
    const acknowledgement = await acknowledgementEvent(cast.ncbFr, request.subject!);
    await logged(request, acknowledgement);
    await logged(await registryEvent(cast.ncbFr, change(agency, 'AccreditationRevoked', revokedAt), revokedAt));

    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, request.id)).toEqual([
      ['official', 'accredited-agency'],
      ['official', 'ncb-vouched'],
    ]);
    const ack = entriesOf(all, acknowledgement.id)[0]!;
    expect(entriesOf(all, request.id)[1]!.basis).toContain(ack.sequence);
  }, 60_000);

  it('leaves a log the auditor passes, entry by entry', async () => {
    const signedFetch = createSignedFetch({ baseUrl: world.url, key: { keyId: cast.auditor.keyId, privateKey: cast.auditor.privateKey }, signReads: true });
    const report = await auditLog({ source: apiSource(world.url, signedFetch), trustRoots: trustRootsOf(cast), state: EMPTY_AUDIT_STATE });
    expect(report).toMatchObject({ ok: true, counts: { reclassified: 3 } });
  }, 60_000);
});
