import { inTransaction } from '@wildlife/event-store';
import type pg from 'pg';
import type { IdempotentSubmission } from './idempotency-key.js';
import { keepFirstAnswer, storedAnswer, type FirstAnswer } from './idempotency-keys.table.js';
import { IdempotencyKeyAlreadyHoldsAnAnswer, replayOf } from './idempotent-replay.js';

export interface SubmissionOutcome<TBody> extends FirstAnswer<TBody> {
  /** True when this is the stored first answer to an earlier submission with the same key. */
  readonly replayed: boolean;
}

/**
 * Runs `record` (the append and its read model) in one transaction that first keeps `answer` for
 * the signer's key, so the answer exists exactly when the append does. When the key already holds
 * an answer — an earlier submission, or a concurrent one that committed first (the insert waits
 * for it) — nothing of this one is kept, and the stored answer is returned, or 422
 * `idempotency-key-reused` when the stored one answered another body. There is no read before the
 * transaction: the key's insert is the check, one round trip instead of two. Without a key,
 * `record` simply runs in its own transaction.
 */
export async function recordOnce<TBody>(
  pool: pg.Pool,
  principalId: string,
  idempotency: IdempotentSubmission | undefined,
  answer: FirstAnswer<TBody>,
  record: (client: pg.PoolClient) => Promise<void>,
): Promise<SubmissionOutcome<TBody>> {
  try {
    await inTransaction(pool, async (client) => {
      if (idempotency && !(await keepFirstAnswer(client, principalId, idempotency.key, idempotency.fingerprint, answer))) {
        throw new IdempotencyKeyAlreadyHoldsAnAnswer(idempotency.key);
      }
      await record(client);
    });
  } catch (error) {
    if (!(error instanceof IdempotencyKeyAlreadyHoldsAnAnswer) || !idempotency) throw error;
    const stored = await storedAnswer<TBody>(pool, principalId, idempotency.key);
    // The row that made the insert fail is committed: it cannot be missing here.
    return { ...replayOf(stored!, idempotency), replayed: true };
  }
  return { ...answer, replayed: false };
}
