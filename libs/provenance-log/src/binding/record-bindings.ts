import { DERIVED_ID_LABELS, MINTED_ACCREDITATION_ID_PREFIX } from '@wildlife/signatures';
import type { JsonValue, LoggedPrincipal } from '../entry/log-entry.js';

// What the signed HTTP request behind each record type says about the record's data: the one table
// the provenance service and the auditor both check a record against (`recordBindingProblem`).
//
// Each record type is made by exactly one route of one service. A field of the record's data is
// either bound (its value follows from the route's path, the signed body, the signer the record
// names, or the signature itself: the ids the server mints are derived from the signature,
// `signatureDerivedId` of @wildlife/signatures) or added by the server (times it stamps, names it
// looks up in the registry, what it copies from the request's earlier records): only bound fields
// are listed. A field listed must equal what the request implies, and be absent when the request
// implies none. The record's own id is bound too (`recordIdOf`), by `recordBindingProblem`.

/** Where a bound field's value comes from in the signed request. */
export type FieldOrigin =
  /** A `{param}` segment of the route (percent-decoded; lower-cased first when the service does). */
  | { readonly from: 'path'; readonly param: string; readonly lowerCased?: true }
  /**
   * A member of the JSON body. `whenAbsent` is the value the service stores when the member is left
   * out (none: the field is then absent too); `instant`: compared as instants (the service stores
   * the normalised ISO form of what was sent); `lowerCased`: the service lower-cases it.
   */
  | { readonly from: 'body'; readonly member: string; readonly whenAbsent?: JsonValue; readonly instant?: true; readonly lowerCased?: true }
  /**
   * An id the server mints from the signature: `prefix` + `signatureDerivedId(label, evidence)` (key
   * id, created and nonce of the signature that made the record).
   */
  | { readonly from: 'signature'; readonly label: string; readonly prefix?: string }
  /** A body member when sent; when left out, the id the server mints from the signature, as `signature`. */
  | { readonly from: 'body-or-signature'; readonly member: string; readonly label: string; readonly prefix?: string }
  /** The signer's id or country (the principal whose key made the signature). */
  | { readonly from: 'signer'; readonly attribute: 'id' | 'country' }
  /** A body member when sent, else the signer's attribute (an NCB naming the agency it acts for). */
  | { readonly from: 'body-or-signer'; readonly member: string; readonly attribute: 'id' | 'country' }
  /** A value set by the signer's kind (which submission channel it used). */
  | { readonly from: 'signer-kind'; readonly values: Readonly<Partial<Record<LoggedPrincipal['kind'], JsonValue>>> };

export interface RecordBinding {
  readonly method: 'POST';
  /** The route's path, `{name}` standing for a segment that `fields` binds with `{ from: 'path', param: name }`. */
  readonly route: string;
  /** Dotted path in the record's data → where its value comes from, in the order they are checked. */
  readonly fields: Readonly<Record<string, FieldOrigin>>;
  /**
   * Fields that must be the id derived (`derivedId(label, [...])` of @wildlife/signatures) from other
   * fields of the data, checked after `fields`: a field bound above then binds the fields it is
   * derived from (a permit id bound by the route binds the request it was issued for).
   */
  readonly derivedIds?: Readonly<Record<string, { readonly label: string; readonly from: readonly string[] }>>;
}

const path = (param: string, lowerCased = false): FieldOrigin => ({ from: 'path', param, ...(lowerCased && { lowerCased: true as const }) });
const body = (member: string, options: { whenAbsent?: JsonValue; instant?: true; lowerCased?: true } = {}): FieldOrigin => ({ from: 'body', member, ...options });
const signer = (attribute: 'id' | 'country'): FieldOrigin => ({ from: 'signer', attribute });
const signature = (label: string): FieldOrigin => ({ from: 'signature', label });

/** The case facts intake copies from a body into a record (case-facts.of.ts); lists left out are empty. */
const CASE_FACTS = {
  species: body('species', { whenAbsent: [] }),
  platforms: body('platforms', { whenAbsent: [] }),
  evidenceReferences: body('evidenceReferences', { whenAbsent: [] }),
} as const;

/** Registry records (`ncb-endorsement` serves the registry): `by` / `registeredBy` is always the signer. */
const REGISTRY_KEY = { 'key.keyId': body('keyId'), 'key.publicKey': body('publicKey') } as const;

export const RECORD_BINDINGS: Readonly<Record<string, RecordBinding>> = {
  // request-intake: the request id is derived from the signature; submittedAt and the agency's
  // registered name come from the server; the agency is the signer, or the one an NCB names for its
  // own country.
  'request-intake.SupportRequestSubmitted.v1': {
    method: 'POST',
    route: '/v1/support-requests',
    fields: {
      requestId: signature(DERIVED_ID_LABELS.request),
      'requestingAgency.principalId': { from: 'body-or-signer', member: 'onBehalfOfAgency', attribute: 'id' },
      'requestingAgency.country': signer('country'),
      submittedBy: { from: 'signer-kind', values: { agency: 'requesting-agency', ncb: 'ncb-on-behalf' } },
      capabilities: body('capabilities'),
      generalServices: body('generalServices', { whenAbsent: [] }),
      operationalSupport: body('operationalSupport'),
      natureOfHelp: body('natureOfHelp'),
      caseSummary: body('caseSummary'),
      urgency: body('urgency'),
      ...CASE_FACTS,
      countriesConcerned: body('countriesConcerned'),
    },
  },
  'request-intake.ExternalInformationReceived.v1': {
    method: 'POST',
    route: '/v1/external-information',
    fields: {
      informationId: signature(DERIVED_ID_LABELS.externalInformation),
      'externalSource.principalId': signer('id'),
      summary: body('summary'),
      relatedRequestId: body('relatedRequestId', { lowerCased: true }),
      ...CASE_FACTS,
      countriesConcerned: body('countriesConcerned', { whenAbsent: [] }),
    },
  },
  // ncb-endorsement: the decision's time, and what it copies from the request (its agency), come
  // from the server; the NCB is the signer.
  'ncb-endorsement.RequestAcknowledged.v1': {
    method: 'POST',
    route: '/v1/support-requests/{requestId}/acknowledge',
    fields: { requestId: path('requestId', true), 'ncb.principalId': signer('id'), 'ncb.country': signer('country') },
  },
  'ncb-endorsement.RequestEndorsed.v1': {
    method: 'POST',
    route: '/v1/support-requests/{requestId}/endorse',
    fields: { requestId: path('requestId', true), 'ncb.principalId': signer('id'), 'ncb.country': signer('country'), note: body('note') },
  },
  'ncb-endorsement.RequestDeclined.v1': {
    method: 'POST',
    route: '/v1/support-requests/{requestId}/decline',
    fields: { requestId: path('requestId', true), 'ncb.principalId': signer('id'), 'ncb.country': signer('country'), reason: body('reason') },
  },
  // The request a permit belongs to is the server's (the permit's) to say, but the permit's id is
  // derived from it and from the record id of the endorsement that issued the permit (a request may
  // be issued several permits: a new endorsement after one set aside), so the permit id the route
  // binds binds both.
  'ncb-endorsement.DirectContactPermitRevoked.v1': {
    method: 'POST',
    route: '/v1/permits/{permitId}/revoke',
    fields: { permitId: path('permitId', true), reason: body('reason') },
    derivedIds: { permitId: { label: DERIVED_ID_LABELS.permit, from: ['requestId', 'endorsementRecordId'] } },
  },
  // Registry records: `at` is the server's; an accreditation id left out of the body is derived from the signature.
  'ncb-endorsement.AgencyRegistered.v1': {
    method: 'POST',
    route: '/v1/registry/agencies',
    fields: {
      agencyId: body('agencyId'),
      country: { from: 'body-or-signer', member: 'country', attribute: 'country' },
      name: body('name'),
      ...REGISTRY_KEY,
      registeredBy: signer('id'),
    },
  },
  'ncb-endorsement.AgencyAccredited.v1': {
    method: 'POST',
    route: '/v1/registry/agencies/{agencyId}/accreditations',
    fields: {
      agencyId: path('agencyId'),
      accreditationId: { from: 'body-or-signature', member: 'accreditationId', label: DERIVED_ID_LABELS.accreditation, prefix: MINTED_ACCREDITATION_ID_PREFIX },
      scope: body('scope'),
      validFrom: body('validFrom', { instant: true }),
      validUntil: body('validUntil', { instant: true }),
      by: signer('id'),
    },
  },
  'ncb-endorsement.AccreditationSuspended.v1': {
    method: 'POST',
    route: '/v1/registry/agencies/{agencyId}/accreditations/{accreditationId}/suspend',
    fields: { agencyId: path('agencyId'), accreditationId: path('accreditationId'), reason: body('reason'), by: signer('id') },
  },
  'ncb-endorsement.AccreditationReinstated.v1': {
    method: 'POST',
    route: '/v1/registry/agencies/{agencyId}/accreditations/{accreditationId}/reinstate',
    fields: { agencyId: path('agencyId'), accreditationId: path('accreditationId'), note: body('note'), by: signer('id') },
  },
  'ncb-endorsement.AccreditationRevoked.v1': {
    method: 'POST',
    route: '/v1/registry/agencies/{agencyId}/accreditations/{accreditationId}/revoke',
    fields: { agencyId: path('agencyId'), accreditationId: path('accreditationId'), reason: body('reason'), by: signer('id') },
  },
  'ncb-endorsement.KeyRotated.v1': {
    method: 'POST',
    route: '/v1/registry/principals/{principalId}/keys/rotate',
    fields: {
      principalId: path('principalId'),
      'newKey.keyId': body('keyId'),
      'newKey.publicKey': body('publicKey'),
      retiredKeyId: body('retiredKeyId'),
      by: signer('id'),
    },
  },
  'ncb-endorsement.KeyRevoked.v1': {
    method: 'POST',
    route: '/v1/registry/principals/{principalId}/keys/{keyId}/revoke',
    fields: {
      principalId: path('principalId'),
      keyId: path('keyId'),
      reason: body('reason'),
      compromisedSince: body('compromisedSince', { instant: true }),
      note: body('note'),
      by: signer('id'),
    },
  },
  'ncb-endorsement.ExternalSourceRegistered.v1': {
    method: 'POST',
    route: '/v1/registry/external-sources',
    fields: { sourceId: body('sourceId'), name: body('name'), ...REGISTRY_KEY, by: signer('id') },
  },
  'ncb-endorsement.AuditorRegistered.v1': {
    method: 'POST',
    route: '/v1/registry/auditors',
    fields: { auditorId: body('auditorId'), name: body('name'), ...REGISTRY_KEY, by: signer('id') },
  },
};
