import { ProblemError } from '@wildlife/service-kit';
import { IDEMPOTENCY_KEY_HEADER, type IdempotentSubmission } from './idempotency-key.js';
import type { FirstAnswer, StoredAnswer } from './idempotency-keys.table.js';

/** Thrown inside a submission's transaction to roll it back when its key already holds an answer. */
export class IdempotencyKeyAlreadyHoldsAnAnswer extends Error {
  constructor(readonly key: string) {
    super(`${IDEMPOTENCY_KEY_HEADER} "${key}" already holds the answer to an earlier submission`);
    this.name = 'IdempotencyKeyAlreadyHoldsAnAnswer';
  }
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
