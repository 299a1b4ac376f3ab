/**
 * What an audit can find wrong, one code per kind of fault. Entry faults name the entry; log faults
 * (a checkpoint that does not verify, a verifier key that changed) name none.
 */
export const AUDIT_FINDING_CODES = [
  /** The log has no entry at this index although the checkpoint covers it. */
  'entry-missing',
  /** The entry at this position carries another sequence, or the source gave another position. */
  'entry-out-of-place',
  /** The entry's bytes do not hash to the leaf hash the log stored for it. */
  'leaf-hash-mismatch',
  /** The bytes are not a well-formed entry in canonical form. */
  'entry-malformed',
  /** The entry's time is earlier than the previous entry's. */
  'time-goes-backwards',
  /** The record's key does not resolve to the entry's source at the record's time, or its signature does not verify. */
  'source-signature-invalid',
  /** The classification, its reason code or its basis is not what the rules give. */
  'classification-wrong',
  /** A change of classification that the rules do not give, or one they give that is missing. */
  'reclassification-wrong',
  /** The tree over the entries does not have the checkpoint's root: one of them changed. */
  'root-mismatch',
  /** The entries no longer hash to the root of a checkpoint verified before: history was rewritten. */
  'history-rewritten',
  /** The log's checkpoint is smaller than one verified before: entries were removed. */
  'log-shrank',
  /** The log's consistency proof between the last verified checkpoint and this one does not verify. */
  'consistency-proof-invalid',
  /** The checkpoint's signature does not verify with the log's key, or the note is malformed. */
  'checkpoint-invalid',
  /** The log presents another verifier key than the one pinned for it. */
  'verifier-key-changed',
  /** The source presents a log of another origin than the one it served before (pinned in the state). */
  'origin-changed',
] as const;

export type AuditFindingCode = (typeof AUDIT_FINDING_CODES)[number];

/** The first fault an audit found. */
export interface AuditFinding {
  readonly code: AuditFindingCode;
  /** The first bad entry's index (0-based sequence), when the fault is in an entry. */
  readonly index?: number;
  /** When only a range could be told: the first index not proven unchanged is `index`, the fault lies before `end`. */
  readonly end?: number;
  /** A sentence for people. */
  readonly problem: string;
}

/** `entry 12: <problem>` or the problem alone: the line the CLI prints. */
export function describeFinding(finding: AuditFinding): string {
  if (finding.index === undefined) return `${finding.code}: ${finding.problem}`;
  const where = finding.end === undefined ? `entry ${finding.index}` : `entry ${finding.index} (or a later one before ${finding.end})`;
  return `${where}: ${finding.code}: ${finding.problem}`;
}
