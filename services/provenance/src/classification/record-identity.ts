import { createHash } from 'node:crypto';
import { entryBytes, type LogEntry } from '@wildlife/provenance-log';
import { loggedEntryOf, type LoggableRecord } from './log-entry-of.js';
import { signedProvenanceOf } from './signed-provenance.js';
import type { Verdict } from './verdict.js';

/**
 * Whether `record` is the very record `logged` (its first entry) logs, delivered again: the entry
 * it would get in that entry's place, with that entry's verdict, is that entry byte for byte. Any
 * other record under the same id (another type, subject, time, data or signature) is not.
 */
export function isTheLoggedRecord(logged: LogEntry, record: LoggableRecord): boolean {
  if (record.kind === 'unparsed') return logged.record.id === record.id; // its id is the hash of its bytes
  const signed = signedProvenanceOf(record.provenance);
  const verdict: Verdict = {
    classification: logged.classification,
    reason: logged.reason,
    // A rejection that kept neither (the rules threw) is compared on the rest.
    source: logged.source === null ? null : signed.source,
    evidence: logged.evidence === null ? null : signed.evidence,
    ...(logged.basis !== undefined && { basis: logged.basis }),
  };
  return sameBytes(loggedEntryOf(logged.sequence, logged.time, record, verdict).bytes, entryBytes(logged));
}

/**
 * The identity under which a different record that reuses an id already logged is logged (rejected,
 * `record-id-reused`): `<id>#reused:<sha-256 hex of the record as received>`. The same record
 * delivered again has the same identity, so it, too, is logged once.
 */
export function reusedIdOf(record: Extract<LoggableRecord, { kind: 'record' }>): string {
  const received = JSON.stringify([record.type, record.subject, record.time, record.data ?? null, record.provenance ?? null, record.problem ?? null]);
  return `${record.id}#reused:${createHash('sha256').update(received).digest('hex')}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
