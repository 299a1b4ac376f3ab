import {
  authorize,
  authorOf,
  evolve,
  mayManageKeysOf,
  principal as registeredPrincipal,
  registryActOf,
  registryFactOfRecord,
  type RegistryFactType,
  RegistryRecordIsMalformed,
} from '@wildlife/registry';
import type { SignedRecordCandidate } from '../records/received-record.js';
import type { VerifiedSigner } from './check-signature.js';
import type { ProvenanceLogState } from './provenance-log-state.js';
import { basisOf, rejected, type Verdict } from './verdict.js';

/**
 * A registry record (its signature already checked) is official when it states a well-formed fact,
 * its signer is the fact's author, the authorisation table lets the signer make that change (and,
 * for keys, the signer manages the subject's keys), and the fact applies to the registry as the log
 * knows it. Only official registry records change the registry the log classifies with.
 */
export function classifyRegistryRecord(
  state: ProvenanceLogState,
  factType: RegistryFactType,
  record: SignedRecordCandidate,
  signer: VerifiedSigner,
  kept: Pick<Verdict, 'source' | 'evidence'>,
): Verdict {
  const fact = registryFactOfRecord(factType, record.data);
  if (fact instanceof RegistryRecordIsMalformed) return rejected('record-malformed', `${fact.message}.`, kept);
  const { principal } = signer;
  const author = authorOf(fact);
  if (author !== principal.id) {
    return rejected('not-an-official-source', `The ${factType} record names "${author}" as its author but "${principal.id}" signed it.`, kept);
  }
  const { action, ties } = registryActOf(fact, state.registry);
  const decision = authorize(principal, action, ties);
  if (decision !== 'allow') {
    const outsideCountry = ties.country !== undefined && principal.country !== undefined && ties.country !== principal.country;
    return outsideCountry
      ? rejected('acts-outside-its-country', `"${principal.id}" may not ${action} for ${ties.country}.`, kept)
      : rejected('not-an-official-source', `"${principal.id}" (${principal.kind}) may not ${action}.`, kept);
  }
  const keySubjectId = fact.type === 'KeyRotated' || fact.type === 'KeyRevoked' ? fact.principalId : undefined;
  const keySubject = keySubjectId === undefined ? undefined : registeredPrincipal(state.registry, keySubjectId);
  if (keySubject !== undefined && !mayManageKeysOf(principal, keySubject)) {
    return rejected('not-an-official-source', `"${principal.id}" does not manage the keys of "${keySubject.id}".`, kept);
  }
  const next = evolve(state.registry, fact);
  if (next.inapplicable.length > state.registry.inapplicable.length) {
    return rejected('registry-fact-inapplicable', `The ${factType} fact does not apply to the registry: ${next.inapplicable.at(-1)!.why}`, kept);
  }
  return {
    classification: 'official',
    reason: { code: 'registry-authority', text: `"${principal.id}" (${principal.kind}) may ${action}, and did.` },
    ...kept,
    basis: basisOf(state.registeredIn.get(principal.id), state.keyIntroducedIn.get(signer.keyId)),
  };
}
