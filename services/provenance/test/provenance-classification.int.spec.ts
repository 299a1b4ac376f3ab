import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { topics, type CloudEvent } from '@wildlife/contracts';
import { toKafkaMessage } from '@wildlife/messaging';
import {
  acknowledgementEvent,
  externalInformationEvent,
  newCast,
  newSigner,
  registrationFacts,
  registryEvent,
  supportRequestEvent,
  type Cast,
} from '../src/testing/signed-records.examples.spec.js';
import { entriesOf, fetchAllEntries, outcomesOf } from './support/log-api.js';
import { consumeTopic } from './support/topic-reader.js';
import { deploymentFiles, ProvenanceWorld, type DeploymentFiles } from './support/provenance-world.js';

describe('the provenance log classifying records from the record topics', () => {
  const cast: Cast = newCast();
  const past = new Date(Date.now() - 3_600_000);
  let files: DeploymentFiles;
  let world: ProvenanceWorld;
  let ofbRequest: CloudEvent;
  let douaneRequest: CloudEvent;
  let tampered: CloudEvent;
  let external: CloudEvent;

  beforeAll(async () => {
    files = await deploymentFiles(cast);
    world = await ProvenanceWorld.start(cast, files);
    const facts = [...registrationFacts(cast.ncbFr, cast.ofb, past, true), ...registrationFacts(cast.ncbFr, cast.douane, past, false)];
    const externalSource = {
      type: 'ExternalSourceRegistered' as const,
      sourceId: cast.wildWatch.principal.id,
      name: 'WildWatch',
      key: { keyId: cast.wildWatch.keyId, publicKey: cast.wildWatch.publicKey },
      by: 'gs',
      at: past.toISOString(),
    };
    const registry = [...(await Promise.all(facts.map((fact) => registryEvent(cast.ncbFr, fact, past)))), await registryEvent(cast.gs, externalSource, past)];
    await world.publish(topics.registryEvents, ...registry);
    await world.waitForLogSize(4);

    ofbRequest = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    douaneRequest = await supportRequestEvent(cast.douane, cast.douane.principal);
    const signed = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const data = signed.data as { provenance: object };
    tampered = { ...signed, data: { ...data, caseSummary: 'changed', provenance: { ...data.provenance, bodyBase64: Buffer.from('{}').toString('base64') } } };
    external = await externalInformationEvent(cast.wildWatch);
    await world.publish(topics.requestIntakeEvents, ofbRequest, douaneRequest, tampered, external);
    await world.waitForLogSize(8);
  }, 90_000);

  afterAll(async () => {
    await world?.close(true);
    await files?.remove();
  });

  it('classifies each record from its real signature and the registry it logged before', async () => {
    const all = await fetchAllEntries(world, cast.auditor);
    expect(all.slice(0, 4).map((f) => [f.entry.classification, f.entry.reason.code])).toEqual(Array(4).fill(['official', 'registry-authority']));
    expect(outcomesOf(all, ofbRequest.id)).toEqual([['official', 'accredited-agency']]);
    expect(outcomesOf(all, douaneRequest.id)).toEqual([['pending-ncb', 'agency-not-accredited']]);
    expect(outcomesOf(all, tampered.id)).toEqual([['rejected', 'signature-invalid']]);
    expect(outcomesOf(all, external.id)).toEqual([['external', 'external-source']]);
    const ofbRegistry = all.filter((f) => f.entry.recordData?.agencyId === 'fr-ofb').map((f) => f.sequence);
    expect(ofbRegistry).toHaveLength(2);
    expect(entriesOf(all, ofbRequest.id)[0]!.basis).toEqual(ofbRegistry);
  });

  it("makes the pending request official once its own NCB acknowledges it, and logs that change", async () => {
    const acknowledgement = await acknowledgementEvent(cast.ncbFr, douaneRequest.subject!);
    await world.publish(topics.ncbEndorsementEvents, acknowledgement);
    await world.waitForLogSize(10);
    const all = await fetchAllEntries(world, cast.auditor);
    const [pending, official] = entriesOf(all, douaneRequest.id);
    const ack = entriesOf(all, acknowledgement.id)[0]!;
    expect([ack.classification, ack.reason.code]).toEqual(['official', 'ncb-own-country']);
    expect(official).toMatchObject({ classification: 'official', reason: { code: 'ncb-vouched' }, supersedes: pending!.sequence, evidence: pending!.evidence });
    expect(official!.basis).toEqual([...pending!.basis!, ack.sequence].sort((a, b) => a - b));
  });

  it('logs an unparseable message and one without signature material as rejected, and the partition moves on', async () => {
    const garbage = Buffer.from('{"not": "a cloud event"');
    const after = await supportRequestEvent(cast.ncbFr, cast.ofb.principal);
    const unsigned = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const { provenance: _, ...withoutProvenance } = unsigned.data as Record<string, unknown>;
    const size = await world.logSize();
    // All on one key, so on one partition, in this order.
    await world.publish(topics.requestIntakeEvents, { key: after.subject!, value: garbage }, { ...unsigned, subject: after.subject!, data: withoutProvenance }, after);
    await world.waitForLogSize(size + 3);
    const all = await fetchAllEntries(world, cast.auditor);
    const garbageId = `unparsed:${createHash('sha256').update(garbage).digest('hex')}`;
    expect(outcomesOf(all, garbageId)).toEqual([['rejected', 'record-malformed']]);
    expect(outcomesOf(all, unsigned.id)).toEqual([['rejected', 'record-malformed']]);
    expect(entriesOf(all, unsigned.id)[0]).toMatchObject({ source: null, evidence: null });
    expect(outcomesOf(all, after.id)).toEqual([['official', 'ncb-own-country']]);
  });

  it('rejects a record timed beyond the clock skew at once, and the record after it on its partition is logged as promptly', async () => {
    const future = await supportRequestEvent(cast.ofb, cast.ofb.principal, new Date(Date.now() + 86_400_000));
    const next = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const size = await world.logSize();
    // One key, so one partition, in this order: waiting for the first would hold the second.
    await world.publish(topics.requestIntakeEvents, future, { ...next, subject: future.subject! });
    await world.waitForLogSize(size + 2, 15_000);
    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, future.id)).toEqual([['rejected', 'record-time-in-future']]);
    expect(entriesOf(all, future.id)[0]).toMatchObject({ source: cast.ofb.principal, evidence: { keyId: cast.ofb.keyId } });
    expect(outcomesOf(all, next.id)).toEqual([['official', 'accredited-agency']]);
  });

  it('logs a record delivered twice once', async () => {
    const size = await world.logSize();
    const marker = await supportRequestEvent(cast.ncbFr, cast.ofb.principal);
    await world.publish(topics.requestIntakeEvents, ofbRequest, { ...marker, subject: ofbRequest.subject! });
    await world.waitForLogSize(size + 1);
    const { rows } = await world.service.pool.query<{ n: string }>('SELECT count(*) AS n FROM log_entries WHERE record_id = $1', [ofbRequest.id]);
    expect(Number(rows[0]!.n)).toBe(1);
    expect(await world.logSize()).toBe(size + 1);
  });

  it('logs a different record under an id already logged apart, as rejected, once however often it comes', async () => {
    const size = await world.logSize();
    const other = { ...(await supportRequestEvent(cast.ncbFr, cast.ofb.principal)), id: ofbRequest.id };
    const marker = await supportRequestEvent(cast.ncbFr, cast.ofb.principal);
    await world.publish(topics.requestIntakeEvents, other, other);
    await world.waitForLogSize(size + 1);
    // Again, after it was committed: the log finds it under its own identity. The marker shows the copy was taken in.
    await world.publish(topics.requestIntakeEvents, other, { ...marker, subject: other.subject! });
    await world.waitForLogSize(size + 2);
    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, ofbRequest.id)).toEqual([['official', 'accredited-agency']]);
    const reused = all.filter((f) => f.entry.record.id.startsWith(`${ofbRequest.id}#reused:`)).map((f) => f.entry);
    expect(reused.map((e) => [e.classification, e.reason.code, e.source?.id])).toEqual([['rejected', 'record-id-reused', 'ncb-fr']]);
    expect(outcomesOf(all, marker.id)).toEqual([['official', 'ncb-own-country']]);
    expect(await world.logSize()).toBe(size + 2);
  });

  it('classifies a request with the registry records published before it, though they are read from another topic', async () => {
    const agency = newSigner({ id: 'fr-oncfs', kind: 'agency', country: 'FR' });
    const fillers = Array.from({ length: 40 }, (_, i) => newSigner({ id: `fr-filler-${i}`, kind: 'agency', country: 'FR' }));
    const recently = new Date(Date.now() - 1_000);
    const facts = [...fillers.flatMap((f) => registrationFacts(cast.ncbFr, f, recently, false)), ...registrationFacts(cast.ncbFr, agency, recently, true)];
    const registry = await Promise.all(facts.map((fact) => registryEvent(cast.ncbFr, fact, recently)));
    // One partition, so the agency's own records are read last, one after the other.
    await world.publish(topics.registryEvents, ...registry.map((event) => ({ ...toKafkaMessage(event), key: 'one-partition' })));
    const request = await supportRequestEvent(agency, agency.principal);
    const size = await world.logSize();
    await world.publish(topics.requestIntakeEvents, request);
    await world.waitForLogSize(size + facts.length + 1);
    expect(outcomesOf(await fetchAllEntries(world, cast.auditor), request.id)).toEqual([['official', 'accredited-agency']]);
  }, 60_000);

  it("rejects an NCB's genuine acknowledgement republished for another request, which stays pending", async () => {
    const requestB = await supportRequestEvent(cast.douane, cast.douane.principal);
    let size = await world.logSize();
    await world.publish(topics.requestIntakeEvents, requestB);
    await world.waitForLogSize(size + 1);
    const genuine = await acknowledgementEvent(cast.ncbFr, ofbRequest.subject!);
    const forged = { ...genuine, id: randomUUID(), subject: requestB.subject!, data: { ...(genuine.data as object), requestId: requestB.subject! } };
    size = await world.logSize();
    // One partition: the genuine acknowledgement is logged first, as it would be if published by NCB endorsement.
    await world.publish(topics.ncbEndorsementEvents, ...[genuine, forged].map((event) => ({ ...toKafkaMessage(event), key: 'one-partition' })));
    await world.waitForLogSize(size + 2);
    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, genuine.id)).toEqual([['official', 'ncb-own-country']]);
    expect(outcomesOf(all, forged.id)).toEqual([['rejected', 'record-does-not-match-signature']]);
    expect(entriesOf(all, forged.id)[0]!.reason.text).toMatch(/^recordData\.requestId is "[0-9a-f-]+", but the signed request \(POST \/v1\/support-requests\/[0-9a-f-]+\/acknowledge, signed by "ncb-fr"\)/);
    expect(outcomesOf(all, requestB.id)).toEqual([['pending-ncb', 'agency-not-accredited']]);
  });

  it('rejects copies of a genuine submission under another record id or naming another request, logged before it, and logs the genuine one official', async () => {
    // Intake derives the record id and the request id from the signature: whoever can write to the
    // topic can only republish its material under ids the signature does not make.
    const genuine = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const otherRequest = randomUUID();
    const namingAnother = { ...genuine, id: randomUUID(), subject: otherRequest, data: { ...(genuine.data as object), requestId: otherRequest } };
    const underAnotherId = { ...genuine, id: randomUUID() };
    const size = await world.logSize();
    // One partition: the copies are logged first, as if they raced the genuine record to the log.
    await world.publish(topics.requestIntakeEvents, ...[namingAnother, underAnotherId, genuine].map((event) => ({ ...toKafkaMessage(event), key: 'one-partition' })));
    await world.waitForLogSize(size + 3);
    const all = await fetchAllEntries(world, cast.auditor);
    expect(outcomesOf(all, namingAnother.id)).toEqual([['rejected', 'record-does-not-match-signature']]);
    expect(entriesOf(all, namingAnother.id)[0]!.reason.text).toMatch(new RegExp(`^recordData\\.requestId is "${otherRequest}", but the signed request \\(POST /v1/support-requests, signed by "fr-ofb"\\) makes it "${genuine.subject}"`));
    expect(outcomesOf(all, underAnotherId.id)).toEqual([['rejected', 'record-id-does-not-match-signature']]);
    expect(entriesOf(all, underAnotherId.id)[0]!.reason.text).toContain(`makes the request-intake.SupportRequestSubmitted.v1 record "${genuine.id}"`);
    expect(outcomesOf(all, genuine.id)).toEqual([['official', 'accredited-agency']]);
  });

  it('publishes every entry on the log topic with its exact leaf bytes, and each outcome on the provenance events topic', async () => {
    const all = await fetchAllEntries(world, cast.auditor);
    const logMessages = await consumeTopic(world.service.kafka, world.prefix + topics.provenanceLog.name, all.length);
    expect(logMessages.map((m) => [m.key, m.value])).toEqual(all.map((f) => [String(f.sequence), f.leafBytes]));
    expect(logMessages.map((m) => m.headers['log-leaf-hash'])).toEqual(all.map((f) => f.leafHash.toString('base64')));

    const outcomes = await consumeTopic(world.service.kafka, world.prefix + topics.provenanceEvents.name, all.length - 2);
    const typeOf = (recordId: string) => outcomes.filter((m) => JSON.parse(m.value.toString()).recordId === recordId).map((m) => m.headers.ce_type);
    expect(typeOf(ofbRequest.id)).toEqual(['provenance.RecordVerified.v1']);
    expect(typeOf(tampered.id)).toEqual(['provenance.RecordRejected.v1']);
    expect(typeOf(douaneRequest.id)).toEqual(['provenance.RecordVerified.v1', 'provenance.RecordVerified.v1']);
  });
});
