import { CompactRange, leafHash, openCheckpoint, sameHash, type Checkpoint } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import type { AuditFinding } from './audit-finding.js';
import { EntryAudit, type EntryTally } from './entry-audit.js';
import type { LeafRecord } from './leaf-record.js';
import { readLeaf } from './leaf-reading.js';
import type { PrefixRoot } from './prefix-roots.js';

/**
 * How deep to check: `tree` recomputes the tree and checks the checkpoints only; `entries` also
 * reads every entry and replays the rules (keys, sources, classifications); `signatures` also
 * re-verifies every record's signature.
 */
export type AuditDepth = 'tree' | 'entries' | 'signatures';

/** A checkpoint an earlier audit verified, with the prefix roots it recorded on the way. */
export interface VerifiedCheckpoint {
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly prefixRoots?: readonly PrefixRoot[];
}

export interface LogVerificationInput {
  /** The log's entries from index 0, in order; read once, never held. */
  readonly entries: AsyncIterable<LeafRecord>;
  /** The signed checkpoint note. */
  readonly checkpoint: string;
  /** The log's note verifier key; its name is the log's origin. */
  readonly verifierKey: string;
  readonly trustRoots: TrustRoots;
  readonly lastVerified?: VerifiedCheckpoint;
  readonly depth?: AuditDepth;
  /** Sizes at which to record the prefix root (for narrowing down a fault later). */
  readonly recordRootsAt?: readonly number[];
}

export type LogVerification =
  | {
      readonly ok: true;
      readonly checkpoint: Checkpoint;
      readonly prefixRoots: readonly PrefixRoot[];
      /** The entries by classification; absent at depth `tree`, which does not read them. */
      readonly counts?: Readonly<Record<EntryTally, number>>;
    }
  | { readonly ok: false; readonly finding: AuditFinding; readonly checkpoint?: Checkpoint; readonly prefixRoots: readonly PrefixRoot[] };

/**
 * Verifies a log against its signed checkpoint in one pass, holding O(log n) hashes and the
 * replayed registry, never the entries. In order, and stopping at the first fault: the checkpoint's
 * signature verifies with `verifierKey`; for each index below the checkpoint's size, the source has
 * an entry there, its bytes hash to the leaf hash the log stored (when given), and (depth
 * `entries`/`signatures`) it is a canonical entry carrying that sequence that passes `EntryAudit`;
 * at the last verified checkpoint's size the root is that checkpoint's (else `history-rewritten`,
 * narrowed with its recorded prefix roots); every index is there; the root is the checkpoint's
 * (`root-mismatch`, which names no entry: see `locateChange`); the log did not shrink.
 */
export async function verifyLog(input: LogVerificationInput): Promise<LogVerification> {
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(input.checkpoint, input.verifierKey).checkpoint;
  } catch (error) {
    return { ok: false, finding: { code: 'checkpoint-invalid', problem: (error as Error).message }, prefixRoots: [] };
  }
  const size = checkpoint.size;
  const last = input.lastVerified;
  const depth = input.depth ?? 'signatures';
  const audit = depth === 'tree' ? undefined : new EntryAudit(input.trustRoots, { reverifySignatures: depth === 'signatures' });
  const recordAt = new Set([...(input.recordRootsAt ?? []), ...(last?.prefixRoots ?? []).map((root) => root.size)]);
  const prefixRoots: PrefixRoot[] = [];
  const range = new CompactRange();
  const fail = (finding: AuditFinding): LogVerification => ({ ok: false, finding, checkpoint, prefixRoots });

  for await (const leaf of input.entries) {
    const index = range.size;
    if (index >= size) break;
    if (leaf.sequence !== index) return fail(misplaced(index, leaf.sequence));
    const hash = leafHash(leaf.leafBytes);
    if (leaf.leafHash !== undefined && !sameHash(hash, leaf.leafHash)) {
      return fail({ index, code: 'leaf-hash-mismatch', problem: 'its bytes do not hash to the leaf hash the log stored for it' });
    }
    if (audit !== undefined) {
      const entry = readLeaf(leaf.leafBytes);
      if ('malformed' in entry) return fail({ index, code: 'entry-malformed', problem: entry.malformed });
      if (entry.sequence !== index) return fail({ index, code: 'entry-out-of-place', problem: `the bytes at this position are those of entry ${entry.sequence}` });
      const finding = audit.check(entry);
      if (finding !== undefined) return fail(finding);
    }
    range.appendLeafHash(hash);
    if (recordAt.has(range.size)) prefixRoots.push({ size: range.size, rootHash: range.rootHash() });
    if (last !== undefined && range.size === last.size && !sameHash(range.rootHash(), last.rootHash)) {
      return fail(rewrittenHistory(last, prefixRoots));
    }
  }
  if (range.size < size) {
    return fail({ index: range.size, code: 'entry-missing', problem: `the log ends here but the checkpoint covers ${size} entries` });
  }
  if (!sameHash(range.rootHash(), checkpoint.rootHash)) {
    return fail({ code: 'root-mismatch', problem: `the ${size} entries do not hash to the checkpoint's root: an entry was changed` });
  }
  if (last !== undefined && last.size > size) {
    return fail({ index: size, code: 'log-shrank', problem: `the checkpoint covers ${size} entries, but ${last.size} were verified before` });
  }
  return { ok: true, checkpoint, prefixRoots, ...(audit !== undefined && { counts: audit.counts }) };
}

function misplaced(index: number, sequence: number): AuditFinding {
  return sequence > index
    ? { index, code: 'entry-missing', problem: `the log goes on at entry ${sequence}` }
    : { index, code: 'entry-out-of-place', problem: `the source gives entry ${sequence} here` };
}

/** The slice between the last prefix root that still matches an earlier audit's and the first that does not. */
function rewrittenHistory(last: VerifiedCheckpoint, recorded: readonly PrefixRoot[]): AuditFinding {
  const earlier = new Map((last.prefixRoots ?? []).map((root) => [root.size, root.rootHash]));
  let from = 0;
  let to = last.size;
  for (const root of recorded) {
    const then = earlier.get(root.size);
    if (then === undefined || root.size > last.size) continue;
    if (sameHash(then, root.rootHash)) from = Math.max(from, root.size);
    else to = Math.min(to, root.size);
  }
  return {
    index: from,
    ...(to - from > 1 && { end: to }),
    code: 'history-rewritten',
    problem: `the first ${last.size} entries no longer hash to the root verified before: one of them was changed`,
  };
}
