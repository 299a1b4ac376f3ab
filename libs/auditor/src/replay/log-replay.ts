import {
  AccreditationReachBack,
  RecentRequestCountries,
  RequestVouches,
  type AccreditationDueChange,
  type LogEntry,
  type RequestDueChange,
} from '@wildlife/provenance-log';
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

import { agencyVerdictAt } from './expected-verdict.js';

export { isVouch } from '@wildlife/provenance-log';

/** A change of classification the rules make due right after an entry; the log must log them next, in order. */
export type DueChange =
  /** A record rejected as outside its request's country, or a pending request promoted by its NCB (`RequestVouches`). */
  | RequestDueChange
  /**
   * After a key fact (entry `keyFact`): the log rejects, in log order, the records signed with
   * `keyId` that it no longer verifies. Which ones, this replay cannot tell without holding every
   * record (it would grow with the log): it checks that each such rejection is well-founded.
   */
  | { readonly kind: 'key-invalid'; readonly keyId: string; readonly keyFact: number }
  /**
   * After an accreditation fact (entry `fact`): an agency's record of the last day of record time that
   * the fact classifies otherwise at its own time (`AccreditationReachBack`, the provenance
   * service's own code): the log must reclassify each, in log order.
   */
  | AccreditationDueChange;

/**
 * How many of the latest requests' countries the replay holds besides the pending ones (~1.5 MB):
 * years of this process's requests (support requests to the GS number in the thousands a year), so
 * the decisions about a request come long before it is forgotten. It was 100,000 (~15 MB) when first
 * written; that made the verifier's memory grow tenfold between a log of 10,000 entries and one of
 * 100,000 (bench/provenance, session 12). The provenance service keeps every request's country;
 * the rules are otherwise the same code (`RequestVouches` of @wildlife/provenance-log).
 */
export const RECENT_REQUESTS_HELD = 10_000;

/** A registry entry of an accreditation and the time (ms) its fact took effect. */
interface AccreditationEntry {
  readonly sequence: number;
  readonly at: number;
}

/**
 * What the classification of the next entry depends on, rebuilt from the entries already checked,
 * in order: the registry (trust roots, then every official registry record), which entry
 * registered each principal and introduced each key, the entries of each accreditation, the
 * open requests and the records waiting for theirs (`RequestVouches`), and the agencies' records
 * of the last day of record time (`AccreditationReachBack`). Holds nothing per entry, nor per request once it stopped pending and
 * is not among the latest, so it grows with the registry, the open requests and the signing rate,
 * not with the log.
 */
export class LogReplay {
  registry: RegistryState;
  /** Entries applied so far: the sequence the next entry must carry. */
  size = 0;
  lastTime: string | undefined;
  readonly registeredIn = new Map<string, number>();
  readonly keyIntroducedIn = new Map<string, number>();
  readonly accreditationEntries = new Map<string, AccreditationEntry[]>();
  readonly requests = new RequestVouches(new RecentRequestCountries(RECENT_REQUESTS_HELD));
  /** The agencies' official and pending records of the last day of record time (bounded by time: see `AccreditationReachBack`). */
  readonly agencyRecords = new AccreditationReachBack();

  constructor(trustRoots: TrustRoots) {
    this.registry = registryFromTrustRoots(trustRoots);
  }

  /** Takes an entry that passed every check into account; returns the changes of classification the rules make due next. */
  apply(entry: LogEntry): DueChange[] {
    this.size = entry.sequence + 1;
    this.lastTime = entry.time;
    if (entry.supersedes !== undefined) {
      this.requests.applyChange(entry);
      this.agencyRecords.noteChange(entry, this.requests);
      return [];
    }
    if (entry.classification === 'rejected') return [];
    const factType = registryFactTypeOf(entry.record.type);
    this.agencyRecords.noteClassified(entry, this.requests, factType !== undefined);
    const due = this.requests.applyClassified(entry);
    if (entry.classification !== 'official') return due;
    const fact = factType === undefined ? undefined : registryFactOfRecord(factType, entry.recordData);
    if (fact === undefined || fact instanceof RegistryRecordIsMalformed) return due;
    this.applyRegistryFact(fact, entry.sequence);
    const keyId = fact.type === 'KeyRevoked' ? fact.keyId : fact.type === 'KeyRotated' ? fact.retiredKeyId : undefined;
    if (keyId !== undefined) return [...due, { kind: 'key-invalid', keyId, keyFact: entry.sequence }];
    return [...due, ...this.agencyRecords.dueAfter(fact, entry.sequence, (memo) => agencyVerdictAt(this, memo))];
  }

  /** The entries of the accreditation whose facts had taken effect at `at` (ms): what a record of that time rests on. */
  accreditationBasisAt(accreditationId: string, at: number): number[] {
    return (this.accreditationEntries.get(accreditationId) ?? []).filter((entry) => entry.at <= at).map((entry) => entry.sequence);
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
      default: {
        const entries = this.accreditationEntries.get(fact.accreditationId) ?? [];
        this.accreditationEntries.set(fact.accreditationId, [...entries, { sequence, at: Date.parse(fact.at) }]);
      }
    }
  }

  private registered(principalId: string, keyId: string, sequence: number): void {
    this.registeredIn.set(principalId, sequence);
    this.keyIntroducedIn.set(keyId, sequence);
  }
}

/** Ascending sequences without repeats. */
export function basisOf(...sequences: readonly (number | undefined)[]): number[] {
  return [...new Set(sequences.filter((s): s is number => s !== undefined))].sort((a, b) => a - b);
}
