import type { LogEntry, LoggedPrincipal, LoggedRecord } from '@wildlife/provenance-log';
import { resolveKey, type RegistryState } from '@wildlife/registry';

/** What the log keeps of a record's current classification to reject it should its key turn out bad. */
export interface SignedRecordMemo {
  /** The record's current entry (its first, or the change that made it official). */
  readonly sequence: number;
  readonly keyId: string;
  readonly record: LoggedRecord;
  readonly source: LoggedPrincipal;
}

/**
 * The records (not registry records: those come in the registry's own order, before any fact that
 * could undo their key) that the log holds as not rejected, by the key that signed them. A key
 * revoked as compromised (`compromisedSince`, or from its first day) no longer verifies records
 * observed before the revocation was logged, so those become rejected whichever of record and
 * revocation reached the log first: `invalidatedBy` finds them.
 */
export class RecordsByKey {
  readonly #memos = new Map<number, SignedRecordMemo>();
  readonly #sequencesByKey = new Map<string, Set<number>>();

  /** A record classified as not rejected. */
  add(entry: LogEntry): void {
    if (entry.evidence === null || entry.source === null || entry.record.time === null) return;
    this.#remember({ sequence: entry.sequence, keyId: entry.evidence.keyId, record: entry.record, source: entry.source });
  }

  /** A change of classification: the record is remembered at its new entry, or forgotten when rejected. */
  changed(entry: LogEntry): void {
    const memo = entry.supersedes === undefined ? undefined : this.#memos.get(entry.supersedes);
    if (memo === undefined) return;
    this.#memos.delete(memo.sequence);
    this.#sequencesByKey.get(memo.keyId)?.delete(memo.sequence);
    if (entry.classification !== 'rejected') this.#remember({ ...memo, sequence: entry.sequence });
  }

  /** The records signed with `keyId` that its key no longer verifies in `registry`, in log order. */
  invalidatedBy(registry: RegistryState, keyId: string): SignedRecordMemo[] {
    const sequences = [...(this.#sequencesByKey.get(keyId) ?? [])].sort((a, b) => a - b);
    return sequences.map((sequence) => this.#memos.get(sequence)!).filter((memo) => 'refused' in resolveKey(registry, keyId, memo.record.time!));
  }

  #remember(memo: SignedRecordMemo): void {
    this.#memos.set(memo.sequence, memo);
    const sequences = this.#sequencesByKey.get(memo.keyId) ?? new Set<number>();
    this.#sequencesByKey.set(memo.keyId, sequences.add(memo.sequence));
  }
}
