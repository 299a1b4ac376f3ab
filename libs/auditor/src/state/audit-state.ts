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
  constructor(readonly reason: string) {
    super(`The audit state file is unreadable: ${reason}`);
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
