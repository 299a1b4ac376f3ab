import type { LogEntry } from '@wildlife/provenance-log';
import { requestIdOf } from '../records/record-facts.js';
import { isVouch, type ProvenanceLogState } from './provenance-log-state.js';
import { basisOf } from './verdict.js';

/**
 * After `entry` was applied: the pending request it makes official, if any. Either `entry` is an
 * NCB's official acknowledgement or endorsement of a request of its own country still pending, or
 * `entry` is a pending request that its country's NCB already vouched for (the vouch was logged
 * first: the two come from different services and topics, in no fixed order).
 */
export function promotionAfter(state: ProvenanceLogState, entry: LogEntry): { pending: LogEntry; vouch: number } | undefined {
  const requestId = requestIdOf(entry.recordData);
  if (requestId === undefined || entry.supersedes !== undefined) return undefined;
  const requestCountry = state.requestCountries.get(requestId);
  if (entry.classification === 'official' && isVouch(entry.record.type, entry.source)) {
    const pending = state.pendingByRequest.get(requestId);
    return pending !== undefined && entry.source!.country === requestCountry ? { pending, vouch: entry.sequence } : undefined;
  }
  if (entry.classification === 'pending-ncb' && state.pendingByRequest.get(requestId) === entry) {
    const vouch = state.vouchesByRequest.get(requestId)?.find((v) => v.country === requestCountry);
    return vouch === undefined ? undefined : { pending: entry, vouch: vouch.sequence };
  }
  return undefined;
}

/** The entry that changes a pending record to official on its NCB's word: the same record, signer and evidence. */
export function vouchedEntry(sequence: number, time: string, pending: LogEntry, vouch: number): LogEntry {
  const { supersedes: _none, basis, ...record } = pending;
  return {
    ...record,
    sequence,
    time,
    classification: 'official',
    reason: { code: 'ncb-vouched', text: `The NCB of ${pending.source?.country ?? 'its country'} acknowledged or endorsed the request (entry ${vouch}).` },
    supersedes: pending.sequence,
    basis: basisOf(...(basis ?? []), vouch),
  };
}
