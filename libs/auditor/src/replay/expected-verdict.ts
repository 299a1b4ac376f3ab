import { capabilitiesOf, requestIdOf, requestingCountryOf, statedCountryOf, type AgencyRecordMemo, type AgencyVerdict, type LogClassification, type LogEntry } from '@wildlife/provenance-log';
import {
  accreditationAt,
  authorize,
  authorOf,
  type Capability,
  type Principal,
  evolve,
  isOfficialSource,
  mayManageKeysOf,
  principal as registeredPrincipal,
  registryActOf,
  registryFactOfRecord,
  type RegistryFactType,
  registryFactTypeOf,
  RegistryRecordIsMalformed,
} from '@wildlife/registry';
import { basisOf, isVouch, type LogReplay } from './log-replay.js';
import { bindingFailure, type CheckedSigner } from './signer-check.js';

/** What the rules make of a record whose signer checked out: the classification, its reason code, and its basis. */
export interface ExpectedVerdict {
  readonly classification: LogClassification;
  readonly code: string;
  /** Why, in words, for the auditor's report. */
  readonly why: string;
  /** Undefined exactly when rejected. */
  readonly basis?: readonly number[];
  /**
   * The basis logs written before the basis of an accredited agency's record was limited to the
   * accreditation entries in force at its time gave it (every entry of that accreditation logged
   * so far): accepted too, so those logs stay verifiable.
   */
  readonly earlierRulesBasis?: readonly number[];
}

/**
 * The classification the log's rules give a record (not a change of classification) at this point
 * of the log (ENTRY-FORMAT.md; TARGET-DESIGN §5): a record its signed request did not make is
 * rejected (`bindingFailure`); a registry record is official when its signer is
 * the fact's author, the authorisation table lets it make that change (and manage the subject's
 * keys, for a key fact) and the fact applies; an external source's record is external; any other is
 * official when `isOfficialSource` says so at the record's time, for the country it concerns and
 * the capabilities it asks, pending its NCB when the only obstacle is a missing accreditation, and
 * rejected otherwise. Pure: reads `replay`, never changes it.
 */
export function expectedVerdict(replay: LogReplay, entry: LogEntry, signer: CheckedSigner): ExpectedVerdict {
  const unbound = bindingFailure(entry, signer);
  if (unbound !== undefined) return rejected(unbound.code, unbound.why);
  const factType = registryFactTypeOf(entry.record.type);
  return factType !== undefined ? registryRecordVerdict(replay, factType, entry, signer) : sourcedRecordVerdict(replay, entry, signer);
}

function signerBasis(replay: LogReplay, signer: CheckedSigner): number[] {
  return basisOf(replay.registeredIn.get(signer.principal.id), replay.keyIntroducedIn.get(signer.keyId));
}

const rejected = (code: string, why: string): ExpectedVerdict => ({ classification: 'rejected', code, why });

function registryRecordVerdict(replay: LogReplay, factType: RegistryFactType, entry: LogEntry, signer: CheckedSigner): ExpectedVerdict {
  const fact = registryFactOfRecord(factType, entry.recordData);
  if (fact instanceof RegistryRecordIsMalformed) return rejected('record-malformed', fact.message);
  const { principal } = signer;
  if (authorOf(fact) !== principal.id) return rejected('not-an-official-source', `the fact names "${authorOf(fact)}" as its author, but "${principal.id}" signed it`);
  const { action, ties } = registryActOf(fact, replay.registry);
  if (authorize(principal, action, ties) !== 'allow') {
    const outsideCountry = ties.country !== undefined && principal.country !== undefined && ties.country !== principal.country;
    return rejected(outsideCountry ? 'acts-outside-its-country' : 'not-an-official-source', `"${principal.id}" may not ${action}`);
  }
  const subjectId = fact.type === 'KeyRotated' || fact.type === 'KeyRevoked' ? fact.principalId : undefined;
  const subject = subjectId === undefined ? undefined : registeredPrincipal(replay.registry, subjectId);
  if (subject !== undefined && !mayManageKeysOf(principal, subject)) {
    return rejected('not-an-official-source', `"${principal.id}" does not manage the keys of "${subject.id}"`);
  }
  const next = evolve(replay.registry, fact);
  if (next.inapplicable.length > replay.registry.inapplicable.length) {
    return rejected('registry-fact-inapplicable', `the ${factType} fact does not apply: ${next.inapplicable.at(-1)!.why}`);
  }
  return { classification: 'official', code: 'registry-authority', why: `"${principal.id}" may ${action}`, basis: signerBasis(replay, signer) };
}

function sourcedRecordVerdict(replay: LogReplay, entry: LogEntry, signer: CheckedSigner): ExpectedVerdict {
  const { principal } = signer;
  const data = entry.recordData;
  const time = entry.record.time!;
  if (principal.kind === 'external-source') {
    return { classification: 'external', code: 'external-source', why: `"${principal.id}" is an external source`, basis: signerBasis(replay, signer) };
  }
  const country = countryConcerned(replay, entry, principal);
  if (country === undefined) return rejected('not-an-official-source', `"${principal.id}" (${principal.kind}) is never an official source`);
  const capabilities = capabilitiesOf(data) as readonly Capability[] | undefined;
  return officialSourceVerdict(replay, principal, signer.keyId, time, country, capabilities);
}

/**
 * What `isOfficialSource` makes of a record by `principal` (signing with `keyId`) at `time`, for
 * `country` and `capabilities`, with its basis; also what an accreditation fact logged later makes
 * of an agency's record (`agencyVerdictAt`).
 */
function officialSourceVerdict(
  replay: LogReplay,
  principal: Principal,
  keyId: string,
  time: string,
  country: string,
  capabilities: readonly Capability[] | undefined,
): ExpectedVerdict {
  const signerBasis = basisOf(replay.registeredIn.get(principal.id), replay.keyIntroducedIn.get(keyId));
  const check = isOfficialSource(replay.registry, principal, time, capabilities === undefined ? { country } : { country, capabilities });
  if (check.official) {
    const accreditationId = check.as === 'accredited-agency' ? accreditationAt(replay.registry, principal.id, time).accreditationId : undefined;
    const accreditationBasis = accreditationId === undefined ? [] : replay.accreditationBasisAt(accreditationId, Date.parse(time));
    const code = check.as === 'ncb' ? 'ncb-own-country' : check.as;
    const allLogged = accreditationId === undefined ? [] : replay.accreditationBasisAt(accreditationId, Number.POSITIVE_INFINITY);
    return {
      classification: 'official',
      code,
      why: check.reason,
      basis: basisOf(...signerBasis, ...accreditationBasis),
      earlierRulesBasis: basisOf(...signerBasis, ...allLogged),
    };
  }
  switch (check.refusal) {
    case 'AgencyWasNotAccreditedAtThatTime':
      return { classification: 'pending-ncb', code: 'agency-not-accredited', why: check.reason, basis: signerBasis };
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
 * What the rules make now of an agency's record held by `AccreditationReachBack`: its verdict at
 * its own time, for its agency's country and the capabilities it asked, with the registry as it
 * stands (how an accreditation fact logged after it reaches back).
 */
export function agencyVerdictAt(replay: LogReplay, memo: AgencyRecordMemo): AgencyVerdict {
  const agency: Principal = { id: memo.source.id, kind: 'agency', country: memo.source.country };
  const verdict = officialSourceVerdict(replay, agency, memo.keyId, memo.record.time, memo.source.country, memo.capabilities as readonly Capability[] | undefined);
  return { classification: verdict.classification, code: verdict.code, text: verdict.why, ...(verdict.basis !== undefined && { basis: verdict.basis }) };
}

/**
 * The country the record acts for, as the log decides it: for a record about a request, the
 * request's country once logged, else the country the record states, else the signer's; for any
 * other, the country it states, else the signer's. This replay holds a request's country only
 * while it is pending or recent (`RequestVouches`): a record about a request it does not hold (not
 * logged yet, or an older one, which the log still knows) is checked for its signer's own country,
 * the most the log can have found official (any other verdict there is a rejection).
 */
function countryConcerned(replay: LogReplay, entry: LogEntry, signer: Principal): string | undefined {
  const data = entry.recordData;
  const requestId = requestIdOf(data);
  if (requestId === undefined) return statedCountryOf(data) ?? signer.country;
  const known = replay.requests.countryOf(requestId);
  // The request itself, logged for the first time, is the one that states its country.
  const ownCountry = isVouch(entry) ? undefined : requestingCountryOf(data);
  return known ?? ownCountry ?? signer.country ?? statedCountryOf(data);
}
