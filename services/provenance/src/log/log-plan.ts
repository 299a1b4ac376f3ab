import { sameHash, type LogEntry, type StoredNode } from '@wildlife/provenance-log';
import type { LoggableRecord } from '../classification/log-entry-of.js';
import { planEntries, type PlannedEntry } from '../classification/plan-entries.js';
import type { SignaturePrechecks } from '../classification/signature-prechecks.js';
import { signedCheckpointNote, type LogKey } from '../checkpoints/log-key.js';
import type { StoredCheckpoint } from './checkpoint-table.js';
import type { LoadedLog } from './loaded-log.js';
import type { LogHead } from './log-head.js';

/** Everything one log write inserts, computed in memory against the log as it stood. */
export interface LogPlan {
  /** The in-memory log it was planned onto (and applied to). */
  readonly log: LoadedLog;
  /** Entries the log held before it; the first planned entry has this sequence. */
  readonly startSize: number;
  /** Entries the log holds after it. */
  readonly endSize: number;
  /** What it took as logged already, by record id (see `LogHead.logged`). */
  readonly logged: ReadonlyMap<string, LogEntry>;
  readonly entries: PlannedEntry[];
  readonly nodes: StoredNode[];
  /** Undefined when the latest checkpoint already covers the log. */
  readonly checkpoint: StoredCheckpoint | undefined;
  readonly now: Date;
}

export interface PlanContext {
  readonly logKey: LogKey;
  readonly prechecks: SignaturePrechecks;
}

/**
 * Classifies `records` onto `log` (see `planEntries`), appends their leaves to its tree and signs
 * the checkpoint of the new size if the latest does not cover it.
 * Changes `log`: a plan that is not committed leaves it ahead of the store, to be dropped.
 */
export function planOnto(log: LoadedLog, records: readonly LoggableRecord[], logged: ReadonlyMap<string, LogEntry>, now: Date, context: PlanContext): LogPlan {
  const startSize = log.tree.size;
  const entries = planEntries(log.state, records, now, logged, context.prechecks);
  const nodes = entries.flatMap((p) => log.tree.append(p.leafHash));
  let checkpoint: StoredCheckpoint | undefined;
  if (log.checkpointSize === undefined || log.tree.size > log.checkpointSize) {
    const rootHash = log.tree.rootHash();
    checkpoint = { treeSize: log.tree.size, rootHash: Buffer.from(rootHash), note: signedCheckpointNote(context.logKey, log.tree.size, rootHash) };
    log.checkpointSize = log.tree.size;
  }
  return { log, startSize, endSize: log.tree.size, logged, entries, nodes, checkpoint, now };
}

/**
 * Whether a plan made ahead (before the writer lock) is the one a write under the lock would make:
 * the stored log holds exactly the entries it was planned after, the same of its records are logged
 * already, and the latest checkpoint is one of that log. Classification is a pure function of the
 * entries before a record, so the same log and the same ids give the same entries.
 */
export function planStillStands(plan: LogPlan, head: LogHead): boolean {
  if (head.size !== plan.startSize || head.logged.size !== plan.logged.size) return false;
  for (const id of head.logged.keys()) if (!plan.logged.has(id)) return false;
  const checkpoint = head.checkpoint;
  return checkpoint === undefined || (checkpoint.treeSize <= plan.startSize && sameHash(plan.log.tree.rootHash(checkpoint.treeSize), checkpoint.rootHash));
}
