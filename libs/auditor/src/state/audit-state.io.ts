import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { renameSynced, synced } from '../durable-files.io.js';
import { AuditStateIsUnreadable, EMPTY_AUDIT_STATE, mergeAudit, parseAuditState, serialiseAuditState, type AuditedLog, type AuditState, type AuditToRecord, type StateMerge } from './audit-state.js';

/** `~/.wildlife-audit/state.json`. */
export function defaultAuditStatePath(): string {
  return join(homedir(), '.wildlife-audit', 'state.json');
}

/** The state in `path`; the empty state when there is no such file (a first audit). */
export async function readAuditState(path: string): Promise<AuditState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return EMPTY_AUDIT_STATE;
    throw error;
  }
  try {
    return parseAuditState(text);
  } catch (error) {
    throw error instanceof AuditStateIsUnreadable ? new AuditStateIsUnreadable(error.reason, path) : error;
  }
}

/** Another audit holds the state file's lock for longer than this one waits. */
export class AuditStateIsLocked extends Error {
  constructor(readonly path: string, readonly holder: string) {
    super(`The audit state file ${path} is locked by another audit (${holder || 'unknown holder'}); if none runs, remove ${path}.lock`);
    this.name = 'AuditStateIsLocked';
  }
}

export interface StateLockOptions {
  /** How long to wait for another audit to release the lock. Default 30 s. */
  readonly waitMs?: number;
  /** A lock older than this is taken as left by a crashed audit, whatever its holder. Default 2 min. */
  readonly staleMs?: number;
}

export interface RecordAuditOptions {
  /**
   * Proves that the older of two checkpoints of the log is a prefix of the newer (the source's
   * consistency proof), for when the state on disk moved to a checkpoint this audit holds no root for.
   */
  readonly proveConsistency?: (older: AuditedLog, newer: AuditedLog) => Promise<boolean>;
  readonly lock?: StateLockOptions;
}

/**
 * Records a clean audit in the state file: under the file's exclusive lock, reads the state as it
 * is now, merges this log's checkpoint into it (`mergeAudit`: per origin, never lowering a log's
 * size, never recording a checkpoint inconsistent with the one there; the other logs as they are)
 * and writes it back (`writeAuditState`). So audits of several logs sharing a state file, or a slow
 * audit finishing after a newer one, lose nothing and roll nothing back. Writes nothing unless the
 * merge records.
 */
export async function recordAudit(path: string, audit: AuditToRecord, options: RecordAuditOptions = {}): Promise<StateMerge> {
  return withStateLock(path, options.lock ?? {}, async () => {
    const onDisk = await readAuditState(path);
    let merge = mergeAudit(onDisk, audit);
    if (merge.outcome === 'unknown' && options.proveConsistency !== undefined) {
      const [older, newer] = merge.onDisk.size <= audit.log.size ? [merge.onDisk, audit.log] : [audit.log, merge.onDisk];
      merge = mergeAudit(onDisk, audit, await options.proveConsistency(older, newer));
    }
    if (merge.outcome === 'recorded') await writeAuditState(path, merge.state);
    return merge;
  });
}

/**
 * Replaces the state file atomically (write beside it, then rename), readable by its owner only. The
 * new file reaches the disk before the rename, and the rename before this resolves, as an export's
 * does: after a power loss the file holds the old state or the new one, never nothing (an empty
 * state file would make the auditor forget the log's pinned key and last checkpoint). The temporary
 * name is unique to the call: two writes in one process never share it. Writes `state` whole: to
 * record an audit beside others that may run, use `recordAudit`.
 */
export async function writeAuditState(path: string, state: AuditState): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const next = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(next, serialiseAuditState(state), { mode: 0o600 });
    await synced(next);
    await rename(next, path);
  } catch (error) {
    await rm(next, { force: true });
    throw error;
  }
  await renameSynced(path);
}

/**
 * Runs `work` holding `<path>.lock`, created with `wx` (exclusive) and holding "<host> <pid> <nonce>".
 * A lock whose holder is a process of this host that no longer runs, or older than `staleMs`, is
 * left by a crashed audit: it is moved aside and the lock taken again. Only the lock this call
 * created is removed at the end.
 */
async function withStateLock<T>(path: string, options: StateLockOptions, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const lock = `${path}.lock`;
  const token = `${hostname()} ${process.pid} ${randomUUID()}`;
  const deadline = Date.now() + (options.waitMs ?? 30_000);
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      await writeFile(lock, token, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const holder = await lockHolder(lock);
    if (holder !== undefined && isStale(holder, options.staleMs ?? 120_000)) {
      await moveStaleLockAside(lock, holder.token);
      continue;
    }
    if (Date.now() >= deadline) throw new AuditStateIsLocked(path, holder?.token ?? '');
    await sleep(pause);
  }
  try {
    return await work();
  } finally {
    if ((await lockHolder(lock))?.token === token) await rm(lock, { force: true });
  }
}

interface LockHolder {
  readonly token: string;
  readonly ageMs: number;
}

/** The lock's contents and age; undefined once it is gone. */
async function lockHolder(lock: string): Promise<LockHolder | undefined> {
  try {
    const [token, info] = await Promise.all([readFile(lock, 'utf8'), stat(lock)]);
    return { token, ageMs: Date.now() - info.mtimeMs };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(holder: LockHolder, staleMs: number): boolean {
  if (holder.ageMs > staleMs) return true;
  const [host, pid] = holder.token.split(' ');
  // A lock caught between its creation and its first write holds nothing yet: give it time.
  if (host !== hostname() || pid === undefined || !/^[0-9]+$/.test(pid)) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ESRCH';
  }
}

/**
 * Moves a stale lock aside by renaming it (atomic: of two audits breaking it, one does). If what was
 * moved is not the lock judged stale (another audit broke that one and took the lock in between),
 * it is put back, unless a lock exists again.
 */
async function moveStaleLockAside(lock: string, staleToken: string): Promise<void> {
  const aside = `${lock}.${randomUUID()}.stale`;
  try {
    await rename(lock, aside);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw error;
  }
  if ((await readFile(aside, 'utf8')) !== staleToken) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
}
