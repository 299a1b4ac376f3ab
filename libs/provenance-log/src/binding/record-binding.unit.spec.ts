import { describe, expect, it } from '@jest/globals';
import { permitIdOf, recordIdOf, signatureDerivedId } from '@wildlife/signatures';
import type { JsonObject } from '../entry/log-entry.js';
import { recordBindingProblem, requestOfRecord, type BindingSigner } from './record-binding.js';
import { RECORD_BINDINGS } from './record-bindings.js';

const ncbFr: BindingSigner = { id: 'ncb-fr', kind: 'ncb', country: 'FR' };
const ofb: BindingSigner = { id: 'fr-ofb', kind: 'agency', country: 'FR' };
const gs: BindingSigner = { id: 'gs', kind: 'general-secretariat' };
const wildWatch: BindingSigner = { id: 'external-wildwatch', kind: 'external-source' };
const requestA = '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04';
const key = { keyId: 'k-2', publicKey: 'ed25519:AAAA' };
/** The signature every genuine record below was made by (its identity: key id, created, nonce). */
const SIGNATURE = { keyId: 'k-signer', created: 1_741_944_413, nonce: 'n-7Qx' };
const endorsementRecordA = recordIdOf('ncb-endorsement.RequestEndorsed.v1', { keyId: 'k-ncb-fr', created: 1_741_962_662, nonce: 'n-endorse' });

/** One genuine record of each type, its signer, and a value to put in each bound field instead. */
const GENUINE: readonly { type: string; signer: BindingSigner; data: JsonObject; changes: Readonly<Record<string, unknown>> }[] = [
  {
    type: 'request-intake.SupportRequestSubmitted.v1',
    signer: ofb,
    data: {
      requestId: signatureDerivedId('request', SIGNATURE),
      submittedAt: '2025-03-14T09:26:53.000Z',
      requestingAgency: { principalId: 'fr-ofb', country: 'FR' },
      submittedBy: 'requesting-agency',
      capabilities: ['information-sharing'],
      generalServices: [],
      operationalSupport: { istDeployment: false, coordinationMeeting: true },
      natureOfHelp: ['investigation-support'],
      caseSummary: 'Parrots.',
      urgency: 'urgent',
      species: [{ scientificName: 'Psittacus erithacus', citesAppendix: 'I' }],
      platforms: [],
      countriesConcerned: ['FR', 'NL'],
      evidenceReferences: [],
    },
    changes: {
      requestId: requestA,
      'requestingAgency.principalId': 'fr-douane',
      'requestingAgency.country': 'KE',
      submittedBy: 'ncb-on-behalf',
      capabilities: ['operational-support'],
      generalServices: ['diffusions'],
      operationalSupport: { istDeployment: true, coordinationMeeting: true },
      natureOfHelp: ['criminal-intelligence-analysis'],
      caseSummary: 'Ivory.',
      urgency: 'routine',
      species: [{ scientificName: 'Loxodonta africana' }],
      platforms: [{ name: 'X', countryOfOperation: 'NL' }],
      countriesConcerned: ['KE'],
      evidenceReferences: [{ reference: 'R-1', heldBy: 'fr-ofb' }],
    },
  },
  {
    type: 'request-intake.ExternalInformationReceived.v1',
    signer: wildWatch,
    data: {
      informationId: signatureDerivedId('external-information', SIGNATURE),
      receivedAt: '2025-03-15T16:02:11.000Z',
      external: true,
      caveat: 'Unverified.',
      externalSource: { principalId: 'external-wildwatch', name: 'WildWatch' },
      summary: 'Same seller.',
      relatedRequestId: requestA,
      species: [],
      platforms: [],
      countriesConcerned: ['FR'],
      evidenceReferences: [],
    },
    changes: {
      informationId: '0d8e5c3b-2a61-4f9e-b7d4-6c1a9e2f3b85',
      'externalSource.principalId': 'external-other',
      summary: 'Other seller.',
      relatedRequestId: 'b0000000-0000-4000-8000-000000000000',
      species: [{ scientificName: 'Loxodonta africana' }],
      platforms: [{ name: 'X', countryOfOperation: 'NL' }],
      countriesConcerned: [],
      evidenceReferences: [{ reference: 'R-1', heldBy: 'external-wildwatch' }],
    },
  },
  {
    type: 'ncb-endorsement.RequestAcknowledged.v1',
    signer: ncbFr,
    data: { requestId: requestA, acknowledgedAt: '2025-03-14T10:05:40.000Z', ncb: { principalId: 'ncb-fr', country: 'FR' } },
    changes: { requestId: 'b0000000-0000-4000-8000-000000000000', 'ncb.principalId': 'ncb-ke', 'ncb.country': 'KE' },
  },
  {
    type: 'ncb-endorsement.RequestEndorsed.v1',
    signer: ncbFr,
    data: { requestId: requestA, endorsedAt: '2025-03-14T14:31:02.000Z', ncb: { principalId: 'ncb-fr', country: 'FR' }, requestingAgency: { principalId: 'fr-ofb', country: 'FR' }, note: 'Keep us in copy.' },
    changes: { requestId: 'b0000000-0000-4000-8000-000000000000', 'ncb.principalId': 'ncb-ke', 'ncb.country': 'KE', note: 'Other.' },
  },
  {
    type: 'ncb-endorsement.RequestDeclined.v1',
    signer: ncbFr,
    data: { requestId: requestA, declinedAt: '2025-03-17T08:12:45.000Z', ncb: { principalId: 'ncb-fr', country: 'FR' }, reason: 'Bilateral channel.' },
    changes: { requestId: 'b0000000-0000-4000-8000-000000000000', 'ncb.principalId': 'ncb-ke', 'ncb.country': 'KE', reason: 'Other.' },
  },
  {
    type: 'ncb-endorsement.DirectContactPermitRevoked.v1',
    signer: ncbFr,
    data: { permitId: permitIdOf(requestA, endorsementRecordA), requestId: requestA, endorsementRecordId: endorsementRecordA, revokedAt: '2025-05-02T11:47:30.000Z', reason: 'Officer left.' },
    changes: { permitId: 'c0000000-0000-4000-8000-000000000000', reason: 'Other.' },
  },
  {
    type: 'ncb-endorsement.AgencyRegistered.v1',
    signer: ncbFr,
    data: { agencyId: 'fr-ofb', country: 'FR', name: 'OFB', key, registeredBy: 'ncb-fr', at: '2025-03-03T09:00:00.000Z' },
    changes: { agencyId: 'fr-other', country: 'KE', name: 'Other', 'key.keyId': 'k-3', 'key.publicKey': 'ed25519:BBBB', registeredBy: 'ncb-ke' },
  },
  {
    type: 'ncb-endorsement.AgencyAccredited.v1',
    signer: ncbFr,
    data: { agencyId: 'fr-ofb', accreditationId: 'fr-ofb-2025', scope: ['information-sharing'], validFrom: '2025-03-03T09:05:00.000Z', validUntil: '2027-03-03T09:05:00.000Z', by: 'ncb-fr', at: '2025-03-03T09:05:01.000Z' },
    changes: { agencyId: 'fr-other', accreditationId: 'fr-ofb-2026', scope: ['information-sharing', 'operational-support'], validFrom: '2024-01-01T00:00:00.000Z', validUntil: '2030-03-03T09:05:00.000Z', by: 'ncb-ke' },
  },
  ...(['Suspended', 'Revoked'] as const).map((what) => ({
    type: `ncb-endorsement.Accreditation${what}.v1`,
    signer: ncbFr,
    data: { agencyId: 'fr-ofb', accreditationId: 'fr-ofb-2025', reason: 'Audit.', by: 'ncb-fr', at: '2025-04-01T00:00:00.000Z' },
    changes: { agencyId: 'fr-other', accreditationId: 'fr-ofb-2026', reason: 'Other.', by: 'ncb-ke' },
  })),
  {
    type: 'ncb-endorsement.AccreditationReinstated.v1',
    signer: ncbFr,
    data: { agencyId: 'fr-ofb', accreditationId: 'fr-ofb-2025', by: 'ncb-fr', at: '2025-04-02T00:00:00.000Z' },
    changes: { agencyId: 'fr-other', accreditationId: 'fr-ofb-2026', note: 'Added.', by: 'ncb-ke' },
  },
  {
    type: 'ncb-endorsement.KeyRotated.v1',
    signer: ncbFr,
    data: { principalId: 'fr-ofb', newKey: key, retiredKeyId: 'k-1', by: 'ncb-fr', at: '2025-04-02T00:00:00.000Z' },
    changes: { principalId: 'fr-other', 'newKey.keyId': 'k-3', 'newKey.publicKey': 'ed25519:BBBB', retiredKeyId: 'k-0', by: 'ncb-ke' },
  },
  {
    type: 'ncb-endorsement.KeyRevoked.v1',
    signer: ncbFr,
    data: { principalId: 'fr-ofb', keyId: 'k-1', reason: 'compromised', compromisedSince: '2025-04-01T00:00:00.000Z', by: 'ncb-fr', at: '2025-04-02T00:00:00.000Z' },
    changes: { principalId: 'fr-other', keyId: 'k-0', reason: 'superseded', compromisedSince: '2025-03-01T00:00:00.000Z', note: 'Added.', by: 'ncb-ke' },
  },
  {
    type: 'ncb-endorsement.ExternalSourceRegistered.v1',
    signer: gs,
    data: { sourceId: 'external-wildwatch', name: 'WildWatch', key, by: 'gs', at: '2025-03-03T09:00:00.000Z' },
    changes: { sourceId: 'external-other', name: 'Other', 'key.keyId': 'k-3', 'key.publicKey': 'ed25519:BBBB', by: 'ncb-fr' },
  },
  {
    type: 'ncb-endorsement.AuditorRegistered.v1',
    signer: gs,
    data: { auditorId: 'audit-one', name: 'Audit One', key, by: 'gs', at: '2025-03-03T09:00:00.000Z' },
    changes: { auditorId: 'audit-two', name: 'Other', 'key.keyId': 'k-3', 'key.publicKey': 'ed25519:BBBB', by: 'ncb-fr' },
  },
];

/** The signed-request part of the material for `data`, sent to `origin` (a service's base URL). */
function signedRequestOf(type: string, data: JsonObject, signer: BindingSigner, origin = 'https://svc.example') {
  const request = requestOfRecord(type, data, signer)!;
  return { ...SIGNATURE, method: request.method, targetUri: `${origin}${request.path}`, bodyBase64: Buffer.from(JSON.stringify(request.body)).toString('base64') };
}

/** When a service that accepted `SIGNATURE` stamped its record: a second after `created`. */
const STAMPED = new Date((SIGNATURE.created + 1) * 1000).toISOString();
/** A record of `type` holding `data`, under the id `SIGNATURE` makes it, timed `STAMPED`. */
const recordOf = (type: string, data: JsonObject) => ({ id: recordIdOf(type, SIGNATURE), type, time: STAMPED, data });

function withField(data: JsonObject, dotted: string, value: unknown): JsonObject {
  const [head, ...rest] = dotted.split('.');
  if (rest.length === 0) return { ...data, [head!]: value } as JsonObject;
  return { ...data, [head!]: withField((data[head!] ?? {}) as JsonObject, rest.join('.'), value) };
}

describe('binding a record to the signed request that made it', () => {
  it('names a binding for every record type it is given a genuine record of, and for no other', () => {
    expect(GENUINE.map((record) => record.type).sort()).toEqual(Object.keys(RECORD_BINDINGS).sort());
  });

  it('binds every field except those the server adds', () => {
    for (const { type, changes } of GENUINE) expect(Object.keys(changes).sort()).toEqual(Object.keys(RECORD_BINDINGS[type]!.fields).sort());
  });

  describe.each(GENUINE)('$type', ({ type, signer, data, changes }) => {
    const signed = signedRequestOf(type, data, signer);

    it('holds for the genuine record', () => {
      expect(recordBindingProblem(recordOf(type, data), signer, signed)).toBeUndefined();
    });

    it.each(Object.entries(changes))('is refused, naming recordData.%s, when that field differs from the request', (field, value) => {
      expect(recordBindingProblem(recordOf(type, withField(data, field, value)), signer, signed)).toMatchObject({
        code: 'record-does-not-match-signature',
        field: `recordData.${field}`,
        text: expect.stringContaining(`recordData.${field} is `),
      });
    });

    it('is refused, naming the target URI, for another route', () => {
      expect(recordBindingProblem(recordOf(type, data), signer, { ...signed, targetUri: 'https://svc.example/v1/other' })).toMatchObject({ field: 'targetUri' });
    });

    it('is refused, naming the method, for another method', () => {
      expect(recordBindingProblem(recordOf(type, data), signer, { ...signed, method: 'PUT' })).toMatchObject({ field: 'method' });
    });
  });

  it('refuses the forged acknowledgement: ncb-fr’s signed acknowledgement of A republished as one of B', () => {
    const acknowledgement = GENUINE.find((record) => record.type === 'ncb-endorsement.RequestAcknowledged.v1')!;
    const signed = signedRequestOf(acknowledgement.type, acknowledgement.data, ncbFr);
    const forged = { ...acknowledgement.data, requestId: 'b0000000-0000-4000-8000-000000000000' };
    expect(recordBindingProblem(recordOf(acknowledgement.type, forged), ncbFr, signed)?.text).toBe(
      `recordData.requestId is "b0000000-0000-4000-8000-000000000000", but the signed request (POST /v1/support-requests/${requestA}/acknowledge, signed by "ncb-fr") makes it "${requestA}".`,
    );
  });

  it('refuses a record of a type no request makes', () => {
    expect(recordBindingProblem(recordOf('ncb-endorsement.DecisionSetAside.v1', {}), ncbFr, { ...SIGNATURE, method: 'POST', targetUri: 'https://svc.example/', bodyBase64: '' })).toMatchObject({ field: 'record.type' });
  });

  it('reads ids of the path as the service does: percent-decoded, lower-cased where it lower-cases them', () => {
    const type = 'ncb-endorsement.RequestAcknowledged.v1';
    const data = GENUINE.find((record) => record.type === type)!.data;
    const upper = { ...SIGNATURE, method: 'POST', targetUri: `https://svc.example/v1/support-requests/${requestA.toUpperCase()}/acknowledge`, bodyBase64: '' };
    expect(recordBindingProblem(recordOf(type, data), ncbFr, upper)).toBeUndefined();
    const registry = { ...SIGNATURE, method: 'POST', targetUri: 'https://svc.example/v1/registry/agencies/fr%2Dofb/accreditations/a%201/suspend', bodyBase64: Buffer.from('{"reason":"r"}').toString('base64') };
    const suspended = { agencyId: 'fr-ofb', accreditationId: 'a 1', reason: 'r', by: 'ncb-fr', at: '2025-04-01T00:00:00.000Z' };
    expect(recordBindingProblem(recordOf('ncb-endorsement.AccreditationSuspended.v1', suspended), ncbFr, registry)).toBeUndefined();
  });

  it('takes what the service stores for a member left out, and compares times as instants', () => {
    const type = 'ncb-endorsement.AgencyAccredited.v1';
    const body = { scope: ['information-sharing'], validFrom: '2025-03-03T10:05:00+01:00', validUntil: '2027-03-03T09:05:00Z' };
    const signed = { ...SIGNATURE, method: 'POST', targetUri: 'https://svc.example/v1/registry/agencies/fr-ofb/accreditations', bodyBase64: Buffer.from(JSON.stringify(body)).toString('base64') };
    const minted = { agencyId: 'fr-ofb', accreditationId: `acc-${signatureDerivedId('accreditation', SIGNATURE)}`, scope: ['information-sharing'], validFrom: '2025-03-03T09:05:00.000Z', validUntil: '2027-03-03T09:05:00.000Z', by: 'ncb-fr', at: '2025-03-03T09:05:01.000Z' };
    expect(recordBindingProblem(recordOf(type, minted), ncbFr, signed)).toBeUndefined();
    const external = { summary: 's' };
    const externalSigned = { ...SIGNATURE, method: 'POST', targetUri: 'https://svc.example/v1/external-information', bodyBase64: Buffer.from(JSON.stringify(external)).toString('base64') };
    const received = { informationId: signatureDerivedId('external-information', SIGNATURE), externalSource: { principalId: 'external-wildwatch', name: 'W' }, summary: 's', species: [], platforms: [], countriesConcerned: [], evidenceReferences: [] };
    expect(recordBindingProblem(recordOf('request-intake.ExternalInformationReceived.v1', received), wildWatch, externalSigned)).toBeUndefined();
    expect(recordBindingProblem(recordOf('request-intake.ExternalInformationReceived.v1', { ...received, relatedRequestId: requestA }), wildWatch, externalSigned)).toMatchObject({
      field: 'recordData.relatedRequestId',
    });
  });

  it('binds a request an NCB submits to the agency it names, of its own country', () => {
    const type = 'request-intake.SupportRequestSubmitted.v1';
    const data = { ...GENUINE.find((record) => record.type === type)!.data, submittedBy: 'ncb-on-behalf' };
    const signed = signedRequestOf(type, data, ncbFr);
    expect(JSON.parse(Buffer.from(signed.bodyBase64, 'base64').toString())).toMatchObject({ onBehalfOfAgency: 'fr-ofb' });
    expect(recordBindingProblem(recordOf(type, data), ncbFr, signed)).toBeUndefined();
    expect(recordBindingProblem(recordOf(type, data), { ...ncbFr, id: 'ncb-ke', country: 'KE' }, signed)).toMatchObject({ field: 'recordData.requestingAgency.country' });
  });

  it('reads a body sent with a byte order mark as the services do: past the mark', () => {
    const type = 'ncb-endorsement.RequestDeclined.v1';
    const data = GENUINE.find((record) => record.type === type)!.data;
    const signed = signedRequestOf(type, data, ncbFr);
    const withMark = { ...signed, bodyBase64: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(signed.bodyBase64, 'base64')]).toString('base64') };
    expect(recordBindingProblem(recordOf(type, data), ncbFr, withMark)).toBeUndefined();
    const twoMarks = { ...signed, bodyBase64: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), Buffer.from(signed.bodyBase64, 'base64')]).toString('base64') };
    expect(recordBindingProblem(recordOf(type, data), ncbFr, twoMarks)).toMatchObject({ field: 'bodyBase64' });
  });

  it('binds an accreditation id the server minted to the signature: another minted id is refused', () => {
    const type = 'ncb-endorsement.AgencyAccredited.v1';
    const body = { scope: ['information-sharing'], validFrom: '2025-03-03T09:05:00Z', validUntil: '2027-03-03T09:05:00Z' };
    const signed = { ...SIGNATURE, method: 'POST', targetUri: 'https://svc.example/v1/registry/agencies/fr-ofb/accreditations', bodyBase64: Buffer.from(JSON.stringify(body)).toString('base64') };
    const data = { agencyId: 'fr-ofb', accreditationId: 'acc-8b1c2a9e-4b7d-8c1e-9a2f-3d5e8b7c1a04', scope: ['information-sharing'], validFrom: '2025-03-03T09:05:00.000Z', validUntil: '2027-03-03T09:05:00.000Z', by: 'ncb-fr', at: '2025-03-03T09:05:01.000Z' };
    expect(recordBindingProblem(recordOf(type, data), ncbFr, signed)).toMatchObject({ code: 'record-does-not-match-signature', field: 'recordData.accreditationId' });
  });

  it('binds the request a revoked permit belongs to through the permit id the route binds', () => {
    const type = 'ncb-endorsement.DirectContactPermitRevoked.v1';
    const { data } = GENUINE.find((record) => record.type === type)!;
    const signed = signedRequestOf(type, data, ncbFr);
    const requestB = 'b0000000-0000-4000-8000-000000000000';
    expect(recordBindingProblem(recordOf(type, { ...data, requestId: requestB }), ncbFr, signed)).toMatchObject({
      code: 'record-does-not-match-signature',
      field: 'recordData.requestId',
      text: expect.stringContaining(`recordData.requestId ("${requestB}")`),
    });
    // Another endorsement record of the same request derives another permit id just the same.
    expect(recordBindingProblem(recordOf(type, { ...data, endorsementRecordId: requestB }), ncbFr, signed)).toMatchObject({ field: 'recordData.requestId' });
    const { endorsementRecordId: _, ...without } = data;
    expect(recordBindingProblem(recordOf(type, without), ncbFr, signed)).toMatchObject({ field: 'recordData.requestId', text: expect.stringContaining('derive no id') });
  });

  describe.each(GENUINE)('the id of a $type record', ({ type, signer, data }) => {
    const signed = signedRequestOf(type, data, signer);

    it('is refused when it is not the one its signature makes', () => {
      expect(recordBindingProblem({ ...recordOf(type, data), id: '3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64' }, signer, signed)).toMatchObject({
        code: 'record-id-does-not-match-signature',
        field: 'record.id',
        text: expect.stringContaining(`makes the ${type} record "${recordIdOf(type, SIGNATURE)}"`),
      });
    });

    it('is another for the same request signed again (another nonce or created time)', () => {
      expect(recordBindingProblem(recordOf(type, data), signer, { ...signed, nonce: 'n-other' })).toMatchObject({ code: expect.stringMatching(/^record-(id-)?does-not-match-signature$/) });
      expect(recordBindingProblem(recordOf(type, data), signer, { ...signed, created: SIGNATURE.created + 1 })).toMatchObject({ code: expect.stringMatching(/^record-(id-)?does-not-match-signature$/) });
    });
  });

  describe.each(GENUINE)('the time of a $type record', ({ type, signer, data }) => {
    const signed = signedRequestOf(type, data, signer);
    const timed = (ms: number) => ({ ...recordOf(type, data), time: new Date(ms).toISOString() });
    const created = SIGNATURE.created * 1000;

    // The guard accepts `created` up to 30 s ahead of its clock and 300 s behind it (whole seconds),
    // and the service stamps the record after the check, within RECORD_STAMP_MARGIN_SECONDS (60 s).
    it.each([
      ['30 s before created (a signer 30 s ahead)', created - 30_000],
      ['at created', created],
      ['the last instant of the acceptance window plus the stamping margin', created + 361_000 - 1],
    ])('stands when timed %s', (_when, ms) => {
      expect(recordBindingProblem(timed(ms), signer, signed)).toBeUndefined();
    });

    it.each([
      ['1 ms before created - 30 s', created - 30_001],
      ['a day before created (review 13: a copy moved back past a suspension)', created - 86_400_000],
      ['at created + 361 s', created + 361_000],
      ['a day after created', created + 86_400_000],
    ])('is refused when timed %s', (_when, ms) => {
      expect(recordBindingProblem(timed(ms), signer, signed)).toEqual({
        code: 'record-time-does-not-match-signature',
        field: 'record.time',
        text: `The record is timed ${new Date(ms).toISOString()}, but a service that accepted its signature (created ${SIGNATURE.created}) stamped it from ${new Date(created - 30_000).toISOString()} to ${new Date(created + 361_000 - 1).toISOString()}.`,
      });
    });

    it('is refused when absent or unreadable', () => {
      expect(recordBindingProblem({ ...recordOf(type, data), time: null }, signer, signed)).toMatchObject({ code: 'record-time-does-not-match-signature', text: expect.stringContaining('time is absent') });
      expect(recordBindingProblem({ ...recordOf(type, data), time: 'yesterday' }, signer, signed)).toMatchObject({ code: 'record-time-does-not-match-signature', field: 'record.time' });
    });

    it('is checked after the data and the id', () => {
      const early = timed(created - 86_400_000);
      expect(recordBindingProblem({ ...early, id: '3c7e9b12-8d4f-4a6e-b1c5-7f2d0a9e8b64' }, signer, signed)).toMatchObject({ code: 'record-id-does-not-match-signature' });
    });
  });

  it('refuses a body that is not a JSON object where the record binds body members', () => {
    const type = 'ncb-endorsement.RequestDeclined.v1';
    const data = GENUINE.find((record) => record.type === type)!.data;
    const signed = { ...signedRequestOf(type, data, ncbFr), bodyBase64: Buffer.from('[1]').toString('base64') };
    expect(recordBindingProblem(recordOf(type, data), ncbFr, signed)).toMatchObject({ field: 'bodyBase64' });
  });
});
