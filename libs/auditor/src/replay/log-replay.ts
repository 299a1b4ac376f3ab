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
import { eventNameOf, requestIdOf, requestingCountryOf } from './record-fields.js';

/** The record families by which an NCB vouches for a support request of its own country. */
const VOUCHING_FAMILIES: readonly string[] = ['ncb-endorsement.RequestAcknowledged', 'ncb-endorsement.RequestEndorsed'];

/** An NCB's official acknowledgement or endorsement of a request. */
export interface Vouch {
  readonly sequence: number;
  readonly country: string;
}

/**
 * What the classification of the next entry depends on, rebuilt from the entries already checked,
 * in order: the registry (trust roots, then every official registry record), which entry
 * registered each principal and introduced each key, the entries of each accreditation, the
 * requests waiting for their NCB, the NCB vouches seen, and the signatures of the last day
 * (`SignatureUses`). It grows with the registry, the open requests and the signing rate, not with the log.
 */
export class LogReplay {
  registry: RegistryState;
  /** Entries applied so far: the sequence the next entry must carry. */
  size = 0;
  lastTime: string | undefined;
  readonly registeredIn = new Map<string, number>();
  readonly keyIntroducedIn = new Map<string, number>();
  readonly accreditationEntries = new Map<string, number[]>();
  readonly pendingByRequest = new Map<string, LogEntry>();
  readonly vouchesByRequest = new Map<string, Vouch[]>();
  readonly requestCountries = new Map<string, string>();
  /** Which record each signature made (bounded by time: see `SignatureUses`). */
  readonly signatureUses = new SignatureUses();

  constructor(trustRoots: TrustRoots) {
    this.registry = registryFromTrustRoots(trustRoots);
  }

  /** Takes an entry that passed every check into account. */
  apply(entry: LogEntry): void {
    this.size = entry.sequence + 1;
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
    if (requestId !== undefined && isVouch(entry)) {
      const vouches = this.vouchesByRequest.get(requestId) ?? [];
      this.vouchesByRequest.set(requestId, [...vouches, { sequence: entry.sequence, country: entry.source!.country! }]);
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
      case 'KeyRevoked':
        return;
      default:
        this.accreditationEntries.set(fact.accreditationId, [...(this.accreditationEntries.get(fact.accreditationId) ?? []), sequence]);
    }
  }

  private registered(principalId: string, keyId: string, sequence: number): void {
    this.registeredIn.set(principalId, sequence);
    this.keyIntroducedIn.set(keyId, sequence);
  }
}

/** Whether the entry is an NCB acknowledging or endorsing a request (of the country it names). */
export function isVouch(entry: Pick<LogEntry, 'record' | 'source'>): boolean {
  const source = entry.source;
  if (source?.kind !== 'ncb' || source.country === undefined) return false;
  const family = eventNameOf(entry.record.type)?.family;
  return family !== undefined && VOUCHING_FAMILIES.includes(family);
}

/** Ascending sequences without repeats. */
export function basisOf(...sequences: readonly (number | undefined)[]): number[] {
  return [...new Set(sequences.filter((s): s is number => s !== undefined))].sort((a, b) => a - b);
}
