import type { LogEntry } from './log-entry.js';
import { requestIdOf, requestingCountryOf } from './record-facts.js';
import { RecordsAwaitingRequest } from './records-awaiting-request.js';

/**
 * The record types by which an NCB vouches for a support request of its own country: any version
 * of the families `ncb-endorsement.RequestAcknowledged` and `ncb-endorsement.RequestEndorsed`
 * (`<producer>.<Name>.v<N>`, N a positive integer without leading zero, as the contracts write
 * event types). Read from the type name alone, so the auditor needs no event contracts.
 */
const VOUCHING_TYPE = /^ncb-endorsement\.(?:RequestAcknowledged|RequestEndorsed)\.v[1-9][0-9]*$/;

/**
 * How long (of log time) an official record about a request (an NCB vouch, a permit revoked…)
 * logged before that request waits for it: when the request comes within it, the record is checked
 * against the request's country then; after it its classification is final. It bounds what the
 * log (and an auditor replaying it) holds for such records by those of one week, never by the
 * length of the log (ENTRY-FORMAT.md, "How an auditor replays").
 */
export const RECORD_AWAITS_REQUEST_MS = 7 * 86_400_000;

/** A change of classification the request rules make due right after an entry; the log appends them next, in order. */
export type RequestDueChange =
  /** An official record (a vouch…) by a principal of another country than its request's: rejected now the request is logged (`acts-outside-its-country`). */
  | { readonly kind: 'outside-country'; readonly record: LogEntry; readonly request: number; readonly requestCountry: string }
  /** A pending request made official on its own NCB's word (`ncb-vouched`). */
  | { readonly kind: 'promotion'; readonly pending: LogEntry; readonly vouch: number };

/**
 * What a `RequestVouches` remembers of the requests' countries, each from the request's first
 * entry. How much is the caller's choice: the provenance service keeps every one (a `Map`), so
 * every record about a request is classified for that request's country; an auditor replaying a log
 * of any length keeps the latest ones (`RecentRequestCountries`).
 */
export interface RequestCountries {
  get(requestId: string): string | undefined;
  /** Called once per request, on its first entry (never for a request it still holds). */
  set(requestId: string, country: string): unknown;
  readonly size: number;
}

/** The countries of the latest `held` requests, oldest forgotten first: memory bounded whatever the length of the log. */
export class RecentRequestCountries implements RequestCountries {
  /** Request id → country, oldest first. */
  readonly #countries = new Map<string, string>();

  constructor(readonly held: number) {}

  get size(): number {
    return this.#countries.size;
  }

  get(requestId: string): string | undefined {
    return this.#countries.get(requestId);
  }

  set(requestId: string, country: string): this {
    this.#countries.set(requestId, country);
    if (this.#countries.size > this.held) this.#countries.delete(this.#countries.keys().next().value!);
    return this;
  }
}

/**
 * The support requests as the classification needs them, the same for the provenance service and
 * for an auditor replaying its log: the requests still pending their NCB, each request's country
 * (from its own entry: the first with `requestingAgency.country` that is not rejected and not a
 * vouch) as far as `countries` remembers it, and the official records about a request by a
 * principal of a country (NCB, agency) logged before the request, classified until then for the
 * country they state or their signer's, and held one week of log time (`RECORD_AWAITS_REQUEST_MS`).
 * A record logged after its request is classified for that request's country whatever the order of
 * arrival, as long as the request's country is remembered; with a memory that forgets (an
 * auditor's), a record about an older request that no longer pends is checked for its signer's own
 * country instead, not against the request's, which the log still knows.
 */
export class RequestVouches<Countries extends RequestCountries = RequestCountries> {
  readonly pendingByRequest = new Map<string, LogEntry>();
  readonly awaitingRequest = new RecordsAwaitingRequest();

  constructor(readonly countries: Countries) {}

  /** How many requests this holds something of: bounded by the open ones and what `countries` keeps. */
  get requestsHeld(): number {
    return this.pendingByRequest.size + this.awaitingRequest.size + this.countries.size;
  }

  /**
   * The country of the request `requestId` once its entry is logged: as remembered, else (a memory
   * that forgot it) the pending request's own (its requesting agency's, which is its signer's: an
   * agency is pending for its own country only).
   */
  countryOf(requestId: string): string | undefined {
    const pending = this.pendingByRequest.get(requestId);
    // A request made pending by a later accreditation fact is pending at a change entry without its data: its agency's country is the request's.
    return this.countries.get(requestId) ?? requestingCountryOf(pending?.recordData) ?? pending?.source?.country;
  }

  /** Takes a classified (not superseding, not rejected) entry into account; returns the changes it makes due. */
  applyClassified(entry: LogEntry): RequestDueChange[] {
    this.awaitingRequest.forgetOlderThan(Date.parse(entry.time) - RECORD_AWAITS_REQUEST_MS);
    const requestId = requestIdOf(entry.recordData);
    if (requestId === undefined) return [];
    const country = requestingCountryOf(entry.recordData);
    const vouch = entry.classification === 'official' && isVouch(entry);
    if (country === undefined || vouch) return this.aboutRequest(requestId, entry, vouch);
    const waited = this.countryOf(requestId) === undefined ? this.requestLogged(requestId, country) : [];
    const due: RequestDueChange[] = waited
      .filter((record) => record.source!.country !== country)
      .map((record) => ({ kind: 'outside-country', record, request: entry.sequence, requestCountry: country }));
    if (entry.classification === 'pending-ncb') {
      this.pendingByRequest.set(requestId, entry);
      const own = waited.find((record) => record.source!.country === country && isVouch(record));
      if (own !== undefined) due.push({ kind: 'promotion', pending: entry, vouch: own.sequence });
    }
    return due;
  }

  /**
   * Takes a superseding entry into account: the request it changes (made official, or rejected) no
   * longer waits for its NCB, and a record it rejects (a vouch) no longer waits for the request.
   */
  applyChange(entry: LogEntry): void {
    const requestId = requestIdOf(entry.recordData);
    if (requestId !== undefined) {
      if (this.pendingByRequest.get(requestId)?.sequence === entry.supersedes) this.pendingByRequest.delete(requestId);
      return;
    }
    // A rejection for a bad key names only the record (rare: a key compromised): look for it.
    for (const [id, pending] of this.pendingByRequest) {
      if (pending.sequence === entry.supersedes) this.pendingByRequest.delete(id);
    }
    for (const [id, records] of this.awaitingRequest) {
      const kept = records.filter((record) => record.sequence !== entry.supersedes);
      if (kept.length === 0) this.awaitingRequest.delete(id);
      else if (kept.length < records.length) this.awaitingRequest.set(id, kept);
    }
  }

  /** A record about a request other than the request itself: waits for it when official, by a principal of a country, and the request's country is not known. */
  private aboutRequest(requestId: string, entry: LogEntry, vouch: boolean): RequestDueChange[] {
    if (entry.classification === 'pending-ncb') this.pendingByRequest.set(requestId, entry);
    if (entry.classification !== 'official' || entry.source?.country === undefined) return [];
    const country = this.countryOf(requestId);
    if (country === undefined) {
      // Its request is not logged yet, or (a memory that forgets) an older one no longer held: then the log knows it and settles nothing later.
      this.awaitingRequest.add(requestId, entry);
      return [];
    }
    const pending = this.pendingByRequest.get(requestId);
    return vouch && pending !== undefined && entry.source.country === country ? [{ kind: 'promotion', pending, vouch: entry.sequence }] : [];
  }

  /** The request's first entry (as far as `countries` remembers): its country is known from now on, and the records that waited for it are settled. */
  private requestLogged(requestId: string, country: string): LogEntry[] {
    this.countries.set(requestId, country);
    const waited = this.awaitingRequest.get(requestId) ?? [];
    this.awaitingRequest.delete(requestId);
    return waited;
  }
}

/** Whether the entry is an NCB (of a country) acknowledging or endorsing a request, by its record type. */
export function isVouch(entry: Pick<LogEntry, 'record' | 'source'>): boolean {
  const source = entry.source;
  if (source?.kind !== 'ncb' || source.country === undefined) return false;
  return VOUCHING_TYPE.test(entry.record.type);
}
