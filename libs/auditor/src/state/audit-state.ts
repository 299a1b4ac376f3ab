import { sameHash } from '@wildlife/provenance-log';
import type { AuditFinding } from '../verification/audit-finding.js';
import type { PrefixRoot } from '../verification/prefix-roots.js';
import type { VerifiedCheckpoint } from '../verification/verify-log.js';

/**
 * What the auditor remembers between runs, per log (by origin): the verifier key it pinned on first
 * use, and the last checkpoint it verified with the prefix roots recorded on the way. The next run
 * must be consistent with it.
 */
export interface AuditState {
  readonly version: 1;
  readonly logs: Readonly<Record<string, AuditedLog>>;
  /** The origin each source (by its identity: an API URL, brokers and topic) served when first audited. */
  readonly sources: Readonly<Record<string, string>>;
}

export interface AuditedLog {
  readonly verifierKey: string;
  /** The signed checkpoint note last verified. */
  readonly checkpoint: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly prefixRoots: readonly PrefixRoot[];
  /** RFC 3339: when it was verified. */
  readonly verifiedAt: string;
}

/** A state file that is not one this auditor wrote. */
export class AuditStateIsUnreadable extends Error {
  constructor(readonly reason: string, readonly path?: string) {
    super(`The audit state file ${path === undefined ? '' : `${path} `}is unreadable: ${reason}`);
    this.name = 'AuditStateIsUnreadable';
  }
}

export const EMPTY_AUDIT_STATE: AuditState = { version: 1, logs: {}, sources: {} };

export function lastVerifiedOf(log: AuditedLog | undefined): VerifiedCheckpoint | undefined {
  return log === undefined ? undefined : { size: log.size, rootHash: log.rootHash, prefixRoots: log.prefixRoots };
}

/** The state with `log` recorded for `origin`, served by the source named `sourceIdentity` if any; the others unchanged. */
export function withAuditedLog(state: AuditState, origin: string, log: AuditedLog, sourceIdentity?: string): AuditState {
  return {
    version: 1,
    logs: { ...state.logs, [origin]: log },
    sources: sourceIdentity === undefined ? state.sources : { ...state.sources, [sourceIdentity]: origin },
  };
}

/** A clean audit to record: the log's new checkpoint, and the one the audit found it consistent with. */
export interface AuditToRecord {
  readonly origin: string;
  readonly log: AuditedLog;
  /** The source that served it (see `AuditState.sources`). */
  readonly sourceIdentity?: string;
  /** The checkpoint of the state the audit started from, which it proved the new one consistent with. */
  readonly consistentWith?: { readonly size: number; readonly rootHash: Uint8Array };
}

/**
 * Recording an audit into the state as it is on disk now (another audit may have written it since
 * this one read it): `recorded` with the state to write (`kept`: the size of a newer checkpoint
 * on disk, kept rather than lowered); a `finding` when the two checkpoints of the log contradict
 * each other, or the source or key pinned meanwhile differ; `unknown` when whether they are
 * consistent cannot be told from what is held (see `consistencyOf`) and no proof was given.
 */
export type StateMerge =
  | { readonly outcome: 'recorded'; readonly state: AuditState; readonly kept?: number }
  | { readonly outcome: 'finding'; readonly finding: AuditFinding }
  | { readonly outcome: 'unknown'; readonly onDisk: AuditedLog };

/**
 * Merges one audit into the state read from disk, per origin: never lowers a log's size, never
 * records a checkpoint inconsistent with the one there. `proven` is the verdict of a consistency
 * proof between the two checkpoints, when the caller could get one.
 */
export function mergeAudit(onDisk: AuditState, audit: AuditToRecord, proven?: boolean): StateMerge {
  const { origin, log, sourceIdentity } = audit;
  const servedBefore = sourceIdentity === undefined ? undefined : onDisk.sources[sourceIdentity];
  if (servedBefore !== undefined && servedBefore !== origin) {
    return { outcome: 'finding', finding: { code: 'origin-changed', problem: `${sourceIdentity} presents the log "${origin}", but another audit recorded meanwhile that it served "${servedBefore}"` } };
  }
  const current = onDisk.logs[origin];
  if (current === undefined) return { outcome: 'recorded', state: withAuditedLog(onDisk, origin, log, sourceIdentity) };
  if (current.verifierKey !== log.verifierKey) {
    return { outcome: 'finding', finding: { code: 'verifier-key-changed', problem: `verified with ${log.verifierKey}, but another audit pinned ${current.verifierKey} for this log meanwhile` } };
  }
  const known = audit.consistentWith !== undefined && current.size === audit.consistentWith.size && sameHash(current.rootHash, audit.consistentWith.rootHash) ? 'consistent' : consistencyOf(current, log);
  const consistency = known === 'unknown' && proven !== undefined ? (proven ? 'consistent' : 'inconsistent') : known;
  if (consistency === 'unknown') return { outcome: 'unknown', onDisk: current };
  if (consistency === 'inconsistent') {
    const [older, newer] = current.size <= log.size ? [current, log] : [log, current];
    return {
      outcome: 'finding',
      finding: {
        code: 'history-rewritten',
        index: 0,
        ...(older.size > 1 && { end: older.size }),
        problem: `the log signed a checkpoint of ${newer.size} entries that does not extend its checkpoint of ${older.size} (one verified by this audit, the other recorded by another audit meanwhile): one of the first ${older.size} entries differs between them`,
      },
    };
  }
  if (current.size > log.size) return { outcome: 'recorded', state: withAuditedLog(onDisk, origin, current, sourceIdentity), kept: current.size };
  return { outcome: 'recorded', state: withAuditedLog(onDisk, origin, log, sourceIdentity) };
}

/**
 * Whether the smaller of two checkpoints of a log is a prefix of the larger, from the roots they
 * carry: equal sizes must have equal roots; a prefix root one recorded at a size the other also
 * holds (its own root or a recorded one) must agree. `unknown` when they share no size.
 */
export function consistencyOf(a: AuditedLog, b: AuditedLog): 'consistent' | 'inconsistent' | 'unknown' {
  const [older, newer] = a.size <= b.size ? [a, b] : [b, a];
  const rootsOf = (log: AuditedLog) => new Map([...log.prefixRoots.map((root) => [root.size, root.rootHash] as const), [log.size, log.rootHash] as const]);
  const olderRoots = rootsOf(older);
  let shared = false;
  for (const [size, rootHash] of rootsOf(newer)) {
    const then = olderRoots.get(size);
    if (then === undefined || size === 0) continue;
    if (!sameHash(then, rootHash)) return 'inconsistent';
    shared ||= size === older.size;
  }
  return shared ? 'consistent' : 'unknown';
}

interface StoredLog {
  verifierKey: string;
  checkpoint: string;
  size: number;
  rootHash: string;
  prefixRoots: [number, string][];
  verifiedAt: string;
}

/** The state as JSON text (hashes in base64). */
export function serialiseAuditState(state: AuditState): string {
  const logs: Record<string, StoredLog> = {};
  for (const [origin, log] of Object.entries(state.logs)) {
    logs[origin] = {
      verifierKey: log.verifierKey,
      checkpoint: log.checkpoint,
      size: log.size,
      rootHash: Buffer.from(log.rootHash).toString('base64'),
      prefixRoots: log.prefixRoots.map((root) => [root.size, Buffer.from(root.rootHash).toString('base64')]),
      verifiedAt: log.verifiedAt,
    };
  }
  return `${JSON.stringify({ version: 1, logs, sources: state.sources }, null, 2)}\n`;
}

/** Reads what `serialiseAuditState` wrote. Throws `AuditStateIsUnreadable` for anything else. */
export function parseAuditState(text: string): AuditState {
  let document: { version?: unknown; logs?: unknown; sources?: unknown };
  try {
    document = JSON.parse(text) as typeof document;
  } catch {
    throw new AuditStateIsUnreadable('not JSON');
  }
  if (document?.version !== 1 || typeof document.logs !== 'object' || document.logs === null) {
    throw new AuditStateIsUnreadable('not a version 1 audit state');
  }
  const logs: Record<string, AuditedLog> = {};
  for (const [origin, stored] of Object.entries(document.logs as Record<string, StoredLog>)) logs[origin] = auditedLogOf(origin, stored);
  // Absent from state files written before session 10: no source pinned yet.
  const sources = document.sources ?? {};
  if (typeof sources !== 'object' || sources === null || Object.values(sources).some((origin) => typeof origin !== 'string')) {
    throw new AuditStateIsUnreadable('its sources are not a map of source to origin');
  }
  return { version: 1, logs, sources: sources as Record<string, string> };
}

function auditedLogOf(origin: string, stored: StoredLog): AuditedLog {
  const hash = (text: unknown): Uint8Array => {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'base64') : undefined;
    if (bytes?.length !== 32) throw new AuditStateIsUnreadable(`a hash of log "${origin}" is not base64 of 32 bytes`);
    return new Uint8Array(bytes);
  };
  const size = (value: unknown): number => {
    if (!Number.isSafeInteger(value) || (value as number) < 0) throw new AuditStateIsUnreadable(`a size of log "${origin}" is not a natural number`);
    return value as number;
  };
  if (typeof stored?.verifierKey !== 'string' || typeof stored.checkpoint !== 'string' || !Array.isArray(stored.prefixRoots)) {
    throw new AuditStateIsUnreadable(`log "${origin}" lacks its verifier key, checkpoint or prefix roots`);
  }
  return {
    verifierKey: stored.verifierKey,
    checkpoint: stored.checkpoint,
    size: size(stored.size),
    rootHash: hash(stored.rootHash),
    prefixRoots: stored.prefixRoots.map((pair) => ({ size: size(pair?.[0]), rootHash: hash(pair?.[1]) })),
    verifiedAt: String(stored.verifiedAt),
  };
}
