import { parseEventType, type Principal } from '@wildlife/contracts';
import { SignatureUses, type LogEntry } from '@wildlife/provenance-log';
import {
  evolve,
  registryFactOfRecord,
  registryFactTypeOf,
  registryFromTrustRoots,
  RegistryRecordIsMalformed,
  type RegistryFact,
  type RegistryState,
  type TrustRoots,
} from '@wildlife/registry';
import { requestIdOf, requestingCountryOf } from '../records/record-facts.js';

/** The record families by which an NCB vouches for a support request of its country. */
const VOUCHING_FAMILIES = ['ncb-endorsement.RequestAcknowledged', 'ncb-endorsement.RequestEndorsed'];

export interface Vouch {
  readonly sequence: number;
  readonly country: string;
}

/**
 * Everything the classification needs from the log so far, derived from the entries alone, in
 * sequence order: the registry (trust roots plus every official registry record), which entries
 * registered each principal, key and accreditation, the requests still pending their NCB, and the
 * NCB acknowledgements and endorsements seen. `apply` is the only way it changes, so a state rebuilt
 * by replaying the stored entries equals the one that classified them, and so does an auditor's.
 */
export class ProvenanceLogState {
  registry: RegistryState;
  size = 0;
  /** Time of the last entry: the next one is never earlier. */
  lastTime: string | undefined;
  readonly registeredIn = new Map<string, number>();
  readonly keyIntroducedIn = new Map<string, number>();
  readonly accreditationEntries = new Map<string, number[]>();
  readonly pendingByRequest = new Map<string, LogEntry>();
  readonly vouchesByRequest = new Map<string, Vouch[]>();
  readonly requestCountries = new Map<string, string>();
  /** Which record each signature made (bounded by time: see `SignatureUses`). */
  readonly signatureUses = new SignatureUses();

  constructor(readonly trustRoots: TrustRoots) {
    this.registry = registryFromTrustRoots(trustRoots);
  }

  /** Takes the next entry of the log into account. Throws when it is not the next one. */
  apply(entry: LogEntry): void {
    if (entry.sequence !== this.size) throw new Error(`entry ${entry.sequence} applied to a log of size ${this.size}`);
    this.size += 1;
    this.lastTime = entry.time;
    this.signatureUses.note(entry);
    const requestId = requestIdOf(entry.recordData);
    if (entry.supersedes !== undefined) {
      if (requestId !== undefined && this.pendingByRequest.get(requestId)?.sequence === entry.supersedes) this.pendingByRequest.delete(requestId);
      return;
    }
    if (entry.classification === 'rejected') return;
    const requestCountry = requestingCountryOf(entry.recordData);
    if (requestId !== undefined && requestCountry !== undefined && !this.requestCountries.has(requestId)) {
      this.requestCountries.set(requestId, requestCountry);
    }
    if (entry.classification === 'pending-ncb' && requestId !== undefined) this.pendingByRequest.set(requestId, entry);
    if (entry.classification !== 'official') return;
    if (requestId !== undefined && isVouch(entry.record.type, entry.source)) {
      this.vouchesByRequest.set(requestId, [...(this.vouchesByRequest.get(requestId) ?? []), { sequence: entry.sequence, country: entry.source!.country! }]);
    }
    const factType = registryFactTypeOf(entry.record.type);
    const fact = factType === undefined ? undefined : registryFactOfRecord(factType, entry.recordData);
    if (fact !== undefined && !(fact instanceof RegistryRecordIsMalformed)) this.applyRegistryFact(fact, entry.sequence);
  }

  private applyRegistryFact(fact: RegistryFact, sequence: number): void {
    this.registry = evolve(this.registry, fact);
    switch (fact.type) {
      case 'AgencyRegistered':
        return this.registered(fact.agencyId, fact.key.keyId, sequence);
      case 'ExternalSourceRegistered':
        return this.registered(fact.sourceId, fact.key.keyId, sequence);
      case 'AuditorRegistered':
        return this.registered(fact.auditorId, fact.key.keyId, sequence);
      case 'KeyRotated':
        this.keyIntroducedIn.set(fact.newKey.keyId, sequence);
        return;
      case 'AgencyAccredited':
      case 'AccreditationSuspended':
      case 'AccreditationReinstated':
      case 'AccreditationRevoked':
        this.accreditationEntries.set(fact.accreditationId, [...(this.accreditationEntries.get(fact.accreditationId) ?? []), sequence]);
        return;
      case 'KeyRevoked':
        return;
    }
  }

  private registered(principalId: string, keyId: string, sequence: number): void {
    this.registeredIn.set(principalId, sequence);
    this.keyIntroducedIn.set(keyId, sequence);
  }
}

/** Whether a record of `type` by `source` is an NCB vouching for a support request. */
export function isVouch(type: string, source: Pick<Principal, 'kind' | 'country'> | null): boolean {
  if (source?.kind !== 'ncb' || source.country === undefined) return false;
  try {
    return VOUCHING_FAMILIES.includes(parseEventType(type).family);
  } catch {
    return false;
  }
}
