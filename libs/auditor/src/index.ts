/**
 * @wildlife/auditor: the independent audit of the provenance log (`audit verify`, `audit export`).
 *
 * Guarantees:
 * - `verifyLog` reads a log once, in order, holding O(log n) hashes, the replayed registry and the
 *   requests still pending: never the entries. It stops at the first fault and names that entry.
 * - A log passes only if: its checkpoint is signed by the log key; the entries hash to the
 *   checkpoint's root; the first entries hash to the root of the checkpoint verified before (no
 *   rewritten history, no shrinking); and (by depth) every entry is canonical and in place, every
 *   record the log did not reject was signed by a key registered to its source at the record's time
 *   and is classified, with its basis, as the rules give from the trust roots and the registry records
 *   before it.
 * - `auditLog` never returns a new state for a log that failed; with a source that gives consistency
 *   proofs it narrows a root mismatch down to one entry, and proves the entries before an entry's
 *   fault (naming an earlier changed one instead), never naming an entry after the first changed one.
 *   Without proofs, the prefix roots of the last audit name an entry changed below its size.
 */
export { AUDIT_FINDING_CODES, describeFinding, type AuditFinding, type AuditFindingCode } from './verification/audit-finding.js';
export type { LeafRecord } from './verification/leaf-record.js';
export { readLeaf } from './verification/leaf-reading.js';
export { EntryAudit, type EntryAuditOptions, type EntryTally } from './verification/entry-audit.js';
export { verifyLog, type AuditDepth, type LogVerification, type LogVerificationInput, type VerifiedCheckpoint } from './verification/verify-log.js';
export { locateChange, provenPrefix, type ChangeLocator, type LocatedChange } from './verification/locate-change.js';
export { evenlySpacedSizes, type PrefixRoot } from './verification/prefix-roots.js';

export { auditLog, VerifierKeyIsUnknown, type AuditRequest, type AuditReport } from './audit/audit-log.js';

export {
  EMPTY_AUDIT_STATE,
  AuditStateIsUnreadable,
  consistencyOf,
  mergeAudit,
  parseAuditState,
  serialiseAuditState,
  withAuditedLog,
  type AuditState,
  type AuditedLog,
  type AuditToRecord,
  type StateMerge,
} from './state/audit-state.js';
export { AuditStateIsLocked, defaultAuditStatePath, readAuditState, recordAudit, writeAuditState, type RecordAuditOptions, type StateLockOptions } from './state/audit-state.io.js';

export { EntryIsUnreadable, LogSourceFailed, type LogHead, type LogSource } from './sources/log-source.js';
export { EXPORT_FORMAT, ExportLineIsMalformed, type ExportHeader } from './sources/export-file.js';
export { exportFileSource, MAX_EXPORT_LINE_BYTES, writeExportFile, type ExportFileSourceOptions } from './sources/export-file.io.js';
export { apiBaseUrl, apiSource, DEFAULT_API_TIMEOUT_MS, type ApiSourceOptions } from './sources/api-source.js';
export { DEFAULT_CATCH_UP_MS, kafkaSource, LOG_TOPIC, type KafkaSourceOptions } from './sources/kafka-source.js';

export { main, processIo, type AuditCliIo } from './cli/main.js';
