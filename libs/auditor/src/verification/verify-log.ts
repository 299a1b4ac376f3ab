import { CompactRange, leafHash, openCheckpoint, sameHash, type Checkpoint } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import type { AuditFinding } from './audit-finding.js';
import { EntryAudit, type EntryTally } from './entry-audit.js';
import { EntryIsUnreadable, LogSourceFailed } from '../sources/log-source.js';
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
  /**
   * After a fault in an entry that is in its place, go on hashing the entries after it to tell
   * whether the tree still has the checkpoint's root (`treeMatches`, and a note in the finding):
   * for a source without consistency proofs, the only sign that an earlier entry was changed and
   * the one named only suffers from it. Default false: stop at the fault.
   */
  readonly hashPastFault?: boolean;
}

export type LogVerification =
  | {
      readonly ok: true;
      readonly checkpoint: Checkpoint;
      readonly prefixRoots: readonly PrefixRoot[];
      /** The entries by classification; absent at depth `tree`, which does not read them. */
      readonly counts?: Readonly<Record<EntryTally, number>>;
    }
  | {
      readonly ok: false;
      readonly finding: AuditFinding;
      readonly checkpoint?: Checkpoint;
      readonly prefixRoots: readonly PrefixRoot[];
      /**
       * For a fault in an entry: the root of the entries before it. A consistency proof from it to
       * the checkpoint proves them unchanged; when none verifies, an earlier entry was changed.
       */
      readonly rootBefore?: PrefixRoot;
      /** With `hashPastFault`: whether all the entries hash to the checkpoint's root; undefined when the rest could not be read in place. */
      readonly treeMatches?: boolean;
    };

/**
 * Verifies a log against its signed checkpoint in one pass, holding O(log n) hashes and the
 * replayed registry, never the entries. In order, and stopping at the first fault: the checkpoint's
 * signature verifies with `verifierKey`; for each index below the checkpoint's size, the source has
 * an entry there, its bytes hash to the leaf hash the log stored (when given), and (depth
 * `entries`/`signatures`) it is a canonical entry carrying that sequence that passes `EntryAudit`;
 * at every size where the last verified checkpoint recorded a prefix root, and at its own size, the
 * root is the same as then (else `history-rewritten`, narrowed to the slice between the last root
 * that matched and the first that did not): so an entry changed below the last verified size is
 * named before a later entry whose rules it breaks; every index is there; the root is the
 * checkpoint's (`root-mismatch`, which names no entry: see `locateChange`); the log did not shrink.
 * A fault in an entry is returned with the root of the entries before it (`rootBefore`), for the
 * caller to prove them unchanged; see `hashPastFault` for sources that cannot.
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
  const earlierRoots = rootsVerifiedBefore(last);
  const recordAt = new Set([...(input.recordRootsAt ?? []), ...earlierRoots.keys()]);
  const prefixRoots: PrefixRoot[] = [];
  const range = new CompactRange();
  const fail = (finding: AuditFinding): Extract<LogVerification, { ok: false }> => ({ ok: false, finding, checkpoint, prefixRoots });
  const entries = input.entries[Symbol.asyncIterator]();
  /** A fault in the entry at `range.size`; `hash` is its leaf hash when it is in its place, to hash on past it. */
  const entryFault = async (finding: AuditFinding, hash?: Uint8Array): Promise<LogVerification> => {
    const rootBefore = { size: range.size, rootHash: range.rootHash() };
    if (input.hashPastFault !== true || hash === undefined) return { ...fail(finding), rootBefore };
    range.appendLeafHash(hash);
    const treeMatches = await treeMatchesPast(entries, range, checkpoint);
    return { ...fail({ ...finding, problem: `${finding.problem}${treeNote(treeMatches)}` }), rootBefore, ...(treeMatches !== undefined && { treeMatches }) };
  };

  try {
    for (;;) {
      const index = range.size;
      if (index >= size) break;
      const next = await nextEntry(entries);
      if ('unreadable' in next) return await entryFault({ index, code: next.unreadable.cutShort ? 'entry-missing' : 'entry-malformed', problem: next.unreadable.reason });
      if (next.done === true) break;
      const leaf = next.value;
      if (leaf.sequence !== index) return await entryFault(misplaced(index, leaf.sequence));
      const hash = leafHash(leaf.leafBytes);
      if (leaf.leafHash !== undefined && !sameHash(hash, leaf.leafHash)) {
        return await entryFault({ index, code: 'leaf-hash-mismatch', problem: 'its bytes do not hash to the leaf hash the log stored for it' }, hash);
      }
      if (audit !== undefined) {
        const entry = readLeaf(leaf.leafBytes);
        if ('malformed' in entry) return await entryFault({ index, code: 'entry-malformed', problem: entry.malformed }, hash);
        if (entry.sequence !== index) return await entryFault({ index, code: 'entry-out-of-place', problem: `the bytes at this position are those of entry ${entry.sequence}` });
        const finding = audit.check(entry);
        if (finding !== undefined) return await entryFault(finding, hash);
      }
      range.appendLeafHash(hash);
      if (!recordAt.has(range.size)) continue;
      prefixRoots.push({ size: range.size, rootHash: range.rootHash() });
      const then = earlierRoots.get(range.size);
      if (last !== undefined && then !== undefined && !sameHash(prefixRoots[prefixRoots.length - 1]!.rootHash, then)) {
        return fail(rewrittenHistory(last, prefixRoots));
      }
    }
  } finally {
    await entries.return?.();
  }
  if (range.size < size) {
    return entryFault({ index: range.size, code: 'entry-missing', problem: `the log ends here but the checkpoint covers ${size} entries` });
  }
  if (!sameHash(range.rootHash(), checkpoint.rootHash)) {
    return fail({ code: 'root-mismatch', problem: `the ${size} entries do not hash to the checkpoint's root: an entry was changed` });
  }
  if (last !== undefined && last.size > size) {
    return fail({ index: size, code: 'log-shrank', problem: `the checkpoint covers ${size} entries, but ${last.size} were verified before` });
  }
  return { ok: true, checkpoint, prefixRoots, ...(audit !== undefined && { counts: audit.counts }) };
}

/** The roots an earlier audit verified, by size: its recorded prefix roots and its own root. */
function rootsVerifiedBefore(last: VerifiedCheckpoint | undefined): Map<number, Uint8Array> {
  const roots = new Map<number, Uint8Array>();
  if (last === undefined) return roots;
  for (const root of last.prefixRoots ?? []) if (root.size > 0 && root.size <= last.size) roots.set(root.size, root.rootHash);
  if (last.size > 0) roots.set(last.size, last.rootHash);
  return roots;
}

/** The next entry, or what made the source unable to give it (a fault of the log's copy, named as an entry). */
async function nextEntry(entries: AsyncIterator<LeafRecord>): Promise<IteratorResult<LeafRecord> | { unreadable: EntryIsUnreadable }> {
  try {
    return await entries.next();
  } catch (error) {
    if (error instanceof EntryIsUnreadable) return { unreadable: error };
    throw error;
  }
}

/**
 * Hashes the entries after a fault into `range` (which holds those up to the faulty one) and tells
 * whether the root is the checkpoint's: undefined when the rest is not there in place or cannot be
 * read, which leaves the question open rather than turning a found fault into a failed read.
 */
async function treeMatchesPast(entries: AsyncIterator<LeafRecord>, range: CompactRange, checkpoint: Checkpoint): Promise<boolean | undefined> {
  try {
    while (range.size < checkpoint.size) {
      const next = await entries.next();
      if (next.done === true || next.value.sequence !== range.size) return undefined;
      range.appendLeafHash(leafHash(next.value.leafBytes));
    }
  } catch (error) {
    if (error instanceof EntryIsUnreadable || error instanceof LogSourceFailed) return undefined;
    throw error;
  }
  return sameHash(range.rootHash(), checkpoint.rootHash);
}

function treeNote(treeMatches: boolean | undefined): string {
  if (treeMatches === true) return '; the entries hash to the checkpoint\'s root, so the log signed this entry as it is';
  if (treeMatches === false) return '; the entries do not hash to the checkpoint\'s root either: this entry or an earlier one was changed (a source with consistency proofs, the API, tells which)';
  return '; the entries after it could not all be read in place, so whether an earlier entry was changed is not known';
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
