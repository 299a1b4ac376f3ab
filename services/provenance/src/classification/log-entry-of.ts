import { entryBytes, LogEntryIsMalformed, logEntryShapeProblem, type LogEntry, type LoggedRecord } from '@wildlife/provenance-log';
import type { SignedRecordCandidate, UnparsedRecord } from '../records/received-record.js';
import { rejected, type Verdict } from './verdict.js';

/** A record the log classifies: every received record but those that are not signed records. */
export type LoggableRecord = UnparsedRecord | SignedRecordCandidate;

/**
 * The most leaf bytes any entry has. Each entry is one message on the log topic, and the broker
 * refuses a record batch above the topic's `max.message.bytes` (1,048,588 bytes by default, which
 * the log topic keeps): one entry too large would stop the publication of the whole log for good.
 * 1,000,000 leaves 48 kB for the batch's framing, the key and the headers (origin ≤ 200 bytes).
 */
export const MAX_ENTRY_BYTES = 1_000_000;

/**
 * The most leaf bytes of the entry that classifies a record: below MAX_ENTRY_BYTES by more than a
 * change of its classification adds to a copy of it (`vouchedEntry`: another reason sentence,
 * `supersedes`, one more basis sequence), so that the change fits too.
 */
export const MAX_RECORD_ENTRY_BYTES = MAX_ENTRY_BYTES - 4_096;

/** Longest reason sentence of the last-resort entry (a malformed record's reason names the fault). */
const LAST_RESORT_REASON_LENGTH = 1_000;

export function loggedRecordOf(record: LoggableRecord): LoggedRecord {
  return record.kind === 'unparsed'
    ? { id: record.id, type: record.type, subject: null, time: null }
    : { id: record.id, type: record.type, subject: record.subject, time: record.time };
}

/**
 * The entry for a record and its verdict at `sequence`. Guarantees a well-formed entry of at most
 * MAX_RECORD_ENTRY_BYTES whatever the record holds (its id and type being at most 200 characters,
 * as `readReceivedRecord` gives them), so a strange record is logged, never dropped, and never
 * blocks the log or its publication:
 * - when the full entry is not well-formed (its data is not I-JSON, its material has a field out of
 *   range, its time is not RFC 3339), a `record-malformed` rejection that keeps only what is;
 * - when it is larger than the bound (data and signed body of up to a Kafka message each, numbers
 *   like `1e20` written out in full by canonical JSON), a `record-too-large` rejection without the
 *   data and the signature material, which names the SHA-256 of the message as received; it keeps
 *   the claimed source when that fits, so the producer hears of the rejection.
 */
export function logEntryOf(sequence: number, time: string, record: LoggableRecord, verdict: Verdict): LogEntry {
  return loggedEntryOf(sequence, time, record, verdict).entry;
}

/** An entry and its leaf bytes (`entryBytes`). */
export interface EntryAndBytes {
  readonly entry: LogEntry;
  readonly bytes: Uint8Array;
}

/**
 * `logEntryOf`, with the entry's leaf bytes: the full entry is serialised once, and that
 * serialisation both measures it against the bound and is its leaf (no second shape check and
 * canonical write for the bytes, no third pass for the size).
 */
export function loggedEntryOf(sequence: number, time: string, record: LoggableRecord, verdict: Verdict): EntryAndBytes {
  const identity = loggedRecordOf(record);
  const data = record.kind === 'record' && record.data !== undefined ? { recordData: record.data } : {};
  const full: LogEntry = { v: 1, sequence, time, record: identity, ...verdictFields(verdict), ...data };
  let bytes: Uint8Array | undefined;
  let problem: string | undefined;
  try {
    bytes = entryBytes(full);
  } catch (error) {
    if (!(error instanceof LogEntryIsMalformed)) throw error;
    problem = error.reason;
  }
  if (bytes !== undefined && bytes.length <= MAX_RECORD_ENTRY_BYTES) return { entry: full, bytes };
  const rejection =
    bytes === undefined
      ? rejected('record-malformed', `The record cannot be logged as received: ${problem}.`)
      : rejected('record-too-large', tooLargeReason(bytes.length, record), { source: verdict.source, evidence: null });
  const bare: LogEntry = { v: 1, sequence, time, record: identity, ...verdictFields(rejection) };
  const anonymous: LogEntry = { ...bare, source: null, record: { ...identity, subject: null, time: null } };
  const lastResort: LogEntry = { ...anonymous, reason: { code: rejection.reason.code, text: clip(rejection.reason.text, LAST_RESORT_REASON_LENGTH) } };
  const entry = [bare, { ...bare, source: null }, anonymous].find(isLoggable) ?? lastResort;
  return { entry, bytes: entryBytes(entry) };
}

function isLoggable(entry: LogEntry): boolean {
  return logEntryShapeProblem(entry) === undefined && leafSize(entry) <= MAX_RECORD_ENTRY_BYTES;
}

/**
 * The length of a well-formed entry's leaf bytes without writing them: RFC 8785 writes strings and
 * numbers as `JSON.stringify` does, and sorting the keys changes no length.
 */
function leafSize(entry: LogEntry): number {
  return Buffer.byteLength(JSON.stringify(entry), 'utf8');
}

function tooLargeReason(size: number, record: LoggableRecord): string {
  const digest = record.kind === 'record' && record.valueSha256 !== undefined ? ` The SHA-256 of the message as received is ${record.valueSha256}.` : '';
  return `The record's entry would be ${size} bytes, more than the ${MAX_RECORD_ENTRY_BYTES} the log takes: it is logged without its data and signature material.${digest}`;
}

/** At most `max` characters, cut between code points (never half of a surrogate pair). */
function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
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
