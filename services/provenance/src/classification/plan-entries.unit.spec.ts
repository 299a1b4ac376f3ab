import { beforeEach, describe, expect, it } from '@jest/globals';
import { contracts, directContactPermitIssuedV1Example, type CloudEvent } from '@wildlife/contracts';
import { parseEntry, type LogEntry } from '@wildlife/provenance-log';
import { readReceivedRecord } from '../records/read-received-record.js';
import {
  acknowledgementEvent,
  externalInformationEvent,
  messageOf,
  newCast,
  newSigner,
  registrationFacts,
  registryEvent,
  supportRequestEvent,
  trustRootsOf,
  type Cast,
} from '../testing/signed-records.examples.spec.js';
import type { LoggableRecord } from './log-entry-of.js';
import { planEntries, type PlannedEntry } from './plan-entries.js';
import { ProvenanceLogState } from './provenance-log-state.js';

const HOUR = 3_600_000;

describe('classifying records into log entries', () => {
  let cast: Cast;
  let state: ProvenanceLogState;
  const registryTime = new Date(Date.now() - HOUR);

  const received = (event: CloudEvent) => readReceivedRecord(messageOf(event), contracts) as LoggableRecord;
  let logged: PlannedEntry[];
  const plan = (records: LoggableRecord[], alreadyLogged = new Map<string, LogEntry>()) => {
    const planned = planEntries(state, records, new Date(), alreadyLogged);
    logged.push(...planned);
    return planned.map((p) => p.entry);
  };
  const log = (...events: CloudEvent[]): LogEntry[] => plan(events.map(received));

  beforeEach(async () => {
    cast = newCast();
    state = new ProvenanceLogState(trustRootsOf(cast));
    logged = [];
    const facts = [...registrationFacts(cast.ncbFr, cast.ofb, registryTime, true), ...registrationFacts(cast.ncbFr, cast.douane, registryTime, false)];
    const registered = log(...(await Promise.all(facts.map((fact) => registryEvent(cast.ncbFr, fact, registryTime)))));
    expect(registered.map((e) => [e.classification, e.reason.code])).toEqual(Array(3).fill(['official', 'registry-authority']));
  });

  it('holds an NCB official for its own country, resting on the trust roots alone', async () => {
    const [entry] = log(await supportRequestEvent(cast.ncbFr, cast.ofb.principal));
    expect(entry).toMatchObject({ sequence: 3, classification: 'official', reason: { code: 'ncb-own-country' }, basis: [] });
    expect(entry!.source).toEqual({ id: 'ncb-fr', kind: 'ncb', country: 'FR' });
    expect(entry!.evidence?.keyId).toBe(cast.ncbFr.keyId);
  });

  it('holds an accredited agency official, resting on its registration and accreditation entries', async () => {
    const [entry] = log(await supportRequestEvent(cast.ofb, cast.ofb.principal));
    expect(entry).toMatchObject({ classification: 'official', reason: { code: 'accredited-agency' }, basis: [0, 1] });
    expect(entry!.recordData).toMatchObject({ requestingAgency: { principalId: 'fr-ofb', country: 'FR' } });
    expect(entry!.recordData).not.toHaveProperty('provenance');
  });

  it('keeps a non-accredited agency pending until its own NCB acknowledges, then logs the change', async () => {
    const request = await supportRequestEvent(cast.douane, cast.douane.principal);
    const [pending] = log(request);
    expect(pending).toMatchObject({ sequence: 3, classification: 'pending-ncb', reason: { code: 'agency-not-accredited' }, basis: [2] });

    const entries = log(await acknowledgementEvent(cast.ncbFr, request.subject!));
    expect(entries.map((e) => [e.sequence, e.classification, e.reason.code])).toEqual([
      [4, 'official', 'ncb-own-country'],
      [5, 'official', 'ncb-vouched'],
    ]);
    expect(entries[1]).toMatchObject({ record: pending!.record, source: pending!.source, evidence: pending!.evidence, supersedes: 3, basis: [2, 4] });
  });

  it('makes a request official at once when its NCB acknowledged it before the request reached the log', async () => {
    const request = await supportRequestEvent(cast.douane, cast.douane.principal);
    const entries = log(await acknowledgementEvent(cast.ncbFr, request.subject!), request);
    expect(entries.map((e) => [e.classification, e.reason.code, e.supersedes])).toEqual([
      ['official', 'ncb-own-country', undefined],
      ['pending-ncb', 'agency-not-accredited', undefined],
      ['official', 'ncb-vouched', 4],
    ]);
  });

  it("refuses another country's NCB acknowledging a request, and the request stays pending", async () => {
    const request = await supportRequestEvent(cast.douane, cast.douane.principal);
    const entries = log(request, await acknowledgementEvent(cast.ncbKe, request.subject!));
    expect(entries.map((e) => [e.classification, e.reason.code])).toEqual([
      ['pending-ncb', 'agency-not-accredited'],
      ['rejected', 'acts-outside-its-country'],
    ]);
    expect(state.pendingByRequest.has(request.subject!)).toBe(true);
  });

  it('flags an external source as external, never official', async () => {
    const registration = await registryEvent(cast.gs, {
      type: 'ExternalSourceRegistered',
      sourceId: cast.wildWatch.principal.id,
      name: 'WildWatch',
      key: { keyId: cast.wildWatch.keyId, publicKey: cast.wildWatch.publicKey },
      by: 'gs',
      at: registryTime.toISOString(),
    });
    const entries = log(registration, await externalInformationEvent(cast.wildWatch));
    expect(entries.map((e) => [e.classification, e.reason.code, e.basis])).toEqual([
      ['official', 'registry-authority', []],
      ['external', 'external-source', [3]],
    ]);
  });

  it('rejects a record whose body was changed after signing, keeping its evidence', async () => {
    const event = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const provenance = (event.data as { provenance: { bodyBase64: string } }).provenance;
    const tampered = { ...event, data: { ...(event.data as object), provenance: { ...provenance, bodyBase64: Buffer.from('{"caseSummary":"other"}').toString('base64') } } };
    const [entry] = log(tampered);
    expect(entry).toMatchObject({ classification: 'rejected', reason: { code: 'signature-invalid' } });
    expect(entry!.evidence?.bodyBase64).toBe(Buffer.from('{"caseSummary":"other"}').toString('base64'));
    expect(entry).not.toHaveProperty('basis');
  });

  it('rejects a key that is not registered, and a key used in the name of another principal', async () => {
    const stranger = newSigner({ id: 'fr-stranger', kind: 'agency', country: 'FR' });
    const unknown = await supportRequestEvent(stranger, stranger.principal);
    const impostor = await supportRequestEvent(cast.douane, cast.ofb.principal);
    const data = impostor.data as { provenance: object };
    const claimingOfb = { ...impostor, principalid: 'fr-ofb', data: { ...data, provenance: { ...data.provenance, principal: cast.ofb.principal } } };
    expect(log(unknown, claimingOfb).map((e) => e.reason.code)).toEqual(['key-unknown', 'key-not-of-principal']);
  });

  it("rejects a registration by another country's NCB, which then registers nothing", async () => {
    const kenyanAgency = { ...cast.ofb, principal: { id: 'fr-other', kind: 'agency' as const, country: 'FR' } };
    const [fact] = registrationFacts(cast.ncbKe, kenyanAgency, registryTime, false);
    const [entry] = log(await registryEvent(cast.ncbKe, fact!, registryTime));
    expect(entry).toMatchObject({ classification: 'rejected', reason: { code: 'acts-outside-its-country' } });
    expect(state.registry.principals.has('fr-other')).toBe(false);
  });

  it('rejects a registry fact that does not apply, naming why', async () => {
    const copy = { ...cast.ofb, principal: { ...cast.ofb.principal, id: 'fr-copy' } };
    const [reusingAKey] = registrationFacts(cast.ncbFr, copy, registryTime, false);
    const [entry] = log(await registryEvent(cast.ncbFr, reusingAKey!, registryTime));
    expect(entry).toMatchObject({ classification: 'rejected', reason: { code: 'registry-fact-inapplicable' } });
    expect(state.registry.principals.has('fr-copy')).toBe(false);
  });

  it('logs a message that is not a CloudEvent, and an event without signature material, as rejected', async () => {
    const garbage = readReceivedRecord({ value: Buffer.from('not json'), headers: {} }, contracts) as LoggableRecord;
    const event = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const { provenance: _, ...unsigned } = event.data as Record<string, unknown>;
    const entries = plan([garbage, received({ ...event, data: unsigned })]);
    expect(entries.map((e) => [e.classification, e.reason.code, e.source, e.evidence])).toEqual([
      ['rejected', 'record-malformed', null, null],
      ['rejected', 'record-malformed', null, null],
    ]);
    expect(entries[0]!.record).toEqual({ id: expect.stringMatching(/^unparsed:[0-9a-f]{64}$/), type: 'unknown', subject: null, time: null });
    expect(entries[1]!.reason.text).toMatch(/provenance/);
  });

  it('does not take an event that carries no signed record for a record', () => {
    expect(readReceivedRecord(messageOf(directContactPermitIssuedV1Example), contracts)).toEqual({
      kind: 'not-a-record',
      type: 'ncb-endorsement.DirectContactPermitIssued.v1',
    });
  });

  it('logs a record once, whether it comes twice in a batch or was logged before', async () => {
    const event = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const [entry] = log(event, event);
    expect(logged).toHaveLength(4);
    expect(plan([received(event)], new Map([[event.id, entry!]]))).toEqual([]);
  });

  it('logs a different record under an id already logged apart, as rejected, and only once however often it comes', async () => {
    const first = await supportRequestEvent(cast.ofb, cast.ofb.principal);
    const other = { ...(await supportRequestEvent(cast.ncbFr, cast.ofb.principal)), id: first.id };
    const [original, reused] = log(first, other, other);
    expect(logged).toHaveLength(5);
    expect(original).toMatchObject({ record: { id: first.id }, classification: 'official' });
    expect(reused).toMatchObject({ classification: 'rejected', reason: { code: 'record-id-reused' }, source: cast.ncbFr.principal });
    expect(reused!.record.id).toMatch(new RegExp(`^${first.id}#reused:[0-9a-f]{64}$`));
    expect(reused!.recordData?.requestId).toBe(other.subject);
    const stored = new Map([[first.id, original!], [reused!.record.id, reused!]]);
    expect(plan([received(other), received(first)], stored)).toEqual([]);
  });

  it('rebuilds the same state from the entry bytes alone', async () => {
    const request = await supportRequestEvent(cast.douane, cast.douane.principal);
    log(request, await supportRequestEvent(cast.ofb, cast.ofb.principal), await acknowledgementEvent(cast.ncbKe, request.subject!));
    const rebuilt = new ProvenanceLogState(trustRootsOf(cast));
    for (const { bytes } of logged) rebuilt.apply(parseEntry(bytes));
    expect(summaryOf(rebuilt)).toEqual(summaryOf(state));
    expect(summaryOf(rebuilt).pending).toEqual([[request.subject, 3]]);
  });
});

function summaryOf(state: ProvenanceLogState) {
  const sequences = (map: ReadonlyMap<string, LogEntry>) => [...map].map(([key, entry]) => [key, entry.sequence]);
  return {
    size: state.size,
    lastTime: state.lastTime,
    principals: [...state.registry.principals.keys()],
    keys: [...state.registry.keys.keys()],
    accreditations: [...state.registry.accreditations.keys()],
    registeredIn: [...state.registeredIn],
    keyIntroducedIn: [...state.keyIntroducedIn],
    accreditationEntries: [...state.accreditationEntries],
    pending: sequences(state.pendingByRequest),
    vouches: [...state.requests.awaitingRequest].map(([key, vouches]) => [key, vouches.map((v) => v.sequence)]),
    requestCountries: [...state.requests.countries],
  };
}
