import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { apiSource, auditLog, EMPTY_AUDIT_STATE, type AuditReport } from '@wildlife/auditor';
import { createWildlifeClient, type ApiObject, type SupportRequestSubmission, type WildlifeClient } from '@wildlife/client';
import { defineNcbEndorsement, loadNcbEndorsementConfig } from '@wildlife/ncb-endorsement';
import { defineProvenance, loadProvenanceConfig } from '@wildlife/provenance';
import {
  openCheckpoint,
  parseEntry,
  RECORD_BINDINGS,
  RECORD_DOES_NOT_MATCH_SIGNATURE,
  RECORD_ID_DOES_NOT_MATCH_SIGNATURE,
  RECORD_TIME_DOES_NOT_MATCH_SIGNATURE,
  type LogEntry,
} from '@wildlife/provenance-log';
import { defineRequestIntake, loadRequestIntakeConfig } from '@wildlife/request-intake';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { createSignedFetch, permitIdOf, recordIdOf, recordTimeWindowOf, signatureDerivedId } from '@wildlife/signatures';
import { eventually, serviceTestEnvironment, type ServiceTestEnvironment } from '@wildlife/testing';
import { newCast, newSigner, trustRootsOf, type Cast, type Signer } from '../../services/provenance/src/testing/signed-records.examples.spec.js';
import { deploymentFiles, type DeploymentFiles } from '../../services/provenance/test/support/provenance-world.js';

// The records the real services make bind to their signatures: request intake, NCB endorsement and
// provenance run in-process on one topic space and one set of trust roots, each verifying signatures
// with its own projection of the registry (no directory is given to any of them). Every record type
// there is (`RECORD_BINDINGS`) is made by real calls through the SDK, and the provenance log must
// classify each as its signed request made it: none `record-does-not-match-signature`,
// `record-id-does-not-match-signature` or `record-time-does-not-match-signature`, each with the classification the registry gives it, and the whole log must
// pass the auditor's audit with every signature re-verified and every binding replayed.
// Each step waits until the log holds what the steps before it made, so that what is tested is how
// each record is bound and classified, not the order in which the log received records of two topics.

type Member = keyof Cast;

/** One line per log entry: what it classified and how. A change of classification says so. */
const outcome = (type: string, subject: string, classification: string, reason: string, change = false) =>
  `${type} ${subject} ${classification}/${reason}${change ? ' (change)' : ''}`;
const outcomeOf = (e: LogEntry) => outcome(e.record.type, e.record.subject ?? '', e.classification, e.reason.code, e.supersedes !== undefined);
const registryRecord = (fact: string, subject: string) => outcome(`ncb-endorsement.${fact}.v1`, subject, 'official', 'registry-authority');
const submitted = (requestId: string, classification: string, reason: string, change = false) =>
  outcome('request-intake.SupportRequestSubmitted.v1', requestId, classification, reason, change);
const ncbDecision = (record: string, requestId: string) => outcome(`ncb-endorsement.${record}.v1`, requestId, 'official', 'ncb-own-country');

function submission(agency: string): SupportRequestSubmission {
  return {
    capabilities: ['information-sharing', 'operational-support'],
    generalServices: ['diffusions'],
    operationalSupport: { istDeployment: false, coordinationMeeting: true },
    natureOfHelp: ['investigation-support'],
    caseSummary: `Juvenile African grey parrots offered on a classifieds platform (${randomBytes(4).toString('hex')}).`,
    urgency: 'urgent',
    species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'I' }],
    platforms: [{ name: 'Example Classifieds', url: 'https://classifieds.example/listing/48213', countryOfOperation: 'NL' }],
    countriesConcerned: ['FR', 'NL'],
    evidenceReferences: [{ reference: 'OFB-2026-0412/PV-3', heldBy: agency }],
  };
}

describe('the records the services make, as the provenance log classifies them', () => {
  const cast = newCast();
  const prefix = `t${randomBytes(4).toString('hex')}.`;
  const environments: ServiceTestEnvironment[] = [];
  const services: ServiceApp[] = [];
  const clients = {} as Record<Member, WildlifeClient>;
  let files: DeploymentFiles;
  let provenanceUrl: string;
  /** Each entry the calls below must have made, as `outcome` writes it. */
  const expected: string[] = [];
  let entries: LogEntry[];

  // A refused call (the registry not there yet, the request not yet at the next service) means "not
  // yet" to these waits.
  const waiting = { timeoutMs: 20_000, pollMs: 50 };

  /** The size of the log's latest checkpoint, checked against the log's key, as the auditor reads it. */
  async function logSize(): Promise<number | undefined> {
    const note = await clients.auditor.provenance.getCheckpoint().catch(() => undefined);
    return typeof note === 'string' ? openCheckpoint(note, files.verifierKey).checkpoint.size : undefined;
  }

  /** Waits until the log holds `size` entries (every one the calls so far make). */
  async function logged(size: number): Promise<void> {
    await eventually(`the log holds ${size} entries`, async () => ((await logSize()) ?? 0) >= size || undefined, {
      ...waiting,
      progress: async () => `it holds ${(await logSize()) ?? 'none readable'}`,
    });
  }

  /** Every entry of the log, page by page through the auditor API. */
  async function readLog(): Promise<LogEntry[]> {
    const size = (await logSize())!;
    const read: LogEntry[] = [];
    while (read.length < size) {
      const page = (await clients.auditor.provenance.getEntries({ start: read.length, end: size })) as { entries: { leafBytes: string }[] };
      read.push(...page.entries.map((e) => parseEntry(Buffer.from(e.leafBytes, 'base64'))));
    }
    return read;
  }

  /** The facts a registry command recorded, as its answer gives them. */
  const facts = async (command: Promise<ApiObject>) => (await command).facts as Record<string, string>[];

  /** Submits once intake's registry knows the signer (a 401 until then records nothing). */
  const accepted = <T>(what: string, call: () => Promise<T>) => eventually(what, () => call().catch(() => undefined), waiting);

  /** Waits until NCB endorsement holds the request, and answers its version there. */
  const atEndorsement = (requestId: string) =>
    eventually(`${requestId} reaches ncb-endorsement`, async () => {
      const view = await clients.ncbFr.endorsement.getEndorsement(requestId).catch(() => undefined);
      return view?.status === 'submitted' ? view.version : undefined;
    }, waiting);

  beforeAll(async () => {
    files = await deploymentFiles(cast);
    const shared = { KAFKA_TOPIC_PREFIX: prefix, TRUST_ROOTS_FILE: files.env.TRUST_ROOTS_FILE };
    const intakeEnv = serviceTestEnvironment('binding-intake', shared);
    const endorsementEnv = serviceTestEnvironment('binding-endorsement', shared);
    const provenanceEnv = serviceTestEnvironment('binding-provenance', { ...files.env, ...shared });
    environments.push(intakeEnv, endorsementEnv, provenanceEnv);
    const [intake, endorsement, provenance] = await Promise.all([
      createServiceApp(defineRequestIntake(loadRequestIntakeConfig(intakeEnv.env))),
      createServiceApp(defineNcbEndorsement(loadNcbEndorsementConfig(endorsementEnv.env))),
      createServiceApp(defineProvenance(loadProvenanceConfig(provenanceEnv.env))),
    ]);
    services.push(intake, endorsement, provenance);
    const endpoints = { intake: await intake.listen(), endorsement: await endorsement.listen(), provenance: await provenance.listen() };
    provenanceUrl = endpoints.provenance;
    for (const [member, signer] of Object.entries(cast) as [Member, Signer][]) {
      clients[member] = createWildlifeClient({ key: { keyId: signer.keyId, privateKey: signer.privateKey }, endpoints });
    }
    const { ofb, douane, wildWatch, auditor } = cast;
    const keyOf = (s: Signer) => ({ keyId: s.keyId, publicKey: s.publicKey });

    // The registry: France's NCB registers two agencies and accredits one; the GS registers the
    // external source and the auditor (who can then read the log).
    await clients.ncbFr.registry.registerAgency({ agencyId: ofb.principal.id, name: 'Office français de la biodiversité', ...keyOf(ofb) });
    const validFrom = new Date().toISOString();
    const validUntil = new Date(Date.now() + 365 * 86_400_000).toISOString();
    const scope = ['information-sharing', 'operational-support'] as const;
    // The accreditation id is left to the service (a field the server adds, not the signed body).
    const [accredited] = await facts(clients.ncbFr.registry.accreditAgency(ofb.principal.id, { scope, validFrom, validUntil }));
    await clients.ncbFr.registry.registerAgency({ agencyId: douane.principal.id, country: 'FR', name: 'Douane française', ...keyOf(douane) });
    await clients.gs.registry.registerExternalSource({ sourceId: wildWatch.principal.id, name: 'WildWatch', ...keyOf(wildWatch) });
    await clients.gs.registry.registerAuditor({ auditorId: auditor.principal.id, name: 'Audit One', ...keyOf(auditor) });
    const accreditationId = accredited!.accreditationId!;
    expected.push(
      registryRecord('AgencyRegistered', ofb.principal.id),
      registryRecord('AgencyAccredited', ofb.principal.id),
      registryRecord('AgencyRegistered', douane.principal.id),
      registryRecord('ExternalSourceRegistered', wildWatch.principal.id),
      registryRecord('AuditorRegistered', auditor.principal.id),
    );
    await logged(expected.length);

    // Submissions: the accredited agency (official), the one that is not (pending its NCB), the NCB
    // on behalf of an agency (the agency named in the body), and the external source (external).
    const { requestId: ofbRequest } = await accepted('intake accepts fr-ofb', () => clients.ofb.intake.submitSupportRequest(submission(ofb.principal.id)));
    const { requestId: douaneRequest } = await accepted('intake accepts fr-douane', () => clients.douane.intake.submitSupportRequest(submission(douane.principal.id)));
    const { requestId: onBehalf } = await clients.ncbFr.intake.submitSupportRequest({ ...submission(ofb.principal.id), onBehalfOfAgency: ofb.principal.id });
    await accepted('intake accepts the external source', () =>
      clients.wildWatch.intake.submitExternalInformation({ summary: 'The same seller lists parrots under another name.', relatedRequestId: ofbRequest.toUpperCase(), countriesConcerned: ['NL'] }),
    );
    expected.push(
      submitted(ofbRequest, 'official', 'accredited-agency'),
      submitted(douaneRequest, 'pending-ncb', 'agency-not-accredited'),
      submitted(onBehalf, 'official', 'ncb-own-country'),
      outcome('request-intake.ExternalInformationReceived.v1', ofbRequest, 'external', 'external-source'),
    );
    await logged(expected.length);

    // The NCB's decisions: its acknowledgement makes the pending request official (ncb-vouched);
    // one request acknowledged, endorsed and its permit revoked; another declined.
    await clients.ncbFr.endorsement.acknowledge(douaneRequest, { version: await atEndorsement(douaneRequest) });
    const acknowledged = await clients.ncbFr.endorsement.acknowledge(ofbRequest, { version: await atEndorsement(ofbRequest) });
    const { permit } = await clients.ncbFr.endorsement.endorse(ofbRequest, { version: acknowledged.version, note: 'Coordination meeting agreed.' });
    await clients.ncbFr.endorsement.revokePermit(permit.permitId, { reason: 'The case moved to a joint investigation team.' });
    const { requestId: declinedRequest } = await clients.ofb.intake.submitSupportRequest(submission(ofb.principal.id));
    await clients.ncbFr.endorsement.decline(declinedRequest, { version: await atEndorsement(declinedRequest), reason: 'Already handled through a bilateral channel.' });
    expected.push(
      ncbDecision('RequestAcknowledged', douaneRequest),
      submitted(douaneRequest, 'official', 'ncb-vouched', true),
      ncbDecision('RequestAcknowledged', ofbRequest),
      ncbDecision('RequestEndorsed', ofbRequest),
      ncbDecision('DirectContactPermitRevoked', ofbRequest),
      submitted(declinedRequest, 'official', 'accredited-agency'),
      ncbDecision('RequestDeclined', declinedRequest),
    );
    await logged(expected.length);

    // The rest of the registry, once the records above are logged: the accreditation suspended,
    // reinstated and revoked; an agency's key rotated by its NCB; the external source's key revoked by the GS.
    const replacement = newSigner(douane.principal, `${douane.principal.id}-k2`);
    await clients.ncbFr.registry.suspendAccreditation(ofb.principal.id, accreditationId, { reason: 'Audit of its evidence handling.' });
    await clients.ncbFr.registry.reinstateAccreditation(ofb.principal.id, accreditationId, { note: 'Audit closed.' });
    await clients.ncbFr.registry.rotateKey(douane.principal.id, { ...keyOf(replacement), retiredKeyId: douane.keyId });
    await clients.gs.registry.revokeKey(wildWatch.principal.id, wildWatch.keyId, { reason: 'no-longer-used', note: 'Source retired.' });
    await clients.ncbFr.registry.revokeAccreditation(ofb.principal.id, accreditationId, { reason: 'Agency reorganised.' });
    expected.push(
      registryRecord('AccreditationSuspended', ofb.principal.id),
      registryRecord('AccreditationReinstated', ofb.principal.id),
      registryRecord('KeyRotated', douane.principal.id),
      registryRecord('KeyRevoked', wildWatch.principal.id),
      registryRecord('AccreditationRevoked', ofb.principal.id),
    );
    await logged(expected.length);
    entries = await readLog();
  }, 90_000);

  afterAll(async () => {
    for (const s of services.reverse()) await s.close();
    for (const e of environments) await e.cleanup();
    await files?.remove();
  });

  it('logs a record of every type there is, none refused as unbound to its signature or reusing one', () => {
    expect(new Set(entries.map((e) => e.record.type))).toEqual(new Set(Object.keys(RECORD_BINDINGS)));
    const unbound = entries.filter((e) => [RECORD_DOES_NOT_MATCH_SIGNATURE, RECORD_ID_DOES_NOT_MATCH_SIGNATURE, RECORD_TIME_DOES_NOT_MATCH_SIGNATURE].includes(e.reason.code));
    expect(unbound.map((e) => `${outcomeOf(e)}: ${e.reason.text}`)).toEqual([]);
  });

  it('logs every signed record timed within the window its signature allows, by the service that stamped it', () => {
    const signed = entries.filter((e) => e.evidence !== null && e.supersedes === undefined);
    const stamped = (e: LogEntry) => Date.parse(e.record.time!) - e.evidence!.created * 1000;
    const outside = signed.filter((e) => {
      const { earliest, latest } = recordTimeWindowOf(e.evidence!.created);
      const at = Date.parse(e.record.time!);
      return !(at >= earliest && at <= latest);
    });
    expect(outside.map((e) => `${outcomeOf(e)}: stamped ${stamped(e)} ms after created`)).toEqual([]);
    // The services stamp right after the guard's check: within seconds of `created` here.
    expect(signed.filter((e) => stamped(e) < -1_000 || stamped(e) > 10_000).map((e) => `${outcomeOf(e)}: ${stamped(e)} ms`)).toEqual([]);
  });

  it('logs every signed record under the id its services derived from its signature, and their minted ids likewise', () => {
    const signed = entries.filter((e) => e.evidence !== null && e.supersedes === undefined);
    expect(signed.filter((e) => e.record.id !== recordIdOf(e.record.type, e.evidence!)).map((e) => e.record.type)).toEqual([]);
    const submissions = signed.filter((e) => e.record.type === 'request-intake.SupportRequestSubmitted.v1');
    expect(submissions.length).toBeGreaterThan(0);
    for (const e of submissions) expect(e.recordData!['requestId']).toBe(signatureDerivedId('request', e.evidence!));
    const revoked = signed.find((e) => e.record.type === 'ncb-endorsement.DirectContactPermitRevoked.v1')!;
    const endorsement = signed.find((e) => e.record.id === revoked.recordData!['endorsementRecordId']);
    expect(endorsement?.record.type).toBe('ncb-endorsement.RequestEndorsed.v1');
    expect(revoked.recordData!['permitId']).toBe(permitIdOf(revoked.recordData!['requestId'] as string, endorsement!.record.id));
  });

  it('classifies each record as the registry says, from its signer', () => {
    expect(entries.map(outcomeOf).sort()).toEqual([...expected].sort());
  });

  it('passes the auditor’s audit of the whole log, every signature re-verified and every binding replayed', async () => {
    const report: AuditReport = await auditLog({
      source: apiSource(provenanceUrl, createSignedFetch({ baseUrl: provenanceUrl, key: { keyId: cast.auditor.keyId, privateKey: cast.auditor.privateKey }, signReads: true })),
      trustRoots: trustRootsOf(cast),
      state: EMPTY_AUDIT_STATE,
      verifierKey: files.verifierKey,
      depth: 'signatures',
    });
    // 10 registry records, 3 submissions and 5 decisions official; the change of the pending one apart.
    const counts = { official: 18, 'pending-ncb': 1, external: 1, rejected: 0, reclassified: 1 };
    expect(report).toMatchObject({ ok: true, checkpoint: { size: expected.length }, counts });
  });
});
