import { describe, expect, it } from '@jest/globals';
import type { LogEntry } from '@wildlife/provenance-log';
import { RequestVouches, RECORD_AWAITS_REQUEST_MS } from './request-vouches.js';

// What the replay holds per request: only the open and the recent ones, however long the log.

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
let sequence = 0;

function entry(fields: Partial<LogEntry> & Pick<LogEntry, 'classification' | 'record' | 'source'>, at = T0): LogEntry {
  return { v: 1, sequence: sequence++, time: new Date(at).toISOString(), reason: { code: 'x', text: 'X.' }, evidence: null, ...fields };
}
const request = (id: string, classification: LogEntry['classification'], at = T0) =>
  entry({ classification, record: { id: `r-${id}`, type: 'request-intake.SupportRequestSubmitted.v1', subject: id, time: null }, source: { id: 'fr-agency', kind: 'agency', country: 'FR' }, recordData: { requestId: id, requestingAgency: { principalId: 'fr-agency', country: 'FR' } } }, at);
const vouch = (id: string, country: string, at = T0) =>
  entry({ classification: 'official', record: { id: `v-${id}-${country}`, type: 'ncb-endorsement.RequestAcknowledged.v1', subject: id, time: null }, source: { id: `ncb-${country}`, kind: 'ncb', country }, recordData: { requestId: id } }, at);

describe('the requests the auditor replay holds', () => {
  it('holds no more requests than the recent ones, however many the log has', () => {
    const requests = new RequestVouches(10);
    for (let i = 0; i < 1000; i += 1) requests.applyClassified(request(`req-${i}`, 'official'));
    expect(requests.requestsHeld).toBe(10);
  });

  it('forgets a pending request once it is made official, and its vouch once it settled it', () => {
    const requests = new RequestVouches(0);
    const ack = vouch('req-a', 'FR');
    requests.applyClassified(ack);
    const pending = request('req-a', 'pending-ncb');
    expect(requests.applyClassified(pending)).toEqual([{ kind: 'promotion', pending, vouch: ack.sequence }]);
    requests.applyChange({ ...pending, sequence: sequence++, classification: 'official', supersedes: pending.sequence });
    expect(requests.requestsHeld).toBe(0);
  });

  it('forgets a vouch whose request has not come within the week a vouch waits', () => {
    const requests = new RequestVouches(0);
    requests.applyClassified(vouch('req-never', 'KE'));
    requests.applyClassified(vouch('req-other', 'FR', T0 + RECORD_AWAITS_REQUEST_MS + 1));
    expect([...requests.awaitingRequest.keys()]).toEqual(['req-other']);
  });
});
