import { parseEventType, type Principal } from '@wildlife/contracts';
import { RecordsAwaitingRequest, type LogEntry } from '@wildlife/provenance-log';
import { requestIdOf, requestingCountryOf } from '../records/record-facts.js';
import type { DueChange } from './due-change.js';

/** The record families by which an NCB vouches for a support request of its country. */
const VOUCHING_FAMILIES = ['ncb-endorsement.RequestAcknowledged', 'ncb-endorsement.RequestEndorsed'];

/**
 * How long (of log time) an official record about a request (an NCB vouch, a permit revoked…)
 * logged before that request waits for it: when the request comes within it, the record is checked
 * against the request's country then; after it its classification is final. It bounds what the
 * log (and an auditor replaying it) holds for such records by those of one week, never by the
 * length of the log.
 */
export const RECORD_AWAITS_REQUEST_MS = 7 * 86_400_000;

/**
 * The support requests as the classification needs them: each request's country (from its own
 * entry: the first with `requestingAgency.country` that is not rejected and not a vouch), the
 * requests still pending their NCB, and the official records about a request by a principal of a
 * country (NCB, agency) logged before the request, classified until then for the country they
 * state or their signer's. Every request's country is kept, so a record logged after its request
 * is classified for that request's country whatever the order of arrival.
 */
export class RequestVouches {
  readonly pendingByRequest = new Map<string, LogEntry>();
  readonly awaitingRequest = new RecordsAwaitingRequest();
  readonly requestCountries = new Map<string, string>();

  /** The country of the request `requestId`, once its entry is logged. */
  countryOf(requestId: string): string | undefined {
    return this.requestCountries.get(requestId);
  }

  /** Takes a classified (not superseding, not rejected) entry into account; returns the changes it makes due. */
  applyClassified(entry: LogEntry): DueChange[] {
    this.forgetWaitingOlderThan(Date.parse(entry.time) - RECORD_AWAITS_REQUEST_MS);
    const requestId = requestIdOf(entry.recordData);
    if (requestId === undefined) return [];
    const country = requestingCountryOf(entry.recordData);
    const vouch = entry.classification === 'official' && isVouch(entry.record.type, entry.source);
    if (country === undefined || vouch) return this.aboutRequest(requestId, entry, vouch);
    const waited = this.requestCountries.has(requestId) ? [] : this.requestLogged(requestId, country);
    const due: DueChange[] = waited
      .filter((record) => record.source!.country !== country)
      .map((record) => ({ kind: 'outside-country', record, request: entry.sequence, requestCountry: country }));
    if (entry.classification === 'pending-ncb') {
      this.pendingByRequest.set(requestId, entry);
      const own = waited.find((record) => record.source!.country === country && isVouch(record.record.type, record.source));
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
    for (const [requestId, vouches] of this.awaitingRequest) {
      const kept = vouches.filter((vouch) => vouch.sequence !== entry.supersedes);
      if (kept.length === 0) this.awaitingRequest.delete(requestId);
      else if (kept.length < vouches.length) this.awaitingRequest.set(requestId, kept);
    }
  }

  /** A record about a request other than the request itself: waits for it when official and logged first. */
  private aboutRequest(requestId: string, entry: LogEntry, vouch: boolean): DueChange[] {
    if (entry.classification === 'pending-ncb') this.pendingByRequest.set(requestId, entry);
    if (entry.classification !== 'official' || entry.source?.country === undefined) return [];
    const country = this.requestCountries.get(requestId);
    if (country === undefined) {
      this.awaitingRequest.add(requestId, entry);
      return [];
    }
    const pending = this.pendingByRequest.get(requestId);
    return vouch && pending !== undefined && entry.source.country === country ? [{ kind: 'promotion', pending, vouch: entry.sequence }] : [];
  }

  /** The request's first entry: its country is known from now on, and the records that waited for it are settled. */
  private requestLogged(requestId: string, country: string): LogEntry[] {
    this.requestCountries.set(requestId, country);
    const waited = this.awaitingRequest.get(requestId) ?? [];
    this.awaitingRequest.delete(requestId);
    return waited;
  }

  /** Records wait for their request one week of log time (`RecordsAwaitingRequest` knows which are the oldest). */
  private forgetWaitingOlderThan(cutoff: number): void {
    this.awaitingRequest.forgetOlderThan(cutoff);
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
