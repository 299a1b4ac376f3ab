import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { topics, type CloudEvent } from '@wildlife/contracts';
import { entryBytes, openCheckpoint, parseEntry, type LogEntry } from '@wildlife/provenance-log';
import { apiSource, auditLog, EMPTY_AUDIT_STATE, main, type AuditReport } from '@wildlife/auditor';
import { createSignedFetch, writeKeyFile } from '@wildlife/signatures';
import { waitUntil } from '@wildlife/testing';
import {
  acknowledgementEvent,
  externalInformationEvent,
  newCast,
  registrationFacts,
  registryEvent,
  signedMaterial,
  supportRequestEvent,
  trustRootsOf,
  newSigner,
  type Cast,
} from '../../services/provenance/src/testing/signed-records.examples.spec.js';
import { deploymentFiles, ProvenanceWorld, type DeploymentFiles } from '../../services/provenance/test/support/provenance-world.js';
import { auditProcess, buildAuditor } from './support/audit-process.js';
import { LogTampering, type StoredRow } from './support/log-tampering.js';

/**
 * Issue 6, "proven correct": the real provenance service logs real signed records; then someone
 * holding the database's superuser password changes the log behind its back, one tampering at a
 * time, and `audit verify` must name the first bad entry each time.
 */
describe('tampering with the provenance log in its database', () => {
  const cast: Cast = newCast();
  let files: DeploymentFiles;
  let world: ProvenanceWorld;
  let tampering: LogTampering;
  let honest: StoredRow[];
  let entries: LogEntry[];
  let dir: string;
  let trustRootsFile: string;
  let keyFile: string;
  let ofbRequest: CloudEvent;

  const auditFromApi = (): Promise<AuditReport> =>
    auditLog({
      source: apiSource(world.url, createSignedFetch({ baseUrl: world.url, keyFile, signReads: true })),
      trustRoots: trustRootsOf(cast),
      state: EMPTY_AUDIT_STATE,
    });
  const cli = async (...args: string[]) => {
    const io = { out: '', err: '', fetch: globalThis.fetch, defaultStatePath: join(dir, 'never-used.json') };
    const status = await main(args, { ...io, stdout: (t) => void (io.out += t), stderr: (t) => void (io.err += t) });
    return { status, out: io.out, err: io.err };
  };
  const sequenceOf = (recordId: string) => entries.find((e) => e.record.id === recordId && e.supersedes === undefined)!.sequence;
  /** Applies a tampering, checks what the audit says, and puts the log back whatever happened. */
  const whileTampered = async (tamper: () => Promise<void>, check: () => Promise<void>) => {
    await tamper();
    try {
      await check();
    } finally {
      await tampering.restore(honest);
    }
  };

  beforeAll(async () => {
    const building = buildAuditor();
    files = await deploymentFiles(cast);
    world = await ProvenanceWorld.start(cast, files);
    const past = new Date(Date.now() - 3_600_000);
    const facts = [...registrationFacts(cast.ncbFr, cast.ofb, past, true), ...registrationFacts(cast.ncbFr, cast.douane, past, false)];
    const wildWatch = { keyId: cast.wildWatch.keyId, publicKey: cast.wildWatch.publicKey };
    const externalSource = { type: 'ExternalSourceRegistered' as const, sourceId: cast.wildWatch.principal.id, name: 'WildWatch', key: wildWatch, by: 'gs', at: past.toISOString() };
    await world.publish(topics.registryEvents, ...(await Promise.all(facts.map((fact) => registryEvent(cast.ncbFr, fact, past)))), await registryEvent(cast.gs, externalSource, past));
    await world.waitForLogSize(4);
    ofbRequest = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const douaneRequest = await supportRequestEvent(cast.douane, cast.douane.principal);
    await world.publish(topics.requestIntakeEvents, ofbRequest, douaneRequest, await externalInformationEvent(cast.wildWatch));
    await world.waitForLogSize(7);
    await world.publish(topics.ncbEndorsementEvents, await acknowledgementEvent(cast.ncbFr, douaneRequest.subject!));
    await world.waitForLogSize(9);
    const unsigned = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const { provenance: _, ...dataWithoutProvenance } = unsigned.data as Record<string, unknown>;
    await world.publish(topics.requestIntakeEvents, { ...unsigned, data: dataWithoutProvenance });
    await world.waitForLogSize(10);

    dir = await mkdtemp(join(tmpdir(), 'tamper-'));
    trustRootsFile = join(dir, 'trust-roots.json');
    keyFile = join(dir, 'auditor.key');
    await writeFile(trustRootsFile, JSON.stringify(trustRootsOf(cast)));
    await writeKeyFile(keyFile, { keyId: cast.auditor.keyId, privateKey: cast.auditor.privateKey, principalId: cast.auditor.principal.id });
    const signedGet = createSignedFetch({ baseUrl: world.url, keyFile, signReads: true });
    await waitUntil('the checkpoint covers the whole log', async () => {
      const response = await signedGet('/v1/log/checkpoint');
      return response.ok && openCheckpoint(await response.text(), files.verifierKey).checkpoint.size === 10;
    }, { pollMs: 50 });
    tampering = await LogTampering.connect(world.environment.env.DATABASE_NAME!);
    honest = await tampering.rows();
    entries = honest.map((row) => parseEntry(row.leaf_bytes));
    await building;
  }, 180_000);

  afterAll(async () => {
    await tampering?.close();
    await world?.close(true);
    await files?.remove();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('verifies the untouched log from the API, from its export and from the log topic', async () => {
    expect(entries.map((e) => e.classification)).toEqual(expect.arrayContaining(['official', 'pending-ncb', 'external', 'rejected']));
    expect(await auditFromApi()).toMatchObject({ ok: true, checkpoint: { size: 10 }, counts: { official: 6, 'pending-ncb': 1, external: 1, rejected: 1, reclassified: 1 } });

    const file = join(dir, 'log.jsonl');
    expect(await cli('export', '--api', world.url, '--key', keyFile, '--out', file)).toMatchObject({ status: 0 });
    const fromFile = await cli('verify', '--trust-roots', trustRootsFile, '--file', file, '--state', join(dir, 'file-state.json'));
    expect(fromFile).toMatchObject({ status: 0, out: expect.stringContaining('verified: 10 entries') });

    const topic = `${world.prefix}${topics.provenanceLog.name}`;
    const brokers = world.environment.env.KAFKA_BROKERS!;
    await waitUntil('the log topic holds the whole log', async () => (await cli('verify', '--trust-roots', trustRootsFile, '--kafka', brokers, '--topic', topic, '--api', world.url, '--key', keyFile, '--state', join(dir, 'kafka-state.json'), '--tree-only')).status === 0, { timeoutMs: 60_000, pollMs: 50 });
    const fromTopic = await cli('verify', '--trust-roots', trustRootsFile, '--kafka', brokers, '--topic', topic, '--api', world.url, '--key', keyFile, '--state', join(dir, 'kafka-state.json'));
    expect(fromTopic).toMatchObject({ status: 0, out: expect.stringContaining('consistent with the 10 entries verified before') });
  }, 90_000);

  it.each([
    ['the first entry', 0],
    ['an entry in the middle', 5],
    ['the last entry', 9],
  ])('names %s when one byte of it was changed and its hash recomputed', async (_, sequence) => {
    const bytes = Buffer.from(honest[sequence]!.leaf_bytes);
    const text = bytes.indexOf('"text":"');
    const at = bytes.findIndex((byte, index) => index > text + 8 && /[a-z]/i.test(String.fromCharCode(byte)));
    bytes[at] = bytes[at]! ^ 0x20; // a letter of the reason changes case: still a canonical, well-formed entry
    await whileTampered(
      () => tampering.replaceLeaf(sequence, bytes),
      async () => expect(await auditFromApi()).toMatchObject({ ok: false, finding: { code: 'root-mismatch', index: sequence } }),
    );
  });

  it('names an accreditation whose scope was narrowed, not the honest request it then fails', async () => {
    const accreditation = entries.find((e) => (e.recordData as { accreditationId?: unknown } | undefined)?.accreditationId !== undefined)!;
    const narrowed: LogEntry = { ...accreditation, recordData: { ...accreditation.recordData!, scope: ['expert-network'] } };
    await whileTampered(
      () => tampering.replaceLeaf(accreditation.sequence, Buffer.from(entryBytes(narrowed))),
      async () => expect(await auditFromApi()).toMatchObject({ ok: false, finding: { index: accreditation.sequence } }),
    );
  });

  it('names a removed entry', async () => {
    await whileTampered(
      () => tampering.remove(4),
      async () => expect(await auditFromApi()).toMatchObject({ ok: false, finding: { code: 'entry-missing', index: 4 } }),
    );
  });

  it('names the first of two swapped entries', async () => {
    await whileTampered(
      () => tampering.swap(6, 7),
      async () => expect(await auditFromApi()).toMatchObject({ ok: false, finding: { code: 'entry-out-of-place', index: 6 } }),
    );
  });

  it('names the first entry of a truncated tail', async () => {
    await whileTampered(
      () => tampering.removeFrom(7),
      async () => expect(await auditFromApi()).toMatchObject({ ok: false, finding: { code: 'entry-missing', index: 7 } }),
    );
  });

  it('names a forged entry whose hash was recomputed but whose record its source never signed, also from the audit command', async () => {
    const sequence = sequenceOf(ofbRequest.id);
    const original = entries[sequence]!;
    const forger = newSigner(cast.ofb.principal, cast.ofb.keyId);
    const forgedData = { ...original.recordData!, caseSummary: 'A case the agency never reported.' };
    const evidence = await signedMaterial(forger, forgedData, original.evidence!.targetUri, new Date(original.evidence!.created * 1000));
    const forged: LogEntry = { ...original, recordData: forgedData, evidence: evidence as LogEntry['evidence'] };
    await whileTampered(
      () => tampering.replaceLeaf(sequence, Buffer.from(entryBytes(forged))),
      async () => {
        expect(await auditFromApi()).toMatchObject({ ok: false, finding: { code: 'source-signature-invalid', index: sequence } });
        const run = await auditProcess('verify', '--trust-roots', trustRootsFile, '--api', world.url, '--key', keyFile, '--state', join(dir, 'process-state.json'));
        expect(run).toMatchObject({ status: 1, stdout: '' });
        expect(run.stderr).toContain(`entry ${sequence}: source-signature-invalid: signature-invalid`);
      },
    );
  }, 60_000);
});
