import { describe, expect, it } from '@jest/globals';
import type { LogEntry } from './log-entry.js';
import { capabilitiesOf, requestIdOf, requestingCountryOf, statedCountryOf } from './record-facts.js';
import { isVouch, RECORD_AWAITS_REQUEST_MS, RecentRequestCountries, RequestVouches } from './request-vouches.js';

// The request rules of the classification, one code for the provenance service (which keeps every
// request's country: a Map) and the auditor (which keeps the latest ones: RecentRequestCountries).

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
let sequence = 0;

function entry(fields: Partial<LogEntry> & Pick<LogEntry, 'classification' | 'record' | 'source'>, at = T0): LogEntry {
  return { v: 1, sequence: sequence++, time: new Date(at).toISOString(), reason: { code: 'x', text: 'X.' }, evidence: null, ...fields };
}
const request = (id: string, classification: LogEntry['classification'], at = T0, country = 'FR') =>
  entry(
    {
      classification,
      record: { id: `r-${id}-${sequence}`, type: 'request-intake.SupportRequestSubmitted.v1', subject: id, time: null },
      source: { id: `${country.toLowerCase()}-agency`, kind: 'agency', country },
      recordData: { requestId: id, requestingAgency: { principalId: `${country.toLowerCase()}-agency`, country } },
    },
    at,
  );
const vouch = (id: string, country: string, at = T0, type = 'ncb-endorsement.RequestAcknowledged.v1') =>
  entry({ classification: 'official', record: { id: `v-${id}-${country}-${sequence}`, type, subject: id, time: null }, source: { id: `ncb-${country}`, kind: 'ncb', country }, recordData: { requestId: id } }, at);
/** A change of `of`'s classification; a key's rejection (`withData` false) names the record but carries none of its data. */
const change = (of: LogEntry, classification: LogEntry['classification'], withData = true): LogEntry => {
  const { recordData, ...rest } = of;
  return { ...rest, ...(withData && recordData !== undefined && { recordData }), sequence: sequence++, classification, supersedes: of.sequence };
};

/** The two memories of request countries in use: the service's (every one) and the auditor's (the latest). */
const memories = [
  ['the service (every request kept)', () => new RequestVouches(new Map<string, string>())],
  ['the auditor (the latest 10 kept)', () => new RequestVouches(new RecentRequestCountries(10))],
] as const;

describe.each(memories)('the request rules, as %s applies them', (_name, make) => {
  it('promotes a pending request on its own NCB vouch logged while it pends, and on nothing else', () => {
    const requests = make();
    const pending = request('req-a', 'pending-ncb');
    expect(requests.applyClassified(pending)).toEqual([]);
    expect(requests.applyClassified(vouch('req-a', 'KE'))).toEqual([]);
    const own = vouch('req-a', 'FR', T0, 'ncb-endorsement.RequestEndorsed.v1');
    expect(requests.applyClassified(own)).toEqual([{ kind: 'promotion', pending, vouch: own.sequence }]);
  });

  it('settles the records that waited for their request: another country’s rejected, its own NCB’s vouch promoting it', () => {
    const requests = make();
    const foreign = vouch('req-b', 'KE');
    const own = vouch('req-b', 'FR');
    requests.applyClassified(foreign);
    requests.applyClassified(own);
    expect(requests.countryOf('req-b')).toBeUndefined();
    const pending = request('req-b', 'pending-ncb');
    expect(requests.applyClassified(pending)).toEqual([
      { kind: 'outside-country', record: foreign, request: pending.sequence, requestCountry: 'FR' },
      { kind: 'promotion', pending, vouch: own.sequence },
    ]);
    expect(requests.countryOf('req-b')).toBe('FR');
    expect(requests.awaitingRequest.size).toBe(0);
  });

  it('keeps the country of a request’s first entry: a later entry naming it with another country changes nothing', () => {
    const requests = make();
    requests.applyClassified(request('req-c', 'official', T0, 'FR'));
    const other = request('req-c', 'pending-ncb', T0, 'KE');
    expect(requests.applyClassified(other)).toEqual([]);
    expect(requests.countryOf('req-c')).toBe('FR');
    // Its country is FR: Kenya's NCB does not promote the entry pending under it.
    expect(requests.applyClassified(vouch('req-c', 'KE'))).toEqual([]);
  });

  it('forgets a pending request once it is made official, and its vouch once it settled it', () => {
    const requests = make();
    const ack = vouch('req-d', 'FR');
    requests.applyClassified(ack);
    const pending = request('req-d', 'pending-ncb');
    expect(requests.applyClassified(pending)).toEqual([{ kind: 'promotion', pending, vouch: ack.sequence }]);
    requests.applyChange(change(pending, 'official'));
    expect(requests.pendingByRequest.size).toBe(0);
    expect(requests.awaitingRequest.size).toBe(0);
  });

  it('forgets a vouch whose request has not come within the week a vouch waits', () => {
    const requests = make();
    requests.applyClassified(vouch('req-never', 'KE'));
    requests.applyClassified(vouch('req-other', 'FR', T0 + RECORD_AWAITS_REQUEST_MS + 1));
    expect([...requests.awaitingRequest.keys()]).toEqual(['req-other']);
  });

  it('drops a waiting record, or a pending request, that a change naming only the record rejects (a key compromised)', () => {
    const requests = make();
    const waiting = vouch('req-e', 'FR');
    const pending = request('req-f', 'pending-ncb');
    requests.applyClassified(waiting);
    requests.applyClassified(pending);
    requests.applyChange(change(waiting, 'rejected', false));
    requests.applyChange(change(pending, 'rejected', false));
    expect(requests.awaitingRequest.size).toBe(0);
    expect(requests.pendingByRequest.size).toBe(0);
  });

  it('holds nothing of a rejected vouch, a record by a principal of no country, or a record naming no request', () => {
    const requests = make();
    requests.applyClassified({ ...vouch('req-g', 'FR'), source: { id: 'gs', kind: 'general-secretariat' } });
    requests.applyClassified({ ...vouch('req-h', 'FR'), recordData: { ncb: { country: 'FR' } } });
    expect(requests.requestsHeld).toBe(0);
  });
});

describe('what each memory of request countries holds', () => {
  it('the service’s keeps every request’s country, however many', () => {
    const requests = new RequestVouches(new Map<string, string>());
    for (let i = 0; i < 1000; i += 1) requests.applyClassified(request(`req-${i}`, 'official'));
    expect(requests.countries.size).toBe(1000);
    expect(requests.countryOf('req-0')).toBe('FR');
  });

  it('the auditor’s holds no more requests than the recent ones, however many the log has', () => {
    const requests = new RequestVouches(new RecentRequestCountries(10));
    for (let i = 0; i < 1000; i += 1) requests.applyClassified(request(`req-${i}`, 'official'));
    expect(requests.requestsHeld).toBe(10);
    expect(requests.countryOf('req-0')).toBeUndefined();
    expect(requests.countryOf('req-999')).toBe('FR');
  });

  it('the auditor’s forgets a pending request once it is made official, and its vouch once it settled it', () => {
    const requests = new RequestVouches(new RecentRequestCountries(0));
    const ack = vouch('req-a', 'FR');
    requests.applyClassified(ack);
    const pending = request('req-a', 'pending-ncb');
    expect(requests.applyClassified(pending)).toEqual([{ kind: 'promotion', pending, vouch: ack.sequence }]);
    requests.applyChange(change(pending, 'official'));
    expect(requests.requestsHeld).toBe(0);
  });

  it('the auditor’s still knows the country of a request that pends when its recent memory has let it go', () => {
    const requests = new RequestVouches(new RecentRequestCountries(1));
    const pending = request('req-old', 'pending-ncb');
    requests.applyClassified(pending);
    requests.applyClassified(request('req-new', 'official'));
    expect(requests.countries.get('req-old')).toBeUndefined();
    expect(requests.countryOf('req-old')).toBe('FR');
    const own = vouch('req-old', 'FR');
    expect(requests.applyClassified(own)).toEqual([{ kind: 'promotion', pending, vouch: own.sequence }]);
  });
});

describe('a vouch, by its record type alone', () => {
  const byNcb = (type: string, source: LogEntry['source'] = { id: 'ncb-fr', kind: 'ncb', country: 'FR' }) => isVouch({ record: { id: 'r', type, subject: null, time: null }, source });

  it('is an NCB of a country acknowledging or endorsing, in any version', () => {
    for (const type of ['ncb-endorsement.RequestAcknowledged.v1', 'ncb-endorsement.RequestEndorsed.v1', 'ncb-endorsement.RequestEndorsed.v2', 'ncb-endorsement.RequestAcknowledged.v10']) {
      expect(byNcb(type)).toBe(true);
    }
  });

  it('is not another family, a malformed type, or a record by anyone but an NCB of a country', () => {
    const notVouches = [
      'ncb-endorsement.RequestDeclined.v1',
      'request-intake.RequestAcknowledged.v1',
      'ncb-endorsement.RequestAcknowledged',
      'ncb-endorsement.RequestAcknowledged.v0',
      'ncb-endorsement.RequestAcknowledged.v01',
      'ncb-endorsement.RequestAcknowledged.V1',
      'ncb-endorsement.RequestAcknowledged.v1 ',
      'x.ncb-endorsement.RequestAcknowledged.v1',
      'ncb-endorsement.RequestAcknowledgedLater.v1',
      'ncb-endorsement.requestAcknowledged.v1',
      'unknown',
    ];
    for (const type of notVouches) expect([type, byNcb(type)]).toEqual([type, false]);
    expect(byNcb('ncb-endorsement.RequestAcknowledged.v1', { id: 'fr-agency', kind: 'agency', country: 'FR' })).toBe(false);
    expect(byNcb('ncb-endorsement.RequestAcknowledged.v1', { id: 'ncb', kind: 'ncb' })).toBe(false);
    expect(byNcb('ncb-endorsement.RequestAcknowledged.v1', null)).toBe(false);
  });
});

describe('the facts the rules read from a record’s data', () => {
  it('reads the request, the countries and the capabilities the contracts name the same way, and nothing of another shape', () => {
    const data = { requestId: 'req-1', requestingAgency: { country: 'FR' }, ncb: { country: 'KE' }, country: 'BR', capabilities: ['a', 'b'] };
    expect([requestIdOf(data), requestingCountryOf(data), statedCountryOf(data), capabilitiesOf(data)]).toEqual(['req-1', 'FR', 'FR', ['a', 'b']]);
    expect(statedCountryOf({ ncb: { country: 'KE' }, country: 'BR' })).toBe('KE');
    expect(statedCountryOf({ ncb: ['KE'], country: 'BR' })).toBe('BR');
    const odd = { requestId: 7, requestingAgency: null, capabilities: ['a', 1] };
    expect([requestIdOf(odd), requestingCountryOf(odd), statedCountryOf(odd), capabilitiesOf(odd), requestIdOf(undefined)]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
