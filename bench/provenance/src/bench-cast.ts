import type { KeyObject } from 'node:crypto';
import { requestOfRecord, type JsonObject } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import { DERIVED_ID_LABELS, exportPublicKey, generateSigningKeyPair, recordIdOf, signatureDerivedId, signRequest, verifyRequest, type SignatureMaterial } from '@wildlife/signatures';
import type { LoggableRecord } from '../../../services/provenance/dist/classification/log-entry-of.js';

export interface BenchSigner {
  readonly principal: { readonly id: string; readonly kind: 'ncb' | 'agency' | 'general-secretariat' | 'auditor'; readonly country?: string };
  readonly keyId: string;
  readonly privateKey: KeyObject;
  readonly publicKey: string;
}

function signer(principal: BenchSigner['principal']): BenchSigner {
  const { privateKey, publicKey } = generateSigningKeyPair();
  return { principal, keyId: `${principal.id}-k1`, privateKey, publicKey: exportPublicKey(publicKey) };
}

/** Who signs the bench's records: the GS and an NCB (trust roots), one accredited agency, the auditor who reads. */
export function benchCast() {
  return {
    gs: signer({ id: 'gs', kind: 'general-secretariat' }),
    ncb: signer({ id: 'ncb-ke', kind: 'ncb', country: 'KE' }),
    agency: signer({ id: 'ke-kws', kind: 'agency', country: 'KE' }),
    auditor: signer({ id: 'audit-bench', kind: 'auditor' }),
  };
}
export type BenchCast = ReturnType<typeof benchCast>;

export function trustRootsOf(cast: BenchCast): TrustRoots {
  const keys = (s: BenchSigner) => [{ keyId: s.keyId, publicKey: s.publicKey }];
  return { version: 1, generalSecretariat: { principalId: 'gs', keys: keys(cast.gs) }, ncbs: [{ country: 'KE', principalId: 'ncb-ke', keys: keys(cast.ncb) }] };
}

/** Where the services that make the bench's records are reached: the signed `@target-uri` starts with it. */
const ORIGINS = { intake: 'https://intake.wildlife.example', endorsement: 'https://ncb.wildlife.example' } as const;

/** The material a service keeps for a signed POST of `body` to `url`: what a record's `provenance` carries beside the principal. */
async function materialOf(by: BenchSigner, url: string, body: JsonObject, at: Date): Promise<SignatureMaterial> {
  const bytes = new Uint8Array(Buffer.from(JSON.stringify(body)));
  const headers = { 'content-type': 'application/json' };
  const created = Math.floor(at.getTime() / 1000);
  // A nonce of its own for each request (signRequest's default, 16 random bytes), as a client sends.
  const fields = signRequest({ method: 'POST', url, headers, body: bytes }, { keyId: by.keyId, privateKey: by.privateKey }, { created });
  const verified = await verifyRequest(
    { method: 'POST', url, headers: { ...headers, ...fields }, body: bytes },
    { now: created, resolveKey: async () => ({ publicKey: by.privateKey, principalId: by.principal.id }), claimNonce: async () => true },
  );
  if (!verified.ok) throw new Error(`bench signing failed: ${verified.reason}`);
  return verified.material;
}

/**
 * A record of `type` with `data`, signed by `by` as the service that makes it receives it: the
 * request its signature covers is the one that makes exactly this data (`requestOfRecord`: the
 * route with its path ids, the body members the data was made from), sent to that service's origin.
 */
export async function signedRecord(by: BenchSigner, type: string, subject: string, data: JsonObject, at: Date): Promise<LoggableRecord> {
  const request = requestOfRecord(type, data, by.principal);
  if (request === undefined) throw new Error(`no signed request makes ${type} records`);
  const origin = type.startsWith('request-intake.') ? ORIGINS.intake : ORIGINS.endorsement;
  const provenance = { principal: by.principal, ...(await materialOf(by, `${origin}${request.path}`, request.body, at)) };
  // The record id and the ids the service mints are derived from the signature, as the services derive them.
  const requestId = type === 'request-intake.SupportRequestSubmitted.v1' ? signatureDerivedId(DERIVED_ID_LABELS.request, provenance) : undefined;
  const minted: JsonObject = requestId === undefined ? data : { ...data, requestId };
  return { kind: 'record', id: recordIdOf(type, provenance), type, subject: requestId ?? subject, time: at.toISOString(), data: minted, provenance };
}

/** The agency's registration and accreditation by its NCB, an hour before `firstRequestMs`: the basis of every request. */
export async function registryRecords(cast: BenchCast, firstRequestMs: number): Promise<LoggableRecord[]> {
  const at = new Date(firstRequestMs - 3_600_000);
  const iso = at.toISOString();
  const key = { keyId: cast.agency.keyId, publicKey: cast.agency.publicKey };
  const agencyId = cast.agency.principal.id;
  const registered = { agencyId, country: 'KE', name: 'Kenya Wildlife Service', key, registeredBy: 'ncb-ke', at: iso };
  const validUntil = new Date(at.getTime() + 365 * 86_400_000).toISOString();
  const accredited = { agencyId, accreditationId: 'kws-acc-1', scope: ['information-sharing', 'operational-support'], validFrom: iso, validUntil, by: 'ncb-ke', at: iso };
  return [
    await signedRecord(cast.ncb, 'ncb-endorsement.AgencyRegistered.v1', agencyId, registered, at),
    await signedRecord(cast.ncb, 'ncb-endorsement.AgencyAccredited.v1', agencyId, accredited, at),
  ];
}

/** What the accredited agency is expected to be logged as, for every timed support request. */
export const REQUESTS_INTENDED = { classification: 'official', reason: 'accredited-agency' } as const;

/**
 * The `n`th support request by `agency`, as request intake records a submission of it (the request
 * id and `submittedAt` are the server's; the rest comes from the signed body or the signer).
 */
export async function supportRequestRecord(agency: BenchSigner, n: number, at: Date): Promise<LoggableRecord> {
  // The request id (and the subject) are derived from the signature by `signedRecord`.
  const data = {
    submittedAt: at.toISOString(),
    requestingAgency: { principalId: agency.principal.id, country: agency.principal.country! },
    submittedBy: 'requesting-agency',
    capabilities: ['information-sharing'],
    generalServices: ['database-searches'],
    natureOfHelp: ['criminal-intelligence-analysis'],
    caseSummary: `Ivory and pangolin scales offered on an online marketplace, seller ${n}, buyers in several countries; screenshots and payment traces attached.`,
    urgency: 'routine',
    species: [{ scientificName: 'Loxodonta africana', citesAppendix: 'I' }],
    platforms: [{ name: 'Example Marketplace', url: `https://marketplace.example/listing/${n}`, countryOfOperation: 'KE' }],
    countriesConcerned: ['KE', 'TZ'],
    evidenceReferences: [{ reference: `KWS-2026-${n}`, heldBy: agency.principal.id }],
  };
  return signedRecord(agency, 'request-intake.SupportRequestSubmitted.v1', '', data, at);
}
