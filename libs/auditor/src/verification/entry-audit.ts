import type { LogClassification, LogEntry } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import { expectedVerdict } from '../replay/expected-verdict.js';
import { LogReplay } from '../replay/log-replay.js';
import { promotionDueAfter, promotionProblem, type DuePromotion } from '../replay/ncb-vouching.js';
import { checkSigner, PublicKeyObjects } from '../replay/signer-check.js';
import type { AuditFinding } from './audit-finding.js';

/** What an audit counts the entries by. */
export type EntryTally = LogClassification | 'reclassified';

/** How much of each entry to check beyond its place in the tree. */
export interface EntryAuditOptions {
  /** Re-verify every record's Ed25519 signature (the costly part). Default true. */
  readonly reverifySignatures?: boolean;
}

/**
 * Checks entries one by one, in log order, against the rules replayed from the entries before them
 * (`LogReplay`): time never goes back; a record the log did not reject has a signer whose key was
 * registered to the named source when the record was observed, and whose signature verifies; its
 * classification, reason code and basis are what the rules give; a change of classification is
 * exactly the promotion an NCB's vouch makes due, and every due promotion follows its trigger
 * (unless the trigger is the last entry checked: a checkpoint may fall between the two).
 * Rejections are not second-guessed: the auditor cannot see the contract checks behind some of
 * them, and a rejected record vouches for nothing.
 */
export class EntryAudit {
  readonly #replay: LogReplay;
  readonly #keys = new PublicKeyObjects();
  readonly #reverify: boolean;
  #due: DuePromotion | undefined;
  readonly #counts: Record<EntryTally, number> = { official: 0, 'pending-ncb': 0, external: 0, rejected: 0, reclassified: 0 };

  constructor(trustRoots: TrustRoots, options: EntryAuditOptions = {}) {
    this.#replay = new LogReplay(trustRoots);
    this.#reverify = options.reverifySignatures ?? true;
  }

  /** The first fault of `entry` (the next one of the log), or undefined after taking it into account. */
  check(entry: LogEntry): AuditFinding | undefined {
    let problem: Omit<AuditFinding, 'index'> | undefined;
    try {
      problem = this.#problemOf(entry);
    } catch (error) {
      problem = { code: 'classification-wrong', problem: `the rules cannot be applied to it: ${(error as Error).message}` };
    }
    if (problem !== undefined) return { index: entry.sequence, ...problem };
    this.#replay.apply(entry);
    this.#due = promotionDueAfter(this.#replay, entry);
    this.#counts[entry.supersedes === undefined ? entry.classification : 'reclassified'] += 1;
    return undefined;
  }

  /** How many entries passed, by classification (changes of classification apart). */
  get counts(): Readonly<Record<EntryTally, number>> {
    return { ...this.#counts };
  }

  #problemOf(entry: LogEntry): Omit<AuditFinding, 'index'> | undefined {
    const replay = this.#replay;
    if (replay.lastTime !== undefined && Date.parse(entry.time) < Date.parse(replay.lastTime)) {
      return { code: 'time-goes-backwards', problem: `its time ${entry.time} is before the previous entry's ${replay.lastTime}` };
    }
    if (this.#due !== undefined) {
      // The promotion repeats the pending entry's checked evidence: nothing to re-verify.
      const problem = promotionProblem(entry, this.#due);
      return problem === undefined ? undefined : { code: 'reclassification-wrong', problem };
    }
    if (entry.supersedes !== undefined) {
      return { code: 'reclassification-wrong', problem: `it supersedes entry ${entry.supersedes}, but no NCB vouch made that due` };
    }
    if (entry.classification === 'rejected') return undefined;
    return this.#classificationProblem(entry);
  }

  #classificationProblem(entry: LogEntry): Omit<AuditFinding, 'index'> | undefined {
    if (entry.record.time === null) return { code: 'source-signature-invalid', problem: 'the record has no time to check its key at' };
    const signer = checkSigner(this.#replay.registry, entry.source!, entry.evidence!, entry.record.time, this.#keys, this.#reverify);
    if ('code' in signer) return { code: 'source-signature-invalid', problem: `${signer.code}: ${signer.text}` };
    const expected = expectedVerdict(this.#replay, entry, signer);
    if (expected.classification !== entry.classification || expected.code !== entry.reason.code) {
      return {
        code: 'classification-wrong',
        problem: `logged ${entry.classification}/${entry.reason.code}, the rules give ${expected.classification}/${expected.code} (${expected.why})`,
      };
    }
    if (JSON.stringify(entry.basis) !== JSON.stringify(expected.basis)) {
      return { code: 'classification-wrong', problem: `its basis is ${JSON.stringify(entry.basis ?? null)}, the rules give ${JSON.stringify(expected.basis ?? null)}` };
    }
    return undefined;
  }
}
