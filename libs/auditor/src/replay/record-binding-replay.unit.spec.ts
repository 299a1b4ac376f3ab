import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parseEntry, type JsonObject, type LogEntry } from '@wildlife/provenance-log';
import { at, supportRequestData, testSigner, testTrustRoots, TestLog, type TestSigner } from '../../test/support/signed-log.js';
import { EntryAudit } from '../verification/entry-audit.js';

// The auditor replays the provenance service's binding of a record to its signed request: a log
// that calls official a record its signature did not make, or a second record made with one
// signature, or a record under an id its signature does not make, is caught like any other wrong
// classification. The auditor checks with the service's own table and functions
// (`recordBindingProblem`, `RECORD_BINDINGS`, the ids derived from the signature): nothing of its own.

describe('replaying the binding of each record to its signed request', () => {
  let gs: TestSigner;
  let ncbKe: TestSigner;
  let kws: TestSigner;
  let kfs: TestSigner;

  beforeAll(() => {
    gs = testSigner('gs', 'general-secretariat');
    ncbKe = testSigner('ncb-ke', 'ncb', 'KE');
    kws = testSigner('agency-ke-kws', 'agency', 'KE');
    kfs = testSigner('agency-ke-kfs', 'agency', 'KE');
  });

  const registry = { classification: 'official', reason: { code: 'registry-authority', text: 'May.' }, basis: [] } as const;
  const acknowledgementOf = (requestId: string): JsonObject => ({ requestId, acknowledgedAt: at(200), ncb: { principalId: 'ncb-ke', country: 'KE' } });

  /** The request id a logged submission names (derived from its signature). */
  const requestIdOf = (entry: LogEntry | undefined): string => entry!.recordData!['requestId'] as string;

  /** KWS accredited (entries 0, 1), KFS registered only (2); request A by KWS official (3), request B by KFS pending (4); NCB KE acknowledges A (5). */
  async function withTwoRequests(): Promise<TestLog> {
    const log = new TestLog();
    const keyOf = (s: TestSigner) => ({ keyId: s.keyId, publicKey: s.publicKey });
    await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kws.principal.id, country: 'KE', name: 'KWS', key: keyOf(kws), registeredBy: 'ncb-ke', at: at(100) }, registry);
    const accreditation = { agencyId: kws.principal.id, accreditationId: 'acc-kws-1', scope: ['information-sharing'], validFrom: at(0), validUntil: at(1_000_000), by: 'ncb-ke', at: at(101) };
    await log.record(ncbKe, 'ncb-endorsement.AgencyAccredited.v1', accreditation, registry);
    await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kfs.principal.id, country: 'KE', name: 'KFS', key: keyOf(kfs), registeredBy: 'ncb-ke', at: at(102) }, registry);
    const a = await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', supportRequestData(kws, 'req-a'), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    await log.record(kfs, 'request-intake.SupportRequestSubmitted.v1', supportRequestData(kfs, 'req-b'), { classification: 'pending-ncb', reason: { code: 'agency-not-accredited', text: 'Waits.' }, basis: [2] });
    await log.record(ncbKe, 'ncb-endorsement.RequestAcknowledged.v1', acknowledgementOf(requestIdOf(a)), { classification: 'official', reason: { code: 'ncb-own-country', text: 'Own NCB.' }, basis: [] });
    return log;
  }

  function firstFinding(log: TestLog) {
    const audit = new EntryAudit(testTrustRoots(gs, [ncbKe]));
    for (const leaf of log.leaves()) {
      const finding = audit.check(parseEntry(leaf));
      if (finding !== undefined) return finding;
    }
    return undefined;
  }

  /** Logs `entry`'s record again under `id` (a new one by default), with `data`, as the log would have if it believed it. */
  function republished(log: TestLog, entry: LogEntry, data: JsonObject, verdict: Pick<LogEntry, 'classification' | 'reason' | 'basis' | 'supersedes'>, id: string = randomUUID()): void {
    log.append({ record: { ...entry.record, id }, source: entry.source, evidence: entry.evidence, recordData: data, ...verdict });
  }

  it('accepts the log the rules give', async () => {
    expect(firstFinding(await withTwoRequests())).toBeUndefined();
  });

  it("catches a log that calls official NCB KE's acknowledgement of A republished as one of B, and B vouched", async () => {
    const log = await withTwoRequests();
    const [, , , a, pending, acknowledgement] = log.entries;
    const [reqA, reqB] = [requestIdOf(a), requestIdOf(pending)];
    republished(log, acknowledgement!, acknowledgementOf(reqB), { classification: 'official', reason: { code: 'ncb-own-country', text: 'Forged.' }, basis: [] });
    const { record, source, evidence, recordData } = pending!;
    log.append({ record, source, evidence, recordData, classification: 'official', reason: { code: 'ncb-vouched', text: 'Forged.' }, supersedes: 4, basis: [2, 6] });
    expect(firstFinding(log)).toMatchObject({
      index: 6,
      code: 'classification-wrong',
      problem: expect.stringContaining(`logged official/ncb-own-country, the rules give rejected/record-does-not-match-signature (recordData.requestId is "${reqB}", but the signed request (POST /v1/support-requests/${reqA}/acknowledge`),
    });
  });

  it('accepts that forgery when the log rejected it, as the service does', async () => {
    const log = await withTwoRequests();
    republished(log, log.entries[5]!, acknowledgementOf(requestIdOf(log.entries[4])), { classification: 'rejected', reason: { code: 'record-does-not-match-signature', text: 'Forged.' } });
    expect(firstFinding(log)).toBeUndefined();
  });

  it('catches a second record made with the signature of a submission, naming another request: its request id is derived from the signature', async () => {
    const log = await withTwoRequests();
    const genuine = log.entries[3]!;
    republished(log, genuine, { ...genuine.recordData!, requestId: randomUUID() }, { classification: 'official', reason: { code: 'accredited-agency', text: 'Again.' }, basis: [0, 1] });
    expect(firstFinding(log)).toMatchObject({
      index: 6,
      code: 'classification-wrong',
      problem: expect.stringContaining(`the rules give rejected/record-does-not-match-signature (recordData.requestId is `),
    });
  });

  it('catches a genuine record republished under another record id', async () => {
    const log = await withTwoRequests();
    const genuine = log.entries[5]!;
    republished(log, genuine, genuine.recordData!, { classification: 'official', reason: { code: 'ncb-own-country', text: 'Again.' }, basis: [] });
    expect(firstFinding(log)).toMatchObject({
      index: 6,
      code: 'classification-wrong',
      problem: expect.stringContaining(`the rules give rejected/record-id-does-not-match-signature (The record's id is "${log.entries[6]!.record.id}", but the signature`),
    });
  });

  describe('a copy of a genuine submission under another record id, logged before it', () => {
    /** Entries 0-2 of `withTwoRequests`, then a copy of request A's record under a new id (as `copy` classifies it), then A's own record (as `genuine` does). */
    async function copyFirst(copy: Pick<LogEntry, 'classification' | 'reason' | 'basis'>, genuine: Pick<LogEntry, 'classification' | 'reason' | 'basis'>): Promise<TestLog> {
      const donor = await withTwoRequests();
      const log = new TestLog();
      for (const entry of donor.entries.slice(0, 3)) log.append({ ...entry, time: undefined });
      const a = donor.entries[3]!;
      republished(log, a, a.recordData!, copy);
      log.append({ record: a.record, source: a.source, evidence: a.evidence, recordData: a.recordData!, ...genuine });
      return log;
    }
    const official = { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] } as const;

    it('is rejected, and the genuine record after it is official: the copy displaces nothing', async () => {
      const log = await copyFirst({ classification: 'rejected', reason: { code: 'record-id-does-not-match-signature', text: 'Copy.' } }, official);
      expect(firstFinding(log)).toBeUndefined();
    });

    it('is caught when the log called it official and rejected the genuine record as signature-reused, as it did before ids were derived', async () => {
      const log = await copyFirst(official, { classification: 'rejected', reason: { code: 'signature-reused', text: 'Reused.' } });
      expect(firstFinding(log)).toMatchObject({ index: 3, code: 'classification-wrong', problem: expect.stringContaining('record-id-does-not-match-signature') });
    });
  });
});
