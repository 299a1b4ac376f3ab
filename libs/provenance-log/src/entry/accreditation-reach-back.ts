import type { LogClassification, LogEntry, LoggedPrincipal, LoggedRecord } from './log-entry.js';
import { capabilitiesOf, requestIdOf, requestingCountryOf } from './record-facts.js';
import { isVouch, type RequestVouches } from './request-vouches.js';

/**
 * How far back (of record time) an accreditation fact reaches: the agency records made (`record.time`)
 * within one day before the newest record time the log has seen are classified again at their own
 * time. Records and registry facts come on different topics, so a record signed after a suspension
 * can be logged before it when the registry relay lags; a day covers a relay's restart or an outage
 * of hours. It bounds what the log and an auditor hold for this rule by one day of agency records
 * (as the signers made them, however fast the log took them in), never by the length of the log
 * (ENTRY-FORMAT.md, "Changes of classification").
 */
export const ACCREDITATION_REACH_BACK_MS = 86_400_000;

/** What the log keeps of an agency's record (official or pending) to classify it again should an accreditation fact about it come later. */
export interface AgencyRecordMemo {
  /** The record's current entry (its first, or the change that last reclassified it). */
  readonly sequence: number;
  /** `record.time` (epoch ms): out of reach once the newest record time is `ACCREDITATION_REACH_BACK_MS` past it. */
  readonly recordAt: number;
  readonly record: LoggedRecord & { readonly time: string };
  /** The agency that signed it: the country it acted for (an agency is official or pending for its own country only). */
  readonly source: LoggedPrincipal & { readonly country: string };
  readonly keyId: string;
  readonly capabilities: readonly string[] | undefined;
  /** Set when the record is a support request itself (it names a request and its requesting agency). */
  readonly requestId: string | undefined;
  readonly classification: 'official' | 'pending-ncb';
  /** The first official acknowledgement or endorsement of the request by its own country's NCB logged so far. */
  readonly vouch: number | undefined;
}

/** The classification the rules give an agency's record at its own time, with the registry as it stands now. */
export interface AgencyVerdict {
  readonly classification: LogClassification;
  readonly code: string;
  readonly text: string;
  /** Absent exactly when rejected. */
  readonly basis?: readonly number[];
}

/** A change an accreditation fact (entry `fact`) makes due: the record `record` is now `verdict`. */
export interface AccreditationDueChange {
  readonly kind: 'accreditation';
  readonly record: AgencyRecordMemo;
  readonly fact: number;
  readonly verdict: AgencyVerdict;
}

/**
 * The agencies' records (not registry records) the log holds as official or pending, for one day of
 * record time, by agency, so that an accreditation fact logged after them reaches back as a key fact
 * does: `dueAfter` classifies each again at its own time and returns the changes, in log order. The
 * provenance service and an auditor replaying its log hold the same records with this one class,
 * fed every entry in log order (`noteClassified`, `noteChange`).
 *
 * Which verdict is due (the caller computes the rules' verdict, which needs the registry):
 * - the classification differs (official → pending-ncb, pending-ncb → official, either → rejected
 *   `acts-outside-its-scope`): a change;
 * - a request the rules now make pending whose own NCB's acknowledgement or endorsement is logged:
 *   official/`ncb-vouched` at once (what the other order gives: the vouch promotes it), from
 *   official as from pending;
 * - the same classification (official under another accreditation, pending for another reason):
 *   nothing; a request already promoted (`ncb-vouched`) stays so, and is no longer held.
 */
export class AccreditationReachBack {
  /** Current entry sequence → the record held. */
  readonly #held = new Map<number, HeldRecord>();
  readonly #byAgency = new Map<string, Set<number>>();
  /** Request id → the request held. */
  readonly #byRequest = new Map<string, HeldRecord>();
  /** The records in log order of their first entry, to forget those out of reach from the front. */
  readonly #inLogOrder: HeldRecord[] = [];
  #head = 0;
  /** The newest `record.time` (epoch ms) of every entry noted so far. */
  #newestRecordAt = Number.NEGATIVE_INFINITY;

  /** How many records it holds: about one day (of record time) of agencies' official and pending records. */
  get size(): number {
    return this.#held.size;
  }

  /** The oldest record time still within reach: a record made before it is never classified again. */
  get reachesBackTo(): number {
    return this.#newestRecordAt - ACCREDITATION_REACH_BACK_MS;
  }

  /**
   * Takes a classified entry (not a change) into account, before `requests` does (a vouch logged
   * before its request is still among `requests.awaitingRequest` then).
   */
  noteClassified(entry: LogEntry, requests: RequestVouches, isRegistryRecord: boolean): void {
    const recordAt = entry.record.time === null ? Number.NaN : Date.parse(entry.record.time);
    if (recordAt > this.#newestRecordAt) {
      this.#newestRecordAt = recordAt;
      this.forgetOutOfReach();
    }
    if (entry.classification === 'official' && isVouch(entry)) return this.#vouched(entry);
    const { source, evidence, record } = entry;
    if (isRegistryRecord || source?.kind !== 'agency' || source.country === undefined || evidence === null || Number.isNaN(recordAt)) return;
    if (recordAt < this.reachesBackTo) return;
    if (entry.classification !== 'official' && entry.classification !== 'pending-ncb') return;
    const requestId = requestingCountryOf(entry.recordData) === undefined ? undefined : requestIdOf(entry.recordData);
    const earlierVouch =
      requestId === undefined ? undefined : requests.awaitingRequest.get(requestId)?.find((waiting) => isVouch(waiting) && waiting.source!.country === source.country);
    const held: HeldRecord = {
      sequence: entry.sequence,
      recordAt,
      record: record as AgencyRecordMemo['record'],
      source: source as AgencyRecordMemo['source'],
      keyId: evidence.keyId,
      capabilities: capabilitiesOf(entry.recordData),
      requestId,
      classification: entry.classification,
      vouch: earlierVouch?.sequence,
    };
    this.#remember(held);
    if (requestId !== undefined && !this.#byRequest.has(requestId)) this.#byRequest.set(requestId, held);
    this.#inLogOrder.push(held);
  }

  /**
   * Takes a change of classification into account: the record is held at its new entry, or
   * forgotten once rejected or made official on its NCB's word. A request made pending again is
   * pending its NCB in `requests` too (the change names no request: its data is in the entry it
   * supersedes).
   */
  noteChange(entry: LogEntry, requests: RequestVouches): void {
    const held = entry.supersedes === undefined ? undefined : this.#held.get(entry.supersedes);
    if (held === undefined) return;
    this.#forget(held);
    if (entry.classification !== 'official' && entry.classification !== 'pending-ncb') return;
    if (entry.reason.code === 'ncb-vouched') return;
    held.sequence = entry.sequence;
    held.classification = entry.classification;
    this.#remember(held);
    if (held.requestId !== undefined && !this.#byRequest.has(held.requestId)) this.#byRequest.set(held.requestId, held);
    if (entry.classification === 'pending-ncb' && held.requestId !== undefined) requests.pendingByRequest.set(held.requestId, entry);
  }

  /**
   * The changes an official accreditation fact about `agencyId` (entry `fact`) makes due: each
   * record of the agency held, classified again by `verdictOf` (the rules at the record's time with
   * the registry as it stands after the fact), in log order, where the verdict is due (see the class).
   */
  dueAfter(agencyId: string, fact: number, verdictOf: (memo: AgencyRecordMemo) => AgencyVerdict): AccreditationDueChange[] {
    const sequences = [...(this.#byAgency.get(agencyId) ?? [])].sort((a, b) => a - b);
    const due: AccreditationDueChange[] = [];
    for (const sequence of sequences) {
      const memo: AgencyRecordMemo = { ...this.#held.get(sequence)! };
      // Held still (the front of the queue was newer), but out of reach all the same.
      if (memo.recordAt < this.reachesBackTo) continue;
      let verdict = verdictOf(memo);
      if (verdict.classification === 'pending-ncb' && memo.vouch !== undefined) {
        verdict = {
          classification: 'official',
          code: 'ncb-vouched',
          text: `The NCB of ${memo.source.country} acknowledged or endorsed the request (entry ${memo.vouch}).`,
          basis: [...new Set([...(verdict.basis ?? []), memo.vouch])].sort((a, b) => a - b),
        };
      }
      if (verdict.classification !== memo.classification || verdict.code === 'ncb-vouched') due.push({ kind: 'accreditation', record: memo, fact, verdict });
    }
    return due;
  }

  /**
   * Forgets, from the oldest logged on, the records now out of reach. Records reach the log roughly in
   * the order they were made, so this keeps about a day of them; one made earlier than a record
   * logged before it is forgotten after it, and `dueAfter` passes it over meanwhile.
   */
  forgetOutOfReach(): void {
    const cutoff = this.reachesBackTo;
    while (this.#head < this.#inLogOrder.length) {
      const held = this.#inLogOrder[this.#head]!;
      if (held.recordAt >= cutoff) break;
      this.#head += 1;
      if (this.#held.get(held.sequence) === held) this.#forget(held);
    }
    // Drop the queue's spent front now and then, so it holds about what is still held.
    if (this.#head > 1_024 && this.#head * 2 > this.#inLogOrder.length) {
      this.#inLogOrder.splice(0, this.#head);
      this.#head = 0;
    }
  }

  /** An official vouch: the request it names, if held and of the NCB's country, is now vouched for. */
  #vouched(entry: LogEntry): void {
    const requestId = requestIdOf(entry.recordData);
    const held = requestId === undefined ? undefined : this.#byRequest.get(requestId);
    if (held !== undefined && held.vouch === undefined && held.source.country === entry.source!.country) held.vouch = entry.sequence;
  }

  #remember(held: HeldRecord): void {
    this.#held.set(held.sequence, held);
    const sequences = this.#byAgency.get(held.source.id) ?? new Set<number>();
    this.#byAgency.set(held.source.id, sequences.add(held.sequence));
  }

  #forget(held: HeldRecord): void {
    this.#held.delete(held.sequence);
    const sequences = this.#byAgency.get(held.source.id);
    sequences?.delete(held.sequence);
    if (sequences?.size === 0) this.#byAgency.delete(held.source.id);
    if (held.requestId !== undefined && this.#byRequest.get(held.requestId) === held) this.#byRequest.delete(held.requestId);
  }
}

/** A memo as held: its entry, classification and vouch move as the log goes on. */
type HeldRecord = { -readonly [K in keyof AgencyRecordMemo]: AgencyRecordMemo[K] };
