import { beforeAll, describe, expect, it } from '@jest/globals';
import { parseEntry, type JsonObject, type LogEntry } from '@wildlife/provenance-log';
import { at, supportRequestData, testSigner, testTrustRoots, TestLog, type TestSigner } from '../../test/support/signed-log.js';
import { EntryAudit } from '../verification/entry-audit.js';

// The auditor replays the provenance service's binding of a record to its signed request: a log
// that calls official a record its signature did not make, or a second record made with one
// signature, is caught like any other wrong classification.

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

  /** KWS accredited (entries 0, 1), KFS registered only (2); request A by KWS official (3), request B by KFS pending (4); NCB KE acknowledges A (5). */
  async function withTwoRequests(): Promise<TestLog> {
    const log = new TestLog();
    const keyOf = (s: TestSigner) => ({ keyId: s.keyId, publicKey: s.publicKey });
    await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kws.principal.id, country: 'KE', name: 'KWS', key: keyOf(kws), registeredBy: 'ncb-ke', at: at(100) }, registry);
    const accreditation = { agencyId: kws.principal.id, accreditationId: 'acc-kws-1', scope: ['information-sharing'], validFrom: at(0), validUntil: at(1_000_000), by: 'ncb-ke', at: at(101) };
    await log.record(ncbKe, 'ncb-endorsement.AgencyAccredited.v1', accreditation, registry);
    await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kfs.principal.id, country: 'KE', name: 'KFS', key: keyOf(kfs), registeredBy: 'ncb-ke', at: at(102) }, registry);
    await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', supportRequestData(kws, 'req-a'), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    await log.record(kfs, 'request-intake.SupportRequestSubmitted.v1', supportRequestData(kfs, 'req-b'), { classification: 'pending-ncb', reason: { code: 'agency-not-accredited', text: 'Waits.' }, basis: [2] });
    await log.record(ncbKe, 'ncb-endorsement.RequestAcknowledged.v1', acknowledgementOf('req-a'), { classification: 'official', reason: { code: 'ncb-own-country', text: 'Own NCB.' }, basis: [] });
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

  /** Logs `entry`'s record again under a new id, with `data`, as the log would have if it believed it. */
  function republished(log: TestLog, entry: LogEntry, data: JsonObject, verdict: Pick<LogEntry, 'classification' | 'reason' | 'basis' | 'supersedes'>): void {
    const sequence = log.entries.length;
    log.append({ record: { ...entry.record, id: `record-${sequence}` }, source: entry.source, evidence: entry.evidence, recordData: data, ...verdict });
  }

  it('accepts the log the rules give', async () => {
    expect(firstFinding(await withTwoRequests())).toBeUndefined();
  });

  it("catches a log that calls official NCB KE's acknowledgement of A republished as one of B, and B vouched", async () => {
    const log = await withTwoRequests();
    const [, , , , pending, acknowledgement] = log.entries;
    republished(log, acknowledgement!, acknowledgementOf('req-b'), { classification: 'official', reason: { code: 'ncb-own-country', text: 'Forged.' }, basis: [] });
    const { record, source, evidence, recordData } = pending!;
    log.append({ record, source, evidence, recordData, classification: 'official', reason: { code: 'ncb-vouched', text: 'Forged.' }, supersedes: 4, basis: [2, 6] });
    expect(firstFinding(log)).toMatchObject({
      index: 6,
      code: 'classification-wrong',
      problem: expect.stringContaining('logged official/ncb-own-country, the rules give rejected/record-does-not-match-signature (recordData.requestId is "req-b", but the signed request (POST /v1/support-requests/req-a/acknowledge'),
    });
  });

  it('accepts that forgery when the log rejected it, as the service does', async () => {
    const log = await withTwoRequests();
    republished(log, log.entries[5]!, acknowledgementOf('req-b'), { classification: 'rejected', reason: { code: 'record-does-not-match-signature', text: 'Forged.' } });
    expect(firstFinding(log)).toBeUndefined();
  });

  it('catches a second record made with the signature of a request already logged', async () => {
    const log = await withTwoRequests();
    republished(log, log.entries[3]!, supportRequestData(kws, 'req-c'), { classification: 'official', reason: { code: 'accredited-agency', text: 'Again.' }, basis: [0, 1] });
    expect(firstFinding(log)).toMatchObject({
      index: 6,
      code: 'classification-wrong',
      problem: expect.stringContaining('the rules give rejected/signature-reused (The signature (key "agency-ke-kws-k1"'),
    });
  });
});
