import { capabilitiesOf, requestIdOf, statedCountryOf, type AgencyRecordMemo, type AgencyVerdict } from '@wildlife/provenance-log';
import { accreditationAt, isOfficialSource, registryFactTypeOf, type Capability, type Principal } from '@wildlife/registry';
import type { SignedRecordCandidate } from '../records/received-record.js';
import { checkRecordBinding, checkSignature, type Reverifier, type VerifiedSigner } from './check-signature.js';
import { classifyRegistryRecord } from './classify-registry-record.js';
import type { ProvenanceLogState } from './provenance-log-state.js';
import { signedProvenanceOf } from './signed-provenance.js';
import { basisOf, rejected, type Verdict } from './verdict.js';

/**
 * Classifies one record against the log so far (TARGET-DESIGN §5, DOMAIN "official source"):
 * rejected when it breaks its contract, arrived before its time (beyond the skew allowed: see
 * `RegistryGate.isTooFarAhead`), carries no usable signature material, its signature does not
 * check out (see `checkSignature`), or its data, ids or time are not what the signed request made
 * (`checkRecordBinding`); a registry record is official when its signer may make
 * that registry change (`classifyRegistryRecord`); an external source's record is `external`; an
 * auditor's is rejected; any other is official when `isOfficialSource` says so at the record's time
 * for the country it concerns and the capabilities it asks, `pending-ncb` when the only obstacle is
 * that the agency was not accredited, and rejected otherwise. Pure: reads `state`, never changes it
 * (`reverifier` only lets a signature checked ahead of time count; see `SignaturePrechecks`).
 */
export function classifyRecord(state: ProvenanceLogState, record: SignedRecordCandidate, reverifier?: Reverifier): Verdict {
  const signed = signedProvenanceOf(record.provenance);
  const kept = { source: signed.source, evidence: signed.evidence };
  if (record.problem !== undefined) return rejected('record-malformed', sentence(record.problem), kept);
  if (record.receivedBeforeItsTime !== undefined) {
    return rejected('record-time-in-future', `The record is timed ${record.time}, beyond the clock skew allowed when it was received at ${record.receivedBeforeItsTime}.`, kept);
  }
  if (signed.problem !== undefined || signed.source === null || signed.evidence === null) {
    return rejected('record-malformed', sentence(signed.problem ?? 'the provenance is unreadable'), kept);
  }
  const checked = checkSignature(state.registry, signed.source, signed.evidence, record.time, reverifier);
  if ('classification' in checked) return checked;
  const unbound = checkRecordBinding(record, checked, signed.evidence, kept);
  if (unbound !== undefined) return unbound;

  const factType = registryFactTypeOf(record.type);
  if (factType !== undefined) return classifyRegistryRecord(state, factType, record, checked, kept);
  return classifySourcedRecord(state, record, checked, kept);
}

function classifySourcedRecord(state: ProvenanceLogState, record: SignedRecordCandidate, signer: VerifiedSigner, kept: Pick<Verdict, 'source' | 'evidence'>): Verdict {
  const { principal } = signer;
  if (principal.kind === 'external-source') {
    const signerBasis = basisOf(state.registeredIn.get(principal.id), state.keyIntroducedIn.get(signer.keyId));
    return { classification: 'external', reason: { code: 'external-source', text: `"${principal.id}" is an external source: its information is flagged, never official.` }, ...kept, basis: signerBasis };
  }
  const country = countryConcerned(state, record, principal);
  if (country === undefined) return rejected('not-an-official-source', `"${principal.id}" (${principal.kind}) is never an official source.`, kept);
  const capabilities = capabilitiesOf(record.data) as readonly Capability[] | undefined;
  const verdict = officialSourceVerdict(state, principal, signer.keyId, record.time, country, capabilities);
  return verdict.classification === 'rejected' ? rejected(verdict.reason.code, verdict.reason.text, kept) : { ...verdict, ...kept };
}

/**
 * What `isOfficialSource` makes of a record by `principal` (signing with `keyId`) at `time`, for
 * `country` and `capabilities`: official (resting on the signer's registration and key, and for an
 * accredited agency on the accreditation entries in force at `time`), `pending-ncb` when the only
 * obstacle is that the agency was not accredited, rejected otherwise. Also what an accreditation
 * fact logged later makes of an agency's record (`agencyVerdictAt`).
 */
function officialSourceVerdict(
  state: ProvenanceLogState,
  principal: Principal,
  keyId: string,
  time: string,
  country: string,
  capabilities: readonly Capability[] | undefined,
): Omit<Verdict, 'source' | 'evidence'> {
  const signerBasis = basisOf(state.registeredIn.get(principal.id), state.keyIntroducedIn.get(keyId));
  const check = isOfficialSource(state.registry, principal, time, { country, ...(capabilities !== undefined && { capabilities }) });
  if (check.official) {
    const accreditation = check.as === 'accredited-agency' ? accreditationAt(state.registry, principal.id, time) : undefined;
    const accreditationBasis = accreditation?.accreditationId === undefined ? [] : state.accreditationBasisAt(accreditation.accreditationId, Date.parse(time));
    const code = check.as === 'ncb' ? 'ncb-own-country' : check.as;
    return { classification: 'official', reason: { code, text: check.reason }, basis: basisOf(...signerBasis, ...accreditationBasis) };
  }
  switch (check.refusal) {
    case 'AgencyWasNotAccreditedAtThatTime':
      return { classification: 'pending-ncb', reason: { code: 'agency-not-accredited', text: `${check.reason} The record waits for its NCB.` }, basis: signerBasis };
    case 'NcbsAreOfficialOnlyForTheirOwnCountry':
    case 'AgenciesAreOfficialOnlyForTheirOwnCountry':
      return rejected('acts-outside-its-country', check.reason);
    case 'AccreditationScopeDoesNotCoverTheCapabilities':
      return rejected('acts-outside-its-scope', check.reason);
    default:
      return rejected('not-an-official-source', check.reason);
  }
}

/**
 * What the rules make now of an agency's record held by `AccreditationReachBack`, at its own time,
 * for its agency's country and the capabilities it asked: how an accreditation fact logged after
 * it reaches back.
 */
export function agencyVerdictAt(state: ProvenanceLogState, memo: AgencyRecordMemo): AgencyVerdict {
  const agency: Principal = { id: memo.source.id, kind: 'agency', country: memo.source.country };
  const verdict = officialSourceVerdict(state, agency, memo.keyId, memo.record.time, memo.source.country, memo.capabilities as readonly Capability[] | undefined);
  return { classification: verdict.classification, code: verdict.reason.code, text: verdict.reason.text, ...(verdict.basis !== undefined && { basis: verdict.basis }) };
}

/**
 * The country a record acts for. A record about a support request acts for that request's country,
 * from the request's own entry once it is logged (whatever the record states about it); until then
 * it is classified for the country it states, else its signer's, and checked against the request
 * when that comes (`RequestVouches`: a change entry rejects it if the request is another
 * country's). Any other record: the country it states, else the signer's.
 */
function countryConcerned(state: ProvenanceLogState, record: SignedRecordCandidate, signer: Principal): string | undefined {
  const requestId = requestIdOf(record.data);
  const stated = statedCountryOf(record.data) ?? signer.country;
  return requestId === undefined ? stated : (state.requests.countryOf(requestId) ?? stated);
}

function sentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
