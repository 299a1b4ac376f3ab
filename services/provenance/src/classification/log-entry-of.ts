import { logEntryShapeProblem, type LogEntry, type LoggedRecord } from '@wildlife/provenance-log';
import type { SignedRecordCandidate, UnparsedRecord } from '../records/received-record.js';
import { rejected, type Verdict } from './verdict.js';

/** A record the log classifies: every received record but those that are not signed records. */
export type LoggableRecord = UnparsedRecord | SignedRecordCandidate;

export function loggedRecordOf(record: LoggableRecord): LoggedRecord {
  return record.kind === 'unparsed'
    ? { id: record.id, type: record.type, subject: null, time: null }
    : { id: record.id, type: record.type, subject: record.subject, time: record.time };
}

/**
 * The entry for a record and its verdict at `sequence`. Guarantees a well-formed entry whatever the
 * record holds: when the full entry is not one (its data is not I-JSON, its material has a field
 * out of range, its time is not RFC 3339), it falls back to a rejection that keeps only what is
 * well-formed, so a strange record is logged, never dropped, and never blocks the log.
 */
export function logEntryOf(sequence: number, time: string, record: LoggableRecord, verdict: Verdict): LogEntry {
  const identity = loggedRecordOf(record);
  const data = record.kind === 'record' && record.data !== undefined ? { recordData: record.data } : {};
  const full: LogEntry = { v: 1, sequence, time, record: identity, ...verdictFields(verdict), ...data };
  const problem = logEntryShapeProblem(full);
  if (problem === undefined) return full;
  const unloggable = rejected('record-malformed', `The record cannot be logged as received: ${problem}.`);
  const bare: LogEntry = { v: 1, sequence, time, record: identity, ...verdictFields(unloggable) };
  if (logEntryShapeProblem(bare) === undefined) return bare;
  return { ...bare, record: { ...identity, subject: null, time: null } };
}

function verdictFields(verdict: Verdict) {
  return {
    source: verdict.source,
    classification: verdict.classification,
    reason: verdict.reason,
    evidence: verdict.evidence,
    ...(verdict.basis !== undefined && { basis: verdict.basis }),
  };
}
