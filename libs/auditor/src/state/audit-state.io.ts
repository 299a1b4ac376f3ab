import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { renameSynced, synced } from '../durable-files.io.js';
import { EMPTY_AUDIT_STATE, parseAuditState, serialiseAuditState, type AuditState } from './audit-state.js';

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
  return parseAuditState(text);
}

/**
 * Replaces the state file atomically (write beside it, then rename), readable by its owner only. The
 * new file reaches the disk before the rename, and the rename before this resolves, as an export's
 * does: after a power loss the file holds the old state or the new one, never nothing (an empty
 * state file would make the auditor forget the log's pinned key and last checkpoint).
 */
export async function writeAuditState(path: string, state: AuditState): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const next = `${path}.${process.pid}.tmp`;
  await writeFile(next, serialiseAuditState(state), { mode: 0o600 });
  await synced(next);
  await rename(next, path);
  await renameSynced(path);
}
