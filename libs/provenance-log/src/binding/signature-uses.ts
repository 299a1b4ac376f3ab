import type { LogEntry, LoggedSignatureMaterial } from '../entry/log-entry.js';

/** Rejection code: the signature already made another record of the log. */
export const SIGNATURE_REUSED = 'signature-reused';
/** Rejection code: the signature is too old, next to its key's newest, for the log to know whether it was used already. */
export const SIGNATURE_REUSE_UNVERIFIABLE = 'signature-reuse-unverifiable';

/**
 * How far behind the newest signature of a key (for one record type) a signature may be created
 * and still be checked for reuse: one day. Far longer than a signature is accepted for (the
 * guard's 300 s) so that records logged out of order (the log reads several topics and partitions)
 * are not refused; it bounds what the log and an auditor remember.
 */
export const SIGNATURE_REUSE_WINDOW_SECONDS = 86_400;

export interface SignatureUseProblem {
  readonly code: typeof SIGNATURE_REUSED | typeof SIGNATURE_REUSE_UNVERIFIABLE;
  readonly text: string;
}

interface Use {
  readonly recordId: string;
  readonly created: number;
}

interface ScopeUses {
  newestCreated: number;
  /** By `signatureIdOf`, in the order noted. */
  readonly byNonce: Map<string, Use>;
}

/**
 * A signature of a key, as far as reuse goes: its nonce and its `created` (both signed). The live
 * guard refuses a nonce again only while it remembers it (until the signature expires, at most
 * ~300 s, and a sweep); a client that sends a nonce again later makes another, genuine request, with
 * another `created`. Keyed by the nonce alone, that second request's record was refused as
 * `signature-reused` (found by review, session 12).
 */
const signatureIdOf = (evidence: Pick<LoggedSignatureMaterial, 'nonce' | 'created'>): string => `${evidence.created}\n${evidence.nonce}`;

/**
 * Which record each signature made, so that one signed request makes one record: a record signed
 * with the key id, nonce and created time of a signature that already made another record
 * (`record.id`) is `signature-reused`. A nonce is unique per key while the live guard remembers it,
 * and its created time tells two requests apart after that (`signatureIdOf`); with the data bound
 * to the request a signature can only make records of its own type, so uses are kept per key and
 * type.
 *
 * Bounded by time, not by the log: for each key and type it keeps the signatures created within
 * `SIGNATURE_REUSE_WINDOW_SECONDS` of the newest one noted (so memory ≈ the signatures made in one
 * window, plus one number per key and type), and refuses as `signature-reuse-unverifiable` a
 * signature created before that window, whose earlier use it may have forgotten. Only entries that
 * are not rejected are noted (a rejected record made nothing), and never a change of
 * classification (it repeats its record's evidence), so the log and an auditor replaying its
 * entries in order hold the same uses.
 */
export class SignatureUses {
  /** By record type, then key id (two lookups of strings the record holds, no key string built per record). */
  readonly #scopes = new Map<string, Map<string, ScopeUses>>();

  /** Why `record` may not use `evidence`'s signature, given the entries noted so far; undefined when it may. */
  problemOf(record: { readonly id: string; readonly type: string }, evidence: Pick<LoggedSignatureMaterial, 'keyId' | 'nonce' | 'created'>): SignatureUseProblem | undefined {
    const scope = this.#scopes.get(record.type)?.get(evidence.keyId);
    if (scope === undefined) return undefined;
    const earlier = scope.byNonce.get(signatureIdOf(evidence));
    if (earlier !== undefined && earlier.recordId !== record.id) {
      return {
        code: SIGNATURE_REUSED,
        text: `The signature (key "${evidence.keyId}", nonce "${evidence.nonce}", created ${evidence.created}) already made record "${earlier.recordId}": one signed request makes one record.`,
      };
    }
    const oldest = scope.newestCreated - SIGNATURE_REUSE_WINDOW_SECONDS;
    if (earlier === undefined && evidence.created < oldest) {
      return {
        code: SIGNATURE_REUSE_UNVERIFIABLE,
        text: `The signature was created at ${evidence.created}, more than ${SIGNATURE_REUSE_WINDOW_SECONDS} s before the newest one of key "${evidence.keyId}" logged for ${record.type} records (${scope.newestCreated}): whether it made another record can no longer be checked.`,
      };
    }
    return undefined;
  }

  /** How many uses are remembered: bounded by the signatures made within one window, not by the log. */
  get size(): number {
    let count = 0;
    for (const byKey of this.#scopes.values()) for (const scope of byKey.values()) count += scope.byNonce.size;
    return count;
  }

  /** Takes the next entry of the log into account (any entry: those that made no record are skipped). */
  note(entry: Pick<LogEntry, 'record' | 'classification' | 'supersedes' | 'evidence'>): void {
    const { evidence } = entry;
    if (entry.classification === 'rejected' || entry.supersedes !== undefined || evidence === null) return;
    let byKey = this.#scopes.get(entry.record.type);
    if (byKey === undefined) this.#scopes.set(entry.record.type, (byKey = new Map()));
    let scope = byKey.get(evidence.keyId);
    if (scope === undefined) byKey.set(evidence.keyId, (scope = { newestCreated: evidence.created, byNonce: new Map<string, Use>() }));
    scope.newestCreated = Math.max(scope.newestCreated, evidence.created);
    scope.byNonce.set(signatureIdOf(evidence), { recordId: entry.record.id, created: evidence.created });
    forgetBefore(scope, scope.newestCreated - SIGNATURE_REUSE_WINDOW_SECONDS);
  }
}

/**
 * Drops uses created before `oldest`, from the first noted on: uses are noted in nearly `created`
 * order, so the front holds the oldest; one kept out of order only stays until those noted before it go.
 */
function forgetBefore(scope: ScopeUses, oldest: number): void {
  for (const [nonce, use] of scope.byNonce) {
    if (use.created >= oldest) return;
    scope.byNonce.delete(nonce);
  }
}
