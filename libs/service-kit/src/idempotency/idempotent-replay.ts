import { ProblemError } from '../problem.js';
import { IDEMPOTENCY_KEY_HEADER, type IdempotentSubmission } from './idempotency-key.js';

/** The first answer given to an idempotent submission, as kept for its retries (`idempotency_keys`). */
export interface FirstAnswer<TBody> {
  readonly status: number;
  readonly body: TBody;
}

export interface StoredAnswer<TBody> extends FirstAnswer<TBody> {
  readonly fingerprint: string;
}

/** The answer to a submission, and whether it is the stored answer to an earlier one. */
export interface SubmissionOutcome<TBody> extends FirstAnswer<TBody> {
  /** True when this is the stored first answer to an earlier submission with the same key. */
  readonly replayed: boolean;
}

/**
 * The answer to a retry: the stored first answer when the retry carries the same fingerprint;
 * otherwise a 422 ProblemError `idempotency-key-reused` (the key was used for another request).
 */
export function replayOf<TBody>(stored: StoredAnswer<TBody>, submission: IdempotentSubmission): FirstAnswer<TBody> {
  if (stored.fingerprint !== submission.fingerprint) {
    throw new ProblemError(
      422,
      'idempotency-key-reused',
      'Idempotency key reused',
      `${IDEMPOTENCY_KEY_HEADER} "${submission.key}" was already used for a different request; use a new key for a new request.`,
    );
  }
  return { status: stored.status, body: stored.body };
}
