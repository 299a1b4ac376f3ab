import { AccreditationReachBack, RequestVouches, type LogEntry } from '@wildlife/provenance-log';
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
import { agencyVerdictAt } from './classify-record.js';
import type { DueChange } from './due-change.js';
import { RecordsByKey } from './records-by-key.js';

export type { DueChange } from './due-change.js';

/** A registry entry of an accreditation, with the time its fact took effect. */
export interface AccreditationEntry {
  readonly sequence: number;
  /** The fact's `at`, in milliseconds since the epoch. */
  readonly at: number;
}

/**
 * Everything the classification needs from the log so far, derived from the entries alone, in
 * sequence order: the registry (trust roots plus every official registry record), which entries
 * registered each principal, key and accreditation, the support requests and NCB vouches
 * (`RequestVouches`), the records not rejected by the key that signed them (`RecordsByKey`), and
 * the agencies' records of the last day (`AccreditationReachBack`). `apply` is the only way it changes, so a state rebuilt by replaying the stored
 * entries equals the one that classified them, and so does an auditor's.
 */
export class ProvenanceLogState {
  registry: RegistryState;
  size = 0;
  /** Time of the last entry: the next one is never earlier. */
  lastTime: string | undefined;
  readonly registeredIn = new Map<string, number>();
  readonly keyIntroducedIn = new Map<string, number>();
  readonly accreditationEntries = new Map<string, AccreditationEntry[]>();
  /** Every request's country is kept, so a record about a request is classified for its country whatever the order of arrival. */
  readonly requests = new RequestVouches(new Map<string, string>());
  readonly recordsByKey = new RecordsByKey();
  /** The agencies' official and pending records of the last day of record time, which an accreditation fact logged later classifies again. */
  readonly agencyRecords = new AccreditationReachBack();
  constructor(readonly trustRoots: TrustRoots) {
    this.registry = registryFromTrustRoots(trustRoots);
  }

  get pendingByRequest(): ReadonlyMap<string, LogEntry> {
    return this.requests.pendingByRequest;
  }

  /**
   * Takes the next entry of the log into account, and returns the changes of classification the
   * rules make due right after it (the log appends them next, in that order). Throws when it is not
   * the next one.
   */
  apply(entry: LogEntry): DueChange[] {
    if (entry.sequence !== this.size) throw new Error(`entry ${entry.sequence} applied to a log of size ${this.size}`);
    this.size += 1;
    this.lastTime = entry.time;
    if (entry.supersedes !== undefined) {
      this.requests.applyChange(entry);
      this.recordsByKey.changed(entry);
      this.agencyRecords.noteChange(entry, this.requests);
      return [];
    }
    if (entry.classification === 'rejected') return [];
    const factType = registryFactTypeOf(entry.record.type);
    if (factType === undefined) this.recordsByKey.add(entry);
    this.agencyRecords.noteClassified(entry, this.requests, factType !== undefined);
    const due = this.requests.applyClassified(entry);
    if (entry.classification !== 'official') return due;
    const fact = factType === undefined ? undefined : registryFactOfRecord(factType, entry.recordData);
    if (fact === undefined || fact instanceof RegistryRecordIsMalformed) return due;
    this.applyRegistryFact(fact, entry.sequence);
    return [...due, ...this.invalidatedBy(fact, entry.sequence), ...this.reclassifiedBy(fact, entry.sequence)];
  }

  /** After an accreditation fact: the agency's records of the last day whose classification at their own time it changes (it reaches back). */
  private reclassifiedBy(fact: RegistryFact, sequence: number): DueChange[] {
    return this.agencyRecords.dueAfter(fact, sequence, (memo) => agencyVerdictAt(this, memo));
  }

  /** After a key fact: the records logged before it that the key no longer verifies (a compromise reaches back). */
  private invalidatedBy(fact: RegistryFact, sequence: number): DueChange[] {
    const keyId = fact.type === 'KeyRevoked' ? fact.keyId : fact.type === 'KeyRotated' ? fact.retiredKeyId : undefined;
    if (keyId === undefined) return [];
    return this.recordsByKey.invalidatedBy(this.registry, keyId).map((record) => ({ kind: 'key-invalid', record, keyFact: sequence }));
  }

  /** The entries of an accreditation whose facts had taken effect at `at` (ms): those a record of that time rests on. */
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
      case 'AgencyAccredited':
      case 'AccreditationSuspended':
      case 'AccreditationReinstated':
      case 'AccreditationRevoked': {
        const entries = this.accreditationEntries.get(fact.accreditationId) ?? [];
        this.accreditationEntries.set(fact.accreditationId, [...entries, { sequence, at: Date.parse(fact.at) }]);
        return;
      }
      case 'KeyRevoked':
        return;
    }
  }

  private registered(principalId: string, keyId: string, sequence: number): void {
    this.registeredIn.set(principalId, sequence);
    this.keyIntroducedIn.set(keyId, sequence);
  }
}
