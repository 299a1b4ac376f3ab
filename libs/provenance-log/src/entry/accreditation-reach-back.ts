import type { LogClassification, LogEntry, LoggedPrincipal, LoggedRecord } from './log-entry.js';
import { capabilitiesOf, requestIdOf, requestingCountryOf } from './record-facts.js';
import { LogOrderQueue } from './log-order-queue.js';
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

/** The registry facts that reach back: those that change whether, or for what, an agency is accredited. */
const ACCREDITATION_FACTS: ReadonlySet<string> = new Set(['AgencyAccredited', 'AccreditationSuspended', 'AccreditationReinstated', 'AccreditationRevoked']);

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
  /**
   * The first official acknowledgement or endorsement of the request by its own country's NCB
   * logged so far and still standing (a change that rejects it since, for its key or its country,
   * takes it away: the next one standing, if any, is the request's vouch then).
   */
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
 *
 * A vouch counts while it stands: a change that rejects it (its key revoked or rotated from before
 * it, `acts-outside-its-country`) takes it from its request, which rests on its NCB's next vouch
 * still standing, or on none; so a suspension logged after the rejection leaves the request pending,
 * as it would be had the key fact come before the vouch. A promotion made before the rejection
 * stands (the request is no longer held), as `RequestVouches` leaves one (ENTRY-FORMAT.md).
 */
export class AccreditationReachBack {
  /** Current entry sequence → the record held. */
  readonly #held = new Map<number, HeldRecord>();
  readonly #byAgency = new Map<string, Set<number>>();
  /** Request id → the request held. */
  readonly #byRequest = new Map<string, HeldRecord>();
  /** A vouch's entry sequence → the request held it vouches for (each vouch is taken by one request at most). */
  readonly #byVouch = new Map<number, HeldRecord>();
  /** The records in log order of their first entry, to forget those out of reach from the front. */
  readonly #inLogOrder = new LogOrderQueue<HeldRecord>();
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
    // Those still waiting are standing: a change rejecting one takes it from the waiting records (`RequestVouches.applyChange`).
    const earlierVouches =
      requestId === undefined
        ? []
        : (requests.awaitingRequest.get(requestId) ?? []).filter((waiting) => isVouch(waiting) && waiting.source!.country === source.country).map((waiting) => waiting.sequence);
    const held: HeldRecord = {
      sequence: entry.sequence,
      recordAt,
      record: record as AgencyRecordMemo['record'],
      source: source as AgencyRecordMemo['source'],
      keyId: evidence.keyId,
      capabilities: capabilitiesOf(entry.recordData),
      requestId,
      classification: entry.classification,
      vouches: earlierVouches.sort((a, b) => a - b),
    };
    for (const vouch of held.vouches) this.#byVouch.set(vouch, held);
    this.#remember(held);
    if (requestId !== undefined && !this.#byRequest.has(requestId)) this.#byRequest.set(requestId, held);
    this.#inLogOrder.push(held);
  }

  /**
   * Takes a change of classification into account: the record is held at its new entry, or
   * forgotten once rejected or made official on its NCB's word. A request made pending again is
   * pending its NCB in `requests` too (the change names no request: its data is in the entry it
   * supersedes). A change of a held request's vouch (the rules only ever reject a vouch) takes it
   * from the request's vouches.
   */
  noteChange(entry: LogEntry, requests: RequestVouches): void {
    if (entry.supersedes === undefined) return;
    const vouched = this.#byVouch.get(entry.supersedes);
    if (vouched !== undefined) {
      this.#byVouch.delete(entry.supersedes);
      vouched.vouches = vouched.vouches.filter((vouch) => vouch !== entry.supersedes);
      return;
    }
    const held = this.#held.get(entry.supersedes);
    if (held === undefined) return;
    this.#forget(held);
    if ((entry.classification !== 'official' && entry.classification !== 'pending-ncb') || entry.reason.code === 'ncb-vouched') {
      this.#release(held);
      return;
    }
    held.sequence = entry.sequence;
    held.classification = entry.classification;
    this.#remember(held);
    if (held.requestId !== undefined && !this.#byRequest.has(held.requestId)) this.#byRequest.set(held.requestId, held);
    if (entry.classification === 'pending-ncb' && held.requestId !== undefined) requests.pendingByRequest.set(held.requestId, entry);
  }

  /**
   * The changes an official registry fact (logged as entry `fact`) makes due: none unless it is an
   * accreditation fact (`ACCREDITATION_FACTS`); then each record held of the agency it is about,
   * classified again by `verdictOf` (the rules at the record's time with the registry as it stands
   * after the fact), in log order, where the verdict is due (see the class).
   */
  dueAfter(registryFact: { readonly type: string; readonly agencyId?: string }, fact: number, verdictOf: (memo: AgencyRecordMemo) => AgencyVerdict): AccreditationDueChange[] {
    if (!ACCREDITATION_FACTS.has(registryFact.type) || registryFact.agencyId === undefined) return [];
    const sequences = [...(this.#byAgency.get(registryFact.agencyId) ?? [])].sort((a, b) => a - b);
    const due: AccreditationDueChange[] = [];
    for (const sequence of sequences) {
      const { vouches, ...held } = this.#held.get(sequence)!;
      const memo: AgencyRecordMemo = { ...held, vouch: vouches[0] };
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
    for (let held = this.#inLogOrder.peek(); held !== undefined && held.recordAt < cutoff; held = this.#inLogOrder.peek()) {
      this.#inLogOrder.shift();
      if (this.#held.get(held.sequence) !== held) continue;
      this.#forget(held);
      this.#release(held);
    }
  }

  /** An official vouch: the request it names, if held and of the NCB's country, is now vouched for (by this one too, should the earlier ones be rejected). */
  #vouched(entry: LogEntry): void {
    const requestId = requestIdOf(entry.recordData);
    const held = requestId === undefined ? undefined : this.#byRequest.get(requestId);
    if (held === undefined || held.source.country !== entry.source!.country) return;
    held.vouches.push(entry.sequence);
    this.#byVouch.set(entry.sequence, held);
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

  /** A record forgotten for good (out of reach, rejected, or promoted): its vouches no longer matter. */
  #release(held: HeldRecord): void {
    for (const vouch of held.vouches) this.#byVouch.delete(vouch);
  }
}

/**
 * A memo as held: its entry, classification and vouches move as the log goes on. `vouches`: every
 * official vouch of the request by its own country's NCB logged so far and not rejected since,
 * ascending (the memo's `vouch` is the first); a request has few.
 */
type HeldRecord = { -readonly [K in Exclude<keyof AgencyRecordMemo, 'vouch'>]: AgencyRecordMemo[K] } & { vouches: number[] };
