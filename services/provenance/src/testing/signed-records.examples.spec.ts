// Signed records as the producing services publish them, for the provenance specs (unit and
// integration). The `.spec.ts` suffix keeps this file out of the build; it holds no tests itself.
import { randomUUID, type KeyObject } from 'node:crypto';
import {
  createEvent,
  dataschemaFor,
  externalInformationReceivedV1Example,
  requestAcknowledgedV1,
  supportRequestSubmittedV1,
  supportRequestSubmittedV1Example,
  type CloudEvent,
  type Principal,
  type RecordProvenance,
} from '@wildlife/contracts';
import { toKafkaMessage, type OutgoingKafkaMessage } from '@wildlife/messaging';
import { requestOfRecord, type JsonObject } from '@wildlife/provenance-log';
import type { RegistryFact, TrustRoots } from '@wildlife/registry';
import { exportPublicKey, generateSigningKeyPair, permitIdOf, recordIdOf, signatureDerivedId, signRequest, verifyRequest, type SignatureMaterial } from '@wildlife/signatures';

export interface Signer {
  readonly principal: Principal;
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
}

export function newSigner(principal: Principal, keyId = `${principal.id}-k1`): Signer {
  const { privateKey, publicKey } = generateSigningKeyPair();
  return { principal, keyId, privateKey, publicKey: exportPublicKey(publicKey) };
}

/** A cast for one test file: fresh keys each time. */
export function newCast() {
  return {
    gs: newSigner({ id: 'gs', kind: 'general-secretariat' }),
    ncbFr: newSigner({ id: 'ncb-fr', kind: 'ncb', country: 'FR' }),
    ncbKe: newSigner({ id: 'ncb-ke', kind: 'ncb', country: 'KE' }),
    ofb: newSigner({ id: 'fr-ofb', kind: 'agency', country: 'FR' }),
    douane: newSigner({ id: 'fr-douane', kind: 'agency', country: 'FR' }),
    wildWatch: newSigner({ id: 'external-wildwatch', kind: 'external-source' }),
    auditor: newSigner({ id: 'audit-one', kind: 'auditor' }),
  };
}
export type Cast = ReturnType<typeof newCast>;

export function trustRootsOf(cast: Cast): TrustRoots {
  const keysOf = (s: Signer) => [{ keyId: s.keyId, publicKey: s.publicKey }];
  return {
    version: 1,
    generalSecretariat: { principalId: 'gs', keys: keysOf(cast.gs) },
    ncbs: [
      { country: 'FR', principalId: 'ncb-fr', keys: keysOf(cast.ncbFr) },
      { country: 'KE', principalId: 'ncb-ke', keys: keysOf(cast.ncbKe) },
    ],
  };
}

/** Signs a POST of `body` as a client does and returns the material the receiving service kept. */
export async function signedMaterial(signer: Signer, body: unknown, url: string, at: Date): Promise<SignatureMaterial> {
  const bytes = new Uint8Array(Buffer.from(JSON.stringify(body)));
  const headers = { 'content-type': 'application/json' };
  const created = Math.floor(at.getTime() / 1000);
  const fields = signRequest({ method: 'POST', url, headers, body: bytes }, { keyId: signer.keyId, privateKey: signer.privateKey }, { created });
  const verified = await verifyRequest(
    { method: 'POST', url, headers: { ...headers, ...fields }, body: bytes },
    { now: created, resolveKey: async () => ({ publicKey: signer.privateKey, principalId: signer.principal.id }), claimNonce: async () => true },
  );
  if (!verified.ok) throw new Error(`example signing failed: ${verified.reason}`);
  return verified.material;
}

/**
 * The provenance of a record of `type` with `data` signed by `signer`: the material of the request
 * that makes it (its route and body, `requestOfRecord`), sent to `origin`.
 */
export async function provenanceOf(signer: Signer, type: string, data: object, origin: string, at: Date): Promise<RecordProvenance> {
  const request = requestOfRecord(type, data as JsonObject, signer.principal);
  if (request === undefined) throw new Error(`no request makes ${type} records`);
  return { principal: signer.principal, ...(await signedMaterial(signer, request.body, `${origin}${request.path}`, at)) };
}

/** The CloudEvent attributes of the record of `type` that `provenance`'s request made: its id is derived from the signature. */
const envelope = (type: string, provenance: RecordProvenance, subject: string, signer: Signer, at: Date, source: string) => ({
  id: recordIdOf(type, provenance),
  source,
  subject,
  time: at,
  correlationId: randomUUID(),
  principal: signer.principal,
});

/** A support request by `signer` for `agency` (its requesting agency), as request intake publishes it. */
export async function supportRequestEvent(signer: Signer, agency: Principal, at = new Date(), capabilities = ['information-sharing']): Promise<CloudEvent> {
  const { provenance: _, ...example } = supportRequestSubmittedV1Example.data;
  const data = {
    ...example,
    submittedAt: at.toISOString(),
    requestingAgency: { principalId: agency.id, country: agency.country! },
    submittedBy: signer.principal.kind === 'ncb' ? ('ncb-on-behalf' as const) : ('requesting-agency' as const),
    capabilities: capabilities as typeof example.capabilities,
    operationalSupport: undefined,
  };
  delete data.operationalSupport;
  const provenance = await provenanceOf(signer, supportRequestSubmittedV1.type, data, 'https://intake.wildlife.example', at);
  const requestId = signatureDerivedId('request', provenance);
  return createEvent(supportRequestSubmittedV1, { ...data, requestId, provenance }, envelope(supportRequestSubmittedV1.type, provenance, requestId, signer, at, '/wildlife/request-intake'));
}

/** An NCB's acknowledgement of a support request, as NCB endorsement publishes it. */
export async function acknowledgementEvent(ncb: Signer, requestId: string, at = new Date()): Promise<CloudEvent> {
  const data = { requestId, acknowledgedAt: at.toISOString(), ncb: { principalId: ncb.principal.id, country: ncb.principal.country! } };
  const provenance = await provenanceOf(ncb, requestAcknowledgedV1.type, data, 'https://ncb.wildlife.example', at);
  return createEvent(requestAcknowledgedV1, { ...data, provenance }, envelope(requestAcknowledgedV1.type, provenance, requestId, ncb, at, '/wildlife/ncb-endorsement'));
}

/** An NCB (or the GS) revoking the direct-contact permit of a support request, as NCB endorsement publishes it. */
export async function permitRevokedEvent(signer: Signer, requestId: string, at = new Date()): Promise<CloudEvent> {
  const endorsementRecordId = randomUUID();
  const data = { permitId: permitIdOf(requestId, endorsementRecordId), requestId, endorsementRecordId, revokedAt: at.toISOString(), reason: 'Contact no longer needed.' };
  const type = 'ncb-endorsement.DirectContactPermitRevoked.v1';
  const provenance = await provenanceOf(signer, type, data, 'https://ncb.wildlife.example', at);
  return { ...envelopeOf(type, requestId, signer, at, '/wildlife/ncb-endorsement'), id: recordIdOf(type, provenance), data: { ...data, provenance } };
}

/** The CloudEvent attributes of a record of `type` signed by `signer`. */
function envelopeOf(type: string, subject: string, signer: Signer, at: Date, source: string) {
  return {
    specversion: '1.0' as const,
    id: randomUUID(),
    source,
    type,
    subject,
    time: at.toISOString(),
    datacontenttype: 'application/json' as const,
    dataschema: dataschemaFor(type),
    correlationid: randomUUID(),
    principalid: signer.principal.id,
    principalkind: signer.principal.kind,
    ...(signer.principal.country !== undefined && { principalcountry: signer.principal.country }),
  };
}

/** External information from an external source (its contract example with a real signature). */
export async function externalInformationEvent(source: Signer, at = new Date()): Promise<CloudEvent> {
  const { provenance: _, ...data } = externalInformationReceivedV1Example.data;
  const signedData = { ...data, externalSource: { ...data.externalSource, principalId: source.principal.id } };
  const provenance = await provenanceOf(source, externalInformationReceivedV1Example.type, signedData, 'https://intake.wildlife.example', at);
  const event = externalInformationReceivedV1Example;
  const informationId = signatureDerivedId('external-information', provenance);
  return { ...event, id: recordIdOf(event.type, provenance), time: at.toISOString(), principalid: source.principal.id, principalkind: source.principal.kind, data: { ...data, informationId, externalSource: { ...data.externalSource, principalId: source.principal.id }, provenance } };
}

/** A registry record (`ncb-endorsement.<FactType>.v1`): the fact's fields beside the signer's provenance. */
export async function registryEvent(signer: Signer, fact: RegistryFact, at = new Date()): Promise<CloudEvent> {
  const { type, ...data } = fact;
  const recordType = `ncb-endorsement.${type}.v1`;
  const provenance = await provenanceOf(signer, recordType, data, 'https://ncb.wildlife.example', at);
  return {
    specversion: '1.0',
    id: recordIdOf(recordType, provenance),
    source: '/wildlife/registry',
    type: recordType,
    subject: 'subject' in data ? String(data.subject) : ('agencyId' in data ? data.agencyId : signer.principal.id),
    time: at.toISOString(),
    datacontenttype: 'application/json',
    dataschema: dataschemaFor(recordType),
    correlationid: randomUUID(),
    principalid: signer.principal.id,
    principalkind: signer.principal.kind,
    ...(signer.principal.country !== undefined && { principalcountry: signer.principal.country }),
    data: { ...data, provenance },
  };
}

/** The registration and accreditation (every capability, a year from `at`) of `agency` by its NCB. */
export function registrationFacts(ncb: Signer, agency: Signer, at: Date, accredit: boolean): RegistryFact[] {
  const iso = at.toISOString();
  const registered: RegistryFact = {
    type: 'AgencyRegistered',
    agencyId: agency.principal.id,
    country: agency.principal.country!,
    name: agency.principal.id,
    key: { keyId: agency.keyId, publicKey: agency.publicKey },
    registeredBy: ncb.principal.id,
    at: iso,
  };
  if (!accredit) return [registered];
  const accredited: RegistryFact = {
    type: 'AgencyAccredited',
    agencyId: agency.principal.id,
    accreditationId: `${agency.principal.id}-acc-1`,
    scope: ['information-sharing', 'best-practice-guidance', 'operational-support', 'capacity-building', 'expert-network'],
    validFrom: iso,
    validUntil: new Date(at.getTime() + 365 * 86_400_000).toISOString(),
    by: ncb.principal.id,
    at: iso,
  };
  return [registered, accredited];
}

/** The Kafka message a producing service sends for `event`. */
export function messageOf(event: CloudEvent): OutgoingKafkaMessage {
  return toKafkaMessage(event);
}
