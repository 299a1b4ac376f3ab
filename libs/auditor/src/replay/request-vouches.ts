import { RecordsAwaitingRequest, type LogEntry } from '@wildlife/provenance-log';
import { eventNameOf, requestIdOf, requestingCountryOf } from './record-fields.js';

/** The record families by which an NCB vouches for a support request of its own country. */
const VOUCHING_FAMILIES: readonly string[] = ['ncb-endorsement.RequestAcknowledged', 'ncb-endorsement.RequestEndorsed'];

/**
 * How long (of log time) an official record about a request (a vouch…) logged before the request
 * waits for it: the log's rule (ENTRY-FORMAT.md, "How an auditor replays"). Past it the record is
 * forgotten, by the log and here.
 */
export const RECORD_AWAITS_REQUEST_MS = 7 * 86_400_000;

/** A change of classification the rules make due right after an entry; the log must log them next, in order. */
export type DueChange =
  | { readonly kind: 'outside-country'; readonly record: LogEntry; readonly request: number; readonly requestCountry: string }
  | { readonly kind: 'promotion'; readonly pending: LogEntry; readonly vouch: number }
  /**
   * After a key fact (entry `keyFact`): the log rejects, in log order, the records signed with
   * `keyId` that it no longer verifies. Which ones, this replay cannot tell without holding every
   * record (it would grow with the log): it checks that each such rejection is well-founded.
   */
  | { readonly kind: 'key-invalid'; readonly keyId: string; readonly keyFact: number };

/**
 * How many of the latest requests' countries the replay holds besides the pending ones (~1.5 MB):
 * years of this process's requests (support requests to the GS number in the thousands a year), so
 * the decisions about a request come long before it is forgotten. It was 100,000 (~15 MB) when first
 * written; that made the verifier's memory grow tenfold between a log of 10,000 entries and one of
 * 100,000 (bench/provenance, session 12).
 */
export const RECENT_REQUESTS_HELD = 10_000;

/**
 * The requests replayed from the log, holding only what is open or recent: the requests pending
 * their NCB, the countries of the latest `RECENT_REQUESTS_HELD` requests, and the official records
 * about a request (vouches…, of the last week of log time) logged before the request. So it never grows with the
 * log; the price is that a record about an older request that no longer pends is checked for its
 * signer's own country, not against the request's (`knownCountryOf`), which the log still knows.
 */
export class RequestVouches {
  readonly pendingByRequest = new Map<string, LogEntry>();
  readonly awaitingRequest = new RecordsAwaitingRequest();
  /** Request id → country, oldest first. */
  readonly #recentCountries = new Map<string, string>();

  constructor(private readonly recentHeld = RECENT_REQUESTS_HELD) {}

  /** How many requests this replay holds something of: bounded by the open and recent ones, never by the log. */
  get requestsHeld(): number {
    return this.pendingByRequest.size + this.awaitingRequest.size + this.#recentCountries.size;
  }

  /** The country of the request, while it is pending or among the latest requests. */
  knownCountryOf(requestId: string): string | undefined {
    return requestingCountryOf(this.pendingByRequest.get(requestId)?.recordData) ?? this.#recentCountries.get(requestId);
  }

  /** Takes a classified (not superseding, not rejected) entry into account; returns the changes it makes due. */
  applyClassified(entry: LogEntry): DueChange[] {
    this.forgetWaitingOlderThan(Date.parse(entry.time) - RECORD_AWAITS_REQUEST_MS);
    const requestId = requestIdOf(entry.recordData);
    if (requestId === undefined) return [];
    const country = requestingCountryOf(entry.recordData);
    const vouch = entry.classification === 'official' && isVouch(entry);
    if (country === undefined || vouch) return this.aboutRequest(requestId, entry, vouch);
    const waited = this.knownCountryOf(requestId) === undefined ? this.requestLogged(requestId, country) : [];
    const due: DueChange[] = waited
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
   * longer waits for its NCB (and this replay forgets it), and a vouch it rejects vouches for nothing.
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
    for (const [id, vouches] of this.awaitingRequest) {
      const kept = vouches.filter((vouch) => vouch.sequence !== entry.supersedes);
      if (kept.length === 0) this.awaitingRequest.delete(id);
      else if (kept.length < vouches.length) this.awaitingRequest.set(id, kept);
    }
  }

  /** A record about a request other than the request itself: waits for it when official, by a principal of a country, and the request is not held. */
  private aboutRequest(requestId: string, entry: LogEntry, vouch: boolean): DueChange[] {
    if (entry.classification === 'pending-ncb') this.pendingByRequest.set(requestId, entry);
    if (entry.classification !== 'official' || entry.source?.country === undefined) return [];
    const country = this.knownCountryOf(requestId);
    if (country === undefined) {
      // Its request is not logged yet, or an older one no longer held (then the log knows it and settles nothing later).
      this.awaitingRequest.add(requestId, entry);
      return [];
    }
    const pending = this.pendingByRequest.get(requestId);
    return vouch && pending !== undefined && entry.source.country === country ? [{ kind: 'promotion', pending, vouch: entry.sequence }] : [];
  }

  /** The request's first entry (as far as this replay holds): the vouches that waited for it are settled. */
  private requestLogged(requestId: string, country: string): LogEntry[] {
    this.#recentCountries.set(requestId, country);
    if (this.#recentCountries.size > this.recentHeld) this.#recentCountries.delete(this.#recentCountries.keys().next().value!);
    const waited = this.awaitingRequest.get(requestId) ?? [];
    this.awaitingRequest.delete(requestId);
    return waited;
  }

  /** Records wait for their request one week of log time (`RecordsAwaitingRequest` knows which are the oldest). */
  private forgetWaitingOlderThan(cutoff: number): void {
    this.awaitingRequest.forgetOlderThan(cutoff);
  }

}

/** Whether the entry is an NCB acknowledging or endorsing a request. */
export function isVouch(entry: Pick<LogEntry, 'record' | 'source'>): boolean {
  const source = entry.source;
  if (source?.kind !== 'ncb' || source.country === undefined) return false;
  const family = eventNameOf(entry.record.type)?.family;
  return family !== undefined && VOUCHING_FAMILIES.includes(family);
}
