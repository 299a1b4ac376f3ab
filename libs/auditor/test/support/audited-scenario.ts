import type { TrustRoots } from '@wildlife/registry';
import { at, supportRequestData, testSigner, testTrustRoots, TestLog, type TestSigner } from './signed-log.js';

/** The cast of the scenario log, with their keys. */
export interface ScenarioCast {
  readonly gs: TestSigner;
  readonly ncbKe: TestSigner;
  readonly kws: TestSigner;
  readonly kfs: TestSigner;
  readonly traffic: TestSigner;
}

export interface Scenario {
  readonly cast: ScenarioCast;
  readonly trustRoots: TrustRoots;
  readonly log: TestLog;
}

const keyOf = (signer: TestSigner) => ({ keyId: signer.keyId, publicKey: signer.publicKey });

/**
 * A ten-entry log covering every classification, as the provenance service writes it:
 *  0 NCB KE registers agency KWS          official (registry-authority)
 *  1 NCB KE accredits KWS                 official (registry-authority)
 *  2 NCB KE registers agency KFS          official (registry-authority)
 *  3 KWS submits request req-1            official (accredited-agency, basis 0 1)
 *  4 KFS submits request req-2            pending-ncb (agency-not-accredited, basis 2)
 *  5 NCB KE endorses req-2                official (ncb-own-country)
 *  6 promotion of 4                       official (ncb-vouched, supersedes 4, basis 2 5)
 *  7 GS registers the external source     official (registry-authority)
 *  8 the external source submits          external (basis 7)
 *  9 a message that never parsed          rejected
 */
export async function auditedScenario(): Promise<Scenario> {
  const cast: ScenarioCast = {
    gs: testSigner('gs', 'general-secretariat'),
    ncbKe: testSigner('ncb-ke', 'ncb', 'KE'),
    kws: testSigner('agency-ke-kws', 'agency', 'KE'),
    kfs: testSigner('agency-ke-kfs', 'agency', 'KE'),
    traffic: testSigner('ext-traffic', 'external-source'),
  };
  const { gs, ncbKe, kws, kfs, traffic } = cast;
  const log = new TestLog();
  const registry = { classification: 'official', reason: { code: 'registry-authority', text: 'The signer may make this change.' }, basis: [] } as const;
  await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kws.principal.id, country: 'KE', name: 'Kenya Wildlife Service', key: keyOf(kws), registeredBy: 'ncb-ke', at: at(100) }, registry);
  await log.record(ncbKe, 'ncb-endorsement.AgencyAccredited.v1', {
    agencyId: kws.principal.id,
    accreditationId: 'acc-kws-1',
    scope: ['information-sharing', 'operational-support'],
    validFrom: at(0),
    validUntil: at(1_000_000),
    by: 'ncb-ke',
    at: at(101),
  }, registry);
  await log.record(ncbKe, 'ncb-endorsement.AgencyRegistered.v1', { agencyId: kfs.principal.id, country: 'KE', name: 'Kenya Forest Service', key: keyOf(kfs), registeredBy: 'ncb-ke', at: at(102) }, registry);
  await log.record(kws, 'request-intake.SupportRequestSubmitted.v1', supportRequestData(kws, 'req-1'), {
    classification: 'official',
    reason: { code: 'accredited-agency', text: 'KWS was accredited at that time.' },
    basis: [0, 1],
  });
  const pending = await log.record(kfs, 'request-intake.SupportRequestSubmitted.v1', supportRequestData(kfs, 'req-2'), {
    classification: 'pending-ncb',
    reason: { code: 'agency-not-accredited', text: 'KFS is not accredited; the record waits for its NCB.' },
    basis: [2],
  });
  // Intake derives a request's id from the signature that submitted it: req-2 is the one its record names.
  const req2 = pending.recordData!['requestId'] as string;
  await log.record(ncbKe, 'ncb-endorsement.RequestEndorsed.v1', { requestId: req2, ncb: { principalId: 'ncb-ke', country: 'KE' } }, {
    classification: 'official',
    reason: { code: 'ncb-own-country', text: 'ncb-ke is the NCB of KE.' },
    basis: [],
  });
  log.append({ ...pending, time: at(105), classification: 'official', reason: { code: 'ncb-vouched', text: 'The NCB of KE endorsed the request (entry 5).' }, supersedes: 4, basis: [2, 5] });
  await log.record(gs, 'ncb-endorsement.ExternalSourceRegistered.v1', { sourceId: traffic.principal.id, name: 'TRAFFIC', key: keyOf(traffic), by: 'gs', at: at(107) }, registry);
  await log.record(traffic, 'request-intake.ExternalInformationReceived.v1', {
    informationId: 'info-1',
    externalSource: { principalId: traffic.principal.id, name: 'TRAFFIC' },
    summary: 'Ivory offered on a marketplace',
    species: [],
    platforms: [],
    countriesConcerned: [],
    evidenceReferences: [],
  }, {
    classification: 'external',
    reason: { code: 'external-source', text: 'ext-traffic is an external source.' },
    basis: [7],
  });
  log.append({
    record: { id: `unparsed:${'ab'.repeat(32)}`, type: 'unknown', subject: null, time: null },
    source: null,
    classification: 'rejected',
    reason: { code: 'record-malformed', text: 'The message is not a CloudEvent.' },
    evidence: null,
  });
  return { cast, trustRoots: testTrustRoots(gs, [ncbKe]), log };
}
