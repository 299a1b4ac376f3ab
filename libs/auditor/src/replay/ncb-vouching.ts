import type { LogEntry } from '@wildlife/provenance-log';
import { basisOf, isVouch, type LogReplay } from './log-replay.js';
import { requestIdOf } from './record-fields.js';

/** A pending request the rules make official right after an entry, on its NCB's word. */
export interface DuePromotion {
  readonly pending: LogEntry;
  /** The NCB's acknowledgement or endorsement entry. */
  readonly vouch: number;
}

/**
 * After `entry` was applied: the pending request the rules make official next, if any. Either the
 * entry is the NCB's official vouch for a pending request of its own country, or the entry is a
 * pending request its country's NCB already vouched for (vouch and request come from different
 * services, in either order). The log must follow such an entry with the promotion.
 */
export function promotionDueAfter(replay: LogReplay, entry: LogEntry): DuePromotion | undefined {
  const requestId = requestIdOf(entry.recordData);
  if (requestId === undefined || entry.supersedes !== undefined) return undefined;
  const requestCountry = replay.requestCountries.get(requestId);
  if (entry.classification === 'official' && isVouch(entry)) {
    const pending = replay.pendingByRequest.get(requestId);
    return pending !== undefined && entry.source!.country === requestCountry ? { pending, vouch: entry.sequence } : undefined;
  }
  if (entry.classification === 'pending-ncb' && replay.pendingByRequest.get(requestId) === entry) {
    const vouch = replay.vouchesByRequest.get(requestId)?.find((v) => v.country === requestCountry);
    return vouch === undefined ? undefined : { pending: entry, vouch: vouch.sequence };
  }
  return undefined;
}

/**
 * Why `entry` is not the promotion that was due, or undefined when it is: the same record, source,
 * evidence and data as the pending entry, made official (`ncb-vouched`), superseding it, resting on
 * its basis plus the vouch.
 */
export function promotionProblem(entry: LogEntry, due: DuePromotion): string | undefined {
  const { pending, vouch } = due;
  if (entry.supersedes !== pending.sequence) {
    return `entry ${vouch} made pending entry ${pending.sequence} official, so this entry must supersede it (it ${entry.supersedes === undefined ? 'supersedes nothing' : `supersedes ${entry.supersedes}`})`;
  }
  if (entry.classification !== 'official' || entry.reason.code !== 'ncb-vouched') {
    return `a promotion on the NCB's word is official/ncb-vouched, not ${entry.classification}/${entry.reason.code}`;
  }
  const same = (field: 'record' | 'source' | 'evidence' | 'recordData') => JSON.stringify(entry[field]) === JSON.stringify(pending[field]);
  const changed = (['record', 'source', 'evidence', 'recordData'] as const).find((field) => !same(field));
  if (changed !== undefined) return `its ${changed} differs from the ${changed} of the pending entry ${pending.sequence} it supersedes`;
  const expected = basisOf(...(pending.basis ?? []), vouch);
  if (JSON.stringify(entry.basis) !== JSON.stringify(expected)) {
    return `its basis is ${JSON.stringify(entry.basis ?? null)}, the rules give ${JSON.stringify(expected)}`;
  }
  return undefined;
}
