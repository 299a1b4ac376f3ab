import { canonicalJson } from './canonical-json.js';
import type { LogEntry } from './log-entry.js';
import { LogEntryIsMalformed } from './log-entry.errors.js';
import { logEntryShapeProblem } from './log-entry.shape.js';

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * The entry's leaf bytes: its RFC 8785 (JCS) canonical JSON, UTF-8. The same entry gives the same
 * bytes whatever the order its keys were built in. Throws `LogEntryIsMalformed` for an entry that
 * `parseEntry` would refuse, so every entry written can be read back (`parseEntry(entryBytes(e))`
 * deep-equals `e`).
 */
export function entryBytes(entry: LogEntry): Uint8Array {
  const problem = logEntryShapeProblem(entry);
  if (problem !== undefined) throw new LogEntryIsMalformed(problem);
  return utf8Encoder.encode(canonicalJson(entry));
}

/**
 * Reads leaf bytes back into an entry. Throws `LogEntryIsMalformed` unless the bytes are strict
 * UTF-8 (no BOM) JSON of a well-formed version-1 entry AND are exactly its canonical form, so two
 * different byte strings never denote the same entry (no duplicate keys, no whitespace, no other
 * key order or number spelling).
 */
export function parseEntry(bytes: Uint8Array): LogEntry {
  let text: string;
  let value: unknown;
  try {
    text = utf8Decoder.decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw new LogEntryIsMalformed('the bytes are not UTF-8 JSON');
  }
  const problem = logEntryShapeProblem(value);
  if (problem !== undefined) throw new LogEntryIsMalformed(problem);
  if (canonicalJson(value) !== text) {
    throw new LogEntryIsMalformed('the bytes are not the canonical (RFC 8785) form of the entry');
  }
  return value as LogEntry;
}
