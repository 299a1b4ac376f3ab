import { beforeAll, describe, expect, it } from '@jest/globals';
import { parseEntry } from '@wildlife/provenance-log';
import { at, supportRequestData, testSigner, testTrustRoots, TestLog, type TestSigner } from '../../test/support/signed-log.js';
import type { AuditFinding } from './audit-finding.js';
import { EntryAudit } from './entry-audit.js';

// The classification rules, one at a time: a log that logged a record otherwise than the rules give
// is caught at that record.

describe('checking each entry against the rules replayed from the log before it', () => {
  let gs: TestSigner;
  let ncbKe: TestSigner;
  let ncbFr: TestSigner;
  let kws: TestSigner;

  beforeAll(() => {
    gs = testSigner('gs', 'general-secretariat');
    ncbKe = testSigner('ncb-ke', 'ncb', 'KE');
    ncbFr = testSigner('ncb-fr', 'ncb', 'FR');
    kws = testSigner('agency-ke-kws', 'agency', 'KE');
  });

  const registry = { classification: 'official', reason: { code: 'registry-authority', text: 'May.' }, basis: [] } as const;
  const request = (agency: TestSigner, capabilities = ['information-sharing']) => supportRequestData(agency, `req-${Math.random()}`, capabilities);

  /** A log in which NCB KE registered and accredited KWS (entries 0 and 1) for information sharing. */
  async function withAccreditedAgency(): Promise<TestLog> {
    const log = new TestLog();
    const key = { keyId: kws.keyId, publicKey: kws.publicKey };
    await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kws.principal.id, country: 'KE', name: 'KWS', key, registeredBy: 'ncb-ke', at: at(100) }, registry);
    await log.record(ncbKe, 'ncb-endorsement.AgencyAccredited.v1', {
      agencyId: kws.principal.id,
      accreditationId: 'acc-1',
      scope: ['information-sharing'],
      validFrom: at(0),
      validUntil: at(1_000_000),
      by: 'ncb-ke',
      at: at(101),
    }, registry);
    return log;
  }

  function firstFinding(log: TestLog): AuditFinding | undefined {
    const audit = new EntryAudit(testTrustRoots(gs, [ncbKe, ncbFr]));
    for (const leaf of log.leaves()) {
      const finding = audit.check(parseEntry(leaf));
      if (finding !== undefined) return finding;
    }
    return undefined;
  }

  it('accepts the registrations, accreditation and request logged as the rules give', async () => {
    const log = await withAccreditedAgency();
    await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    expect(firstFinding(log)).toBeUndefined();
  });

  it('catches a request beyond the accreditation\'s scope logged as official', async () => {
    const log = await withAccreditedAgency();
    await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws, ['operational-support']), { classification: 'official', reason: { code: 'accredited-agency', text: 'Forged.' }, basis: [0, 1] });
    expect(firstFinding(log)).toMatchObject({ index: 2, code: 'classification-wrong', problem: expect.stringContaining('rejected/acts-outside-its-scope') });
  });

  it('catches an NCB vouching for a request of another country', async () => {
    const log = await withAccreditedAgency();
    const kenyan = await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    await log.record(ncbFr, 'ncb-endorsement.RequestEndorsed.v1', { requestId: kenyan.recordData!['requestId']!, ncb: { principalId: 'ncb-fr', country: 'FR' } }, { classification: 'official', reason: { code: 'ncb-own-country', text: 'Forged.' }, basis: [] });
    expect(firstFinding(log)).toMatchObject({ index: 3, code: 'classification-wrong', problem: expect.stringContaining('acts-outside-its-country') });
  });

  it('catches an agency registering another agency as if it were its NCB', async () => {
    const log = await withAccreditedAgency();
    const other = testSigner('agency-ke-other', 'agency', 'KE');
    await log.record(kws, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: other.principal.id, country: 'KE', name: 'Other', key: { keyId: other.keyId, publicKey: other.publicKey }, registeredBy: kws.principal.id, at: at(102) }, { ...registry, basis: [0] });
    expect(firstFinding(log)).toMatchObject({ index: 2, code: 'classification-wrong', problem: expect.stringContaining('rejected/') });
  });

  it('checks the key at the time the record was observed: a key rotated out before it no longer counts', async () => {
    const log = await withAccreditedAgency();
    const newKey = testSigner('agency-ke-kws', 'agency', 'KE');
    await log.record(ncbKe, 'ncb-endorsement.KeyRotated.v1', { principalId: kws.principal.id, newKey: { keyId: 'agency-ke-kws-k2', publicKey: newKey.publicKey }, retiredKeyId: kws.keyId, by: 'ncb-ke', at: at(102) }, registry);
    await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws), { classification: 'official', reason: { code: 'accredited-agency', text: 'Old key.' }, basis: [0, 1] });
    expect(firstFinding(log)).toMatchObject({ index: 3, code: 'source-signature-invalid', problem: expect.stringContaining('key-not-valid-at-signing-time') });
  });

  it('catches a record signed with another principal\'s key', async () => {
    const log = await withAccreditedAgency();
    const entry = await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    log.entries[2] = { ...entry, source: ncbKe.principal };
    expect(firstFinding(log)).toMatchObject({ index: 2, code: 'source-signature-invalid', problem: expect.stringContaining('key-not-of-principal') });
  });

  it('catches a change of classification that no NCB vouch made due', async () => {
    const log = await withAccreditedAgency();
    const entry = await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    log.append({ ...entry, reason: { code: 'ncb-vouched', text: 'Forged.' }, supersedes: 2, basis: [0, 1] });
    expect(firstFinding(log)).toMatchObject({ index: 3, code: 'reclassification-wrong' });
  });

  it('catches an entry whose time goes back', async () => {
    const log = await withAccreditedAgency();
    await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', request(kws), { classification: 'official', reason: { code: 'accredited-agency', text: 'Accredited.' }, basis: [0, 1] });
    log.entries[2] = { ...log.entries[2]!, time: at(50) };
    expect(firstFinding(log)).toMatchObject({ index: 2, code: 'time-goes-backwards' });
  });
});
