import type { LogClassification, LogEntry } from '@wildlife/provenance-log';
import type { TrustRoots } from '@wildlife/registry';
import { expectedVerdict } from '../replay/expected-verdict.js';
import { LogReplay } from '../replay/log-replay.js';
import { dueChangeProblem, isKeyInvalidRejection, type DueChange } from '../replay/ncb-vouching.js';
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
 * exactly the next one due (a promotion an NCB's vouch makes due, a vouch rejected once its
 * request shows another country), and the due changes follow their trigger, in order (a checkpoint
 * may fall among them).
 * Rejections are not second-guessed: the auditor cannot see the contract checks behind some of
 * them, and a rejected record vouches for nothing.
 */
export class EntryAudit {
  readonly #replay: LogReplay;
  readonly #keys = new PublicKeyObjects();
  readonly #reverify: boolean;
  #due: DueChange[] = [];
  /** What the entry being checked turned out to be: a due change, or one of a key fact's rejections. */
  #took: 'due' | 'key-invalid' | undefined;
  /** The entry the last of the current key fact's rejections superseded: they go in log order. */
  #lastKeyInvalid = -1;
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
    const due = this.#replay.apply(entry);
    if (this.#took === 'key-invalid') this.#lastKeyInvalid = entry.supersedes!;
    else this.#due = this.#took === 'due' ? this.#due.slice(1) : due;
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
    this.#took = undefined;
    // A key fact's rejections, if any, come first; the first entry that is none of them ends them.
    for (let head = this.#due[0]; head?.kind === 'key-invalid'; head = this.#due[0]) {
      if (isKeyInvalidRejection(entry, head, replay.registry, this.#lastKeyInvalid)) {
        this.#took = 'key-invalid';
        return undefined;
      }
      this.#due = this.#due.slice(1);
      this.#lastKeyInvalid = -1;
    }
    const head = this.#due[0];
    if (head !== undefined) {
      // A due change repeats the evidence of the entry it supersedes, checked then: nothing to re-verify.
      this.#took = 'due';
      const problem = dueChangeProblem(entry, head);
      return problem === undefined ? undefined : { code: 'reclassification-wrong', problem };
    }
    if (entry.supersedes !== undefined) {
      return { code: 'reclassification-wrong', problem: `it supersedes entry ${entry.supersedes}, but no entry made a change of classification due` };
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
    const basis = JSON.stringify(entry.basis);
    if (basis !== JSON.stringify(expected.basis) && basis !== JSON.stringify(expected.earlierRulesBasis)) {
      return { code: 'classification-wrong', problem: `its basis is ${JSON.stringify(entry.basis ?? null)}, the rules give ${JSON.stringify(expected.basis ?? null)}` };
    }
    return undefined;
  }
}
