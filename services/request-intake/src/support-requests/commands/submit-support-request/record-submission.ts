import { StreamVersionConflict, type NewEvent, type OutboxMessage } from '@wildlife/event-store';
import type { NonceToClaim } from '@wildlife/service-kit';
import type pg from 'pg';
import type { IdempotentSubmission } from '../../idempotency/idempotency-key.js';
import type { FirstAnswer, StoredAnswer } from '../../idempotency/idempotency-keys.table.js';

// migrations/0002_submission_in_one_statement.sql: nonce claim, key, append with outbox, read model.
// Named, so each pooled connection parses and plans it once instead of on every submission.
const SUBMIT = { name: 'submit-support-request', text: 'SELECT outcome, stored FROM submit_support_request($1, $2, $3, $4, $5, $6, $7, $8)' };
const STREAM_ALREADY_EXISTS = 'IN409';

export interface SubmissionRecord<TBody> {
  readonly principalId: string;
  /** The signature's nonce, when the guard left its claim to this write (NonceClaimedWithTheWrite). */
  readonly nonce: NonceToClaim | undefined;
  readonly idempotency: IdempotentSubmission | undefined;
  /** The answer kept for the Idempotency-Key (when one was sent), given exactly when this appends. */
  readonly answer: FirstAnswer<TBody>;
  readonly streamId: string;
  readonly event: NewEvent;
  readonly outbox: readonly OutboxMessage[];
  /** Whether append_events must NOTIFY a relay of another process (EventStore.outboxWakeUp). */
  readonly notifyRelay: boolean;
  /** From `supportRequestViewOf`. */
  readonly view: string;
}

export type SubmissionRecorded<TBody> =
  | { readonly outcome: 'appended' }
  | { readonly outcome: 'nonce_reused' }
  | { readonly outcome: 'key_holds_answer'; readonly stored: StoredAnswer<TBody> };

/**
 * Records a submission in ONE statement that is its own transaction (one round trip): the nonce
 * claim, the key's first answer, the event on a new stream with its outbox message, and the read
 * model, all or nothing, committed as durably as any append. When the nonce was used before, or the
 * key already holds an answer (a concurrent retry with the key waits for the other transaction),
 * nothing is appended and the outcome says which. A stream that exists already throws
 * StreamVersionConflict and keeps nothing, not even the claim.
 */
export async function recordSubmission<TBody>(pool: pg.Pool, record: SubmissionRecord<TBody>): Promise<SubmissionRecorded<TBody>> {
  const { nonce, idempotency, answer } = record;
  const values = [
    nonce === undefined ? null : JSON.stringify({ keyId: nonce.keyId, nonce: nonce.nonce, expiresAt: nonce.expiresAtUnix }),
    idempotency === undefined
      ? null
      : JSON.stringify({ principalId: record.principalId, key: idempotency.key, requestHash: idempotency.fingerprint, status: answer.status, body: answer.body }),
    record.streamId,
    JSON.stringify([record.event]),
    JSON.stringify(record.outbox),
    new Date(),
    record.notifyRelay,
    record.view,
  ];
  let row: { outcome: SubmissionRecorded<TBody>['outcome']; stored: { requestHash: string; status: number; body: TBody } | null };
  try {
    const { rows } = await pool.query<typeof row>({ ...SUBMIT, values });
    row = rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === STREAM_ALREADY_EXISTS) {
      throw new StreamVersionConflict(record.streamId, 'no_stream', Number((error as { detail?: string }).detail));
    }
    throw error;
  }
  if (row.outcome !== 'key_holds_answer') return { outcome: row.outcome };
  const { requestHash, status, body } = row.stored!;
  return { outcome: 'key_holds_answer', stored: { fingerprint: requestHash, status, body } };
}
