import { ConsistencyProofDoesNotVerify, openCheckpoint, parseVerifierKey, verifyConsistency, type Checkpoint } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import type { LogSource } from '../sources/log-source.js';
import { lastVerifiedOf, withAuditedLog, type AuditState, type AuditToRecord } from '../state/audit-state.js';
import type { AuditFinding } from '../verification/audit-finding.js';
import type { EntryTally } from '../verification/entry-audit.js';
import { locateChange, provenPrefix } from '../verification/locate-change.js';
import { evenlySpacedSizes } from '../verification/prefix-roots.js';
import { verifyLog, type AuditDepth, type LogVerification, type VerifiedCheckpoint } from '../verification/verify-log.js';

export interface AuditRequest {
  readonly source: LogSource;
  readonly trustRoots: TrustRoots;
  /** What earlier audits verified; `EMPTY_AUDIT_STATE` for a first audit. */
  readonly state: AuditState;
  /** The log's verifier key as the auditor got it out of band; else the one pinned in `state`, else the source's. */
  readonly verifierKey?: string;
  readonly depth?: AuditDepth;
  /** Default the system clock. */
  readonly now?: () => Date;
}

export type AuditReport =
  | {
      readonly ok: true;
      readonly origin: string;
      readonly checkpoint: Checkpoint;
      readonly counts?: Readonly<Record<EntryTally, number>>;
      /** The size verified by the audit before, if any. */
      readonly previousSize?: number;
      /** `state` with this checkpoint recorded. */
      readonly state: AuditState;
      /** What to record (`recordAudit`, which merges it into the state file as it is by then). */
      readonly audited: AuditToRecord;
    }
  | { readonly ok: false; readonly origin?: string; readonly finding: AuditFinding };

/** The audit has no verifier key for the log: none given, none pinned, none presented by the source (a checkpoint file, say). */
export class VerifierKeyIsUnknown extends Error {
  constructor(source: string, origin: string) {
    super(`${source} presents no verifier key and none is pinned for the log "${origin}"`);
    this.name = 'VerifierKeyIsUnknown';
  }
}

/** How many prefix roots an audit keeps for the next one (and for narrowing down its own faults). */
const RECORDED_ROOTS = 64;

/**
 * Audits the log a source presents: picks the verifier key (given, else pinned for the log's
 * origin, else the source's — pinned from then on; a source presenting another key than the pinned
 * one is refused, and so is a source presenting another origin than it served before, unless the
 * key is given), verifies the whole log in one streaming pass (`verifyLog`), narrows a root
 * mismatch down to the first changed entry when the source gives consistency proofs
 * (`locateChange`), and checks the source's consistency proof from the last verified checkpoint.
 * Only a clean audit returns a new state. Errors of the source itself (`LogSourceFailed`) propagate,
 * and so does `VerifierKeyIsUnknown` when no key is given, pinned or presented.
 */
export async function auditLog(request: AuditRequest): Promise<AuditReport> {
  const { source, state } = request;
  const head = await source.head();
  const claimedOrigin = head.checkpoint.split('\n', 1)[0]!;
  const servedBefore = source.identity === undefined ? undefined : state.sources[source.identity];
  if (request.verifierKey === undefined && servedBefore !== undefined && servedBefore !== claimedOrigin) {
    return {
      ok: false,
      origin: claimedOrigin,
      finding: { code: 'origin-changed', problem: `${source.description} presents the log "${claimedOrigin}", but it served "${servedBefore}" before` },
    };
  }
  const pinned = state.logs[claimedOrigin]?.verifierKey;
  if (request.verifierKey === undefined && pinned !== undefined && head.verifierKey !== undefined && head.verifierKey !== pinned) {
    return { ok: false, origin: claimedOrigin, finding: { code: 'verifier-key-changed', problem: `${source.description} presents verifier key ${head.verifierKey}, but ${pinned} was pinned for this log` } };
  }
  const verifierKey = request.verifierKey ?? pinned ?? head.verifierKey;
  if (verifierKey === undefined) throw new VerifierKeyIsUnknown(source.description, claimedOrigin);

  let origin: string;
  let checkpoint: Checkpoint;
  try {
    origin = parseVerifierKey(verifierKey).name;
    checkpoint = openCheckpoint(head.checkpoint, verifierKey).checkpoint;
  } catch (error) {
    return { ok: false, origin: claimedOrigin, finding: { code: 'checkpoint-invalid', problem: (error as Error).message } };
  }
  const audited = state.logs[origin];
  const last = lastVerifiedOf(audited);
  const spread = evenlySpacedSizes(0, checkpoint.size, RECORDED_ROOTS);
  const verification = await verifyLog({
    entries: source.entries(0, checkpoint.size),
    checkpoint: head.checkpoint,
    verifierKey,
    trustRoots: request.trustRoots,
    ...(last !== undefined && { lastVerified: last }),
    ...(request.depth !== undefined && { depth: request.depth }),
    recordRootsAt: spread,
    // Without proofs, hashing on past a fault is the only way to tell that an earlier entry changed.
    hashPastFault: source.consistencyProof === undefined,
  });
  if (!verification.ok) return { ok: false, origin, finding: await firstChangedEntry(source, checkpoint, verification) };
  const proofProblem = await consistencyProofProblem(source, last, checkpoint);
  if (proofProblem !== undefined) return { ok: false, origin, finding: { code: 'consistency-proof-invalid', problem: proofProblem } };
  const now = request.now?.() ?? new Date();
  const verified = {
    verifierKey,
    checkpoint: head.checkpoint,
    size: checkpoint.size,
    rootHash: checkpoint.rootHash,
    prefixRoots: verification.prefixRoots.filter((root) => spread.includes(root.size)),
    verifiedAt: now.toISOString(),
  };
  const next = withAuditedLog(state, origin, verified, source.identity);
  const toRecord: AuditToRecord = {
    origin,
    log: verified,
    ...(source.identity !== undefined && { sourceIdentity: source.identity }),
    ...(last !== undefined && { consistentWith: { size: last.size, rootHash: last.rootHash } }),
  };
  return {
    ok: true,
    origin,
    checkpoint,
    ...(verification.counts !== undefined && { counts: verification.counts }),
    ...(last !== undefined && { previousSize: last.size }),
    state: next,
    audited: toRecord,
  };
}

/**
 * The first bad entry, with the source's consistency proofs when it gives them. A root mismatch
 * names no entry: `locateChange` finds it. A fault in entry i may come from an earlier entry that
 * was changed and still passes the rules by itself (an accreditation's scope, a registered key):
 * one proof from i tells, and when the entries before i cannot be proven, the changed one among
 * them is named instead, with the fault it caused.
 */
async function firstChangedEntry(source: LogSource, checkpoint: Checkpoint, verification: Extract<LogVerification, { ok: false }>): Promise<AuditFinding> {
  const { finding, rootBefore } = verification;
  if (source.consistencyProof === undefined) return finding;
  const locator = { entries: (start: number, end: number) => source.entries(start, end), consistencyProof: (a: number, b: number) => source.consistencyProof!(a, b) };
  if (finding.code === 'root-mismatch') return { ...finding, ...(await locateChange(locator, checkpoint, verification.prefixRoots)) };
  if (rootBefore === undefined || rootBefore.size === 0) return finding;
  try {
    if (await provenPrefix(locator.consistencyProof, checkpoint, rootBefore)) return finding;
  } catch (error) {
    // The fault found stands; only the entries before it stay unproven.
    return { ...finding, problem: `${finding.problem} (the entries before it could not be proven unchanged: ${(error as Error).message})` };
  }
  const located = await locateChange(locator, checkpoint, verification.prefixRoots, rootBefore.size);
  return {
    code: 'root-mismatch',
    ...located,
    problem: `the entries up to it are not those the checkpoint commits to (the log's consistency proofs): it was changed; entry ${finding.index} then fails: ${finding.code}: ${finding.problem}`,
  };
}

/**
 * The source's own consistency proof from the last verified checkpoint must verify too: the leaves
 * already showed the old tree is a prefix of the new one, and a log that cannot prove it to a
 * client that holds no leaves is broken all the same.
 */
async function consistencyProofProblem(source: LogSource, last: VerifiedCheckpoint | undefined, checkpoint: Checkpoint): Promise<string | undefined> {
  if (source.consistencyProof === undefined || last === undefined || last.size === 0 || last.size >= checkpoint.size) return undefined;
  const proof = await source.consistencyProof(last.size, checkpoint.size);
  try {
    verifyConsistency({ size1: last.size, root1: last.rootHash, size2: checkpoint.size, root2: checkpoint.rootHash, proof });
    return undefined;
  } catch (error) {
    if (error instanceof ConsistencyProofDoesNotVerify) return `from the ${last.size} entries verified before to ${checkpoint.size}: ${error.reason}`;
    throw error;
  }
}
