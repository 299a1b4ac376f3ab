import { describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair } from '@wildlife/signatures';
import { EndpointIsNotAnHttpUrl } from './endpoints.js';
import { createWildlifeClient, type WildlifeClient } from './wildlife-client.js';

const key = { keyId: 'ncb-tz-1', privateKey: generateSigningKeyPair().privateKey };

interface Sent {
  method: string;
  url: string;
  json?: unknown;
  headers: Headers;
}

function recordingClient(endpoints = {}, answer: () => Response = () => Response.json({ answered: true })) {
  const sent: Sent[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const body = init.body === undefined ? undefined : JSON.parse(Buffer.from(init.body as Uint8Array).toString('utf8'));
    sent.push({ method: init.method!, url, json: body, headers: new Headers(init.headers) });
    return answer();
  }) as typeof globalThis.fetch;
  return { client: createWildlifeClient({ key, endpoints, fetch }), sent };
}

const intake = 'http://127.0.0.1:3001';
const ncb = 'http://127.0.0.1:3002';
const log = 'http://127.0.0.1:3003';
const reason = { reason: 'compromised' };
const accreditation = { scope: ['information-sharing'] as const, validFrom: '2025-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' };
const registryKey = { keyId: 'k-2', publicKey: 'x'.repeat(43) };

const routes: [string, (client: WildlifeClient) => Promise<unknown>, string, string, unknown][] = [
  ['reads a request', (c) => c.intake.getSupportRequest('r 1'), 'GET', `${intake}/v1/support-requests/r%201`, undefined],
  ['reads external information', (c) => c.intake.getExternalInformation('i-1'), 'GET', `${intake}/v1/external-information/i-1`, undefined],
  ['lists requests', (c) => c.intake.listSupportRequests({ status: 'endorsed', limit: 5 }), 'GET', `${intake}/v1/support-requests?status=endorsed&limit=5`, undefined],
  ['declines', (c) => c.endorsement.decline('r-1', { version: 2, reason: 'out of scope' }), 'POST', `${ncb}/v1/support-requests/r-1/decline`, { reason: 'out of scope' }],
  ['acknowledges', (c) => c.endorsement.acknowledge('r-1', { version: 1 }), 'POST', `${ncb}/v1/support-requests/r-1/acknowledge`, {}],
  ['reads an endorsement', (c) => c.endorsement.getEndorsement('r-1'), 'GET', `${ncb}/v1/support-requests/r-1/endorsement`, undefined],
  ['reads a permit', (c) => c.endorsement.getPermit('p 1'), 'GET', `${ncb}/v1/permits/p%201`, undefined],
  ['revokes a permit', (c) => c.endorsement.revokePermit('p-1', reason), 'POST', `${ncb}/v1/permits/p-1/revoke`, reason],
  ['registers an agency', (c) => c.registry.registerAgency({ agencyId: 'a-tz', name: 'TAWA', ...registryKey }), 'POST', `${ncb}/v1/registry/agencies`, { agencyId: 'a-tz', name: 'TAWA', ...registryKey }],
  [
    'registers an agency of a country named',
    (c) => c.registry.registerAgency({ agencyId: 'a-tz', name: 'TAWA', country: 'TZ', ...registryKey }),
    'POST',
    `${ncb}/v1/registry/agencies`,
    { agencyId: 'a-tz', name: 'TAWA', country: 'TZ', ...registryKey },
  ],
  ['accredits', (c) => c.registry.accreditAgency('a-tz', accreditation), 'POST', `${ncb}/v1/registry/agencies/a-tz/accreditations`, accreditation],
  ['suspends', (c) => c.registry.suspendAccreditation('a-tz', 'acc-1', reason), 'POST', `${ncb}/v1/registry/agencies/a-tz/accreditations/acc-1/suspend`, reason],
  ['revokes an accreditation', (c) => c.registry.revokeAccreditation('a-tz', 'acc-1', reason), 'POST', `${ncb}/v1/registry/agencies/a-tz/accreditations/acc-1/revoke`, reason],
  ['rotates a key', (c) => c.registry.rotateKey('a-tz', { ...registryKey, retiredKeyId: 'k-1' }), 'POST', `${ncb}/v1/registry/principals/a-tz/keys/rotate`, { ...registryKey, retiredKeyId: 'k-1' }],
  ['revokes a key', (c) => c.registry.revokeKey('a-tz', 'k-1', { reason: 'superseded' }), 'POST', `${ncb}/v1/registry/principals/a-tz/keys/k-1/revoke`, { reason: 'superseded' }],
  [
    'revokes a compromised key from a date, with a note',
    (c) => c.registry.revokeKey('a-tz', 'k-1', { reason: 'compromised', compromisedSince: '2026-05-01T00:00:00Z', note: 'Laptop stolen' }),
    'POST',
    `${ncb}/v1/registry/principals/a-tz/keys/k-1/revoke`,
    { reason: 'compromised', compromisedSince: '2026-05-01T00:00:00Z', note: 'Laptop stolen' },
  ],
  ['reinstates an accreditation', (c) => c.registry.reinstateAccreditation('a-tz', 'acc-1', { note: 'Audit passed' }), 'POST', `${ncb}/v1/registry/agencies/a-tz/accreditations/acc-1/reinstate`, { note: 'Audit passed' }],
  ['reinstates an accreditation without a note', (c) => c.registry.reinstateAccreditation('a-tz', 'acc-1'), 'POST', `${ncb}/v1/registry/agencies/a-tz/accreditations/acc-1/reinstate`, {}],
  ['registers a source', (c) => c.registry.registerExternalSource({ sourceId: 'ngo-1', name: 'NGO', ...registryKey }), 'POST', `${ncb}/v1/registry/external-sources`, { sourceId: 'ngo-1', name: 'NGO', ...registryKey }],
  ['registers an auditor', (c) => c.registry.registerAuditor({ auditorId: 'aud-1', name: 'Audit', ...registryKey }), 'POST', `${ncb}/v1/registry/auditors`, { auditorId: 'aud-1', name: 'Audit', ...registryKey }],
  ['reads a principal', (c) => c.registry.getPrincipal('a-tz'), 'GET', `${ncb}/v1/registry/principals/a-tz`, undefined],
  ['reads the checkpoint', (c) => c.provenance.getCheckpoint(), 'GET', `${log}/v1/log/checkpoint`, undefined],
  ['reads entries', (c) => c.provenance.getEntries({ start: 0, end: 10 }), 'GET', `${log}/v1/log/entries?start=0&end=10`, undefined],
  ['reads an inclusion proof', (c) => c.provenance.getInclusionProof({ index: 3, treeSize: 8 }), 'GET', `${log}/v1/log/proofs/inclusion?index=3&treeSize=8`, undefined],
  ['reads a consistency proof', (c) => c.provenance.getConsistencyProof({ first: 4, second: 8 }), 'GET', `${log}/v1/log/proofs/consistency?first=4&second=8`, undefined],
  ['reads a record', (c) => c.provenance.getRecord('rec-1'), 'GET', `${log}/v1/log/records/rec-1`, undefined],
];

describe('the wildlife client', () => {
  it.each(routes)('%s with a signed call to its route', async (_, invoke, method, url, json) => {
    const { client, sent } = recordingClient();

    await expect(invoke(client)).resolves.toEqual({ answered: true });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method, url, json });
    expect(sent[0]!.headers.get('signature-input')).toContain('keyid="ncb-tz-1"');
  });

  it('sends the version of a decision as If-Match, not in the body', async () => {
    const { client, sent } = recordingClient();

    await client.endorsement.endorse('r-1', { version: 4, note: 'verified', permitValidityDays: 30 });

    expect(sent[0]!.headers.get('if-match')).toBe('"4"');
    expect(sent[0]!.json).toEqual({ note: 'verified', permitValidityDays: 30 });
  });

  it('revokes a permit on the version it read as If-Match, and without one when none is given', async () => {
    const { client, sent } = recordingClient();

    await client.endorsement.revokePermit('p-1', { reason: 'Case closed', version: 5 });
    await client.endorsement.revokePermit('p-1', { reason: 'Case closed' });

    expect(sent.map((s) => [s.headers.get('if-match'), s.json])).toEqual([
      ['"5"', { reason: 'Case closed' }],
      [null, { reason: 'Case closed' }],
    ]);
  });

  it('sends a registry command’s If-Match and Idempotency-Key when given, and neither otherwise', async () => {
    const { client, sent } = recordingClient();
    const accreditation = { scope: ['information-sharing'] as const, validFrom: '2026-06-01T00:00:00Z', validUntil: '2027-06-01T00:00:00Z' };

    await client.registry.accreditAgency('a-tz', accreditation, { ifMatch: 12, idempotencyKey: 'k-1' });
    await client.registry.reinstateAccreditation('a-tz', 'acc-1', undefined, { ifMatch: '"13"' });
    await client.registry.accreditAgency('a-tz', accreditation);

    expect(sent.map((s) => [s.headers.get('if-match'), s.headers.get('idempotency-key')])).toEqual([
      ['"12"', 'k-1'],
      ['"13"', null],
      [null, null],
    ]);
    expect(sent[0]!.headers.get('signature-input')).toMatch(/"if-match".*"idempotency-key"|"idempotency-key".*"if-match"/);
  });

  it('refuses a decision on a weak entity tag before sending it, since the service would answer 412', async () => {
    const { client, sent } = recordingClient();

    await expect(client.endorsement.endorse('r-1', { version: 'W/"4"' })).rejects.toThrow(/weak entity tag/);

    expect(sent).toHaveLength(0);
  });

  it('resolves routes below an endpoint that has a path', async () => {
    const { client, sent } = recordingClient({ intake: 'https://gateway.example/intake', provenance: 'https://gateway.example/log/' });

    await client.intake.getSupportRequest('r-1');
    await client.provenance.getCheckpoint();

    expect(sent.map((s) => s.url)).toEqual(['https://gateway.example/intake/v1/support-requests/r-1', 'https://gateway.example/log/v1/log/checkpoint']);
  });

  it('returns a text answer as text and an empty one as undefined', async () => {
    const note = 'wildlife.example/log\n8\nq6Vr8i0r5nVd5A4M6Q2f2f1Qx0f1o7fQ0F0bq1Y2x3w=\n';
    const text = recordingClient({}, () => new Response(note, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    const empty = recordingClient({}, () => new Response(null, { status: 204 }));

    await expect(text.client.provenance.getCheckpoint()).resolves.toBe(note);
    await expect(empty.client.endorsement.revokePermit('p-1', reason)).resolves.toBeUndefined();
  });

  it.each([
    ['reads a request', (c: WildlifeClient) => c.intake.getSupportRequest('..')],
    ['acknowledges', (c: WildlifeClient) => c.endorsement.acknowledge('.', { version: 1 })],
    ['reads a permit', (c: WildlifeClient) => c.endorsement.getPermit('')],
    ['suspends', (c: WildlifeClient) => c.registry.suspendAccreditation('a-tz', '..', reason)],
    ['reads a record', (c: WildlifeClient) => c.provenance.getRecord('..')],
  ])('%s with an unusable id: rejects, never throws at the call, and sends nothing', async (_, invoke) => {
    const { client, sent } = recordingClient();
    let returned: Promise<unknown> | undefined;

    expect(() => (returned = invoke(client))).not.toThrow();

    await expect(returned).rejects.toThrow(/is not a usable id/);
    expect(sent).toHaveLength(0);
  });

  it('refuses an endpoint that is not an http(s) URL when it is created', () => {
    expect(() => createWildlifeClient({ key, endpoints: { endorsement: 'ftp://ncb.example' } })).toThrow(EndpointIsNotAnHttpUrl);
    expect(() => createWildlifeClient({ key, endpoints: { provenance: '127.0.0.1:3003' } })).toThrow(EndpointIsNotAnHttpUrl);
  });
});
