import { entryBytes, leafHash, type LogEntry } from '@wildlife/provenance-log';
import { classifyRecord } from './classify-record.js';
import { loggedEntryOf, type LoggableRecord } from './log-entry-of.js';
import { changeEntry } from './classification-changes.js';
import type { ProvenanceLogState } from './provenance-log-state.js';
import { isTheLoggedRecord, reusedIdOf } from './record-identity.js';
import type { SignaturePrechecks } from './signature-prechecks.js';
import { signedProvenanceOf } from './signed-provenance.js';
import { rejected, type Verdict } from './verdict.js';

export interface PlannedEntry {
  readonly entry: LogEntry;
  readonly bytes: Uint8Array;
  readonly leafHash: Uint8Array;
}

/**
 * The entries that log `records`, in order, applied to `state` as they are planned (so each record
 * is classified with everything before it, including earlier records of the same batch). A record
 * that `alreadyLogged` (by id, its first entry) holds gets no entry (appending it again is a no-op),
 * nor does a repeat within the batch. A different record under an id already logged is not
 * dropped: it is logged as rejected (`record-id-reused`) under `reusedIdOf` its own identity,
 * which `alreadyLogged` must hold too if it was logged (`loggedRecords` asks for both). A record after which the rules make changes of classification due (a pending
 * request made official by its NCB's vouch; a vouch logged before its request rejected because the
 * request is another country's) is followed by the entries that make them, in that order. Times never go backwards along the log. Signatures checked ahead in `prechecks` are
 * not checked again (same outcome, see `SignaturePrechecks`).
 */
export function planEntries(
  state: ProvenanceLogState,
  records: readonly LoggableRecord[],
  now: Date,
  alreadyLogged: ReadonlyMap<string, LogEntry>,
  prechecks?: SignaturePrechecks,
): PlannedEntry[] {
  const planned: PlannedEntry[] = [];
  const seen = new Map(alreadyLogged);
  const append = (entry: LogEntry, bytes = entryBytes(entry)) => {
    const due = state.apply(entry);
    planned.push({ entry, bytes, leafHash: leafHash(bytes) });
    return due;
  };
  for (const record of records) {
    const earlier = seen.get(record.id);
    if (earlier !== undefined && isTheLoggedRecord(earlier, record)) continue;
    const reused = earlier !== undefined && record.kind === 'record' ? { record: { ...record, id: reusedIdOf(record) }, verdict: idReused(record, earlier) } : undefined;
    if (reused !== undefined && seen.has(reused.record.id)) continue;
    const time = nextTime(state, now);
    const { entry, bytes } = loggedEntryOf(state.size, time, reused?.record ?? record, reused?.verdict ?? verdictFor(state, record, prechecks));
    seen.set(entry.record.id, entry);
    for (const change of append(entry, bytes)) append(changeEntry(state.size, time, change));
  }
  return planned;
}

function verdictFor(state: ProvenanceLogState, record: LoggableRecord, prechecks: SignaturePrechecks | undefined): Verdict {
  if (record.kind === 'unparsed') return rejected('record-malformed', `The message is not a record event: ${record.problem}`);
  try {
    return classifyRecord(state, record, prechecks && ((registryKey, material, publicKey) => prechecks.reverify(record, registryKey, material, publicKey)));
  } catch (error) {
    // The classification is pure: an error here would recur on every retry and stall the partition.
    return rejected('classification-failed', `The record could not be classified: ${(error as Error).message}`);
  }
}

/** A different record under an id the log holds: rejected under its own identity, with what it carries. */
function idReused(record: Extract<LoggableRecord, { kind: 'record' }>, logged: LogEntry): Verdict {
  const { source, evidence } = signedProvenanceOf(record.provenance);
  return rejected('record-id-reused', `Another record (entry ${logged.sequence}) was logged under the id "${record.id}": this one is logged apart, never in its place.`, { source, evidence });
}

function nextTime(state: ProvenanceLogState, now: Date): string {
  const time = now.toISOString();
  return state.lastTime !== undefined && state.lastTime > time ? state.lastTime : time;
}
