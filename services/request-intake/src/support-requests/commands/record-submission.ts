import { StreamVersionConflict, type EventStore, type NewEvent, type OutboxMessage } from '@wildlife/event-store';
import { nonceReusedProblem, type SignedRequestContext } from '@wildlife/service-kit';
import type pg from 'pg';
import type { IdempotentSubmission } from '../idempotency/idempotency-key.js';
import { replayOf, type FirstAnswer, type SubmissionOutcome } from '../idempotency/idempotent-replay.js';
import type { ReadModelView } from '../read-model/read-model-view.js';

// migrations/0003_every_submission_in_one_statement.sql: nonce claim, key, append with outbox, read
// model. Named, so each pooled connection parses and plans it once instead of on every submission.
const RECORD = { name: 'record-submission', text: 'SELECT outcome, stored FROM record_submission($1, $2, $3, $4, $5, $6, $7, $8, $9)' };
const STREAM_ALREADY_EXISTS = 'IN409';

/** A decided submission: the first event of a new stream, its public event and its read model. */
export interface Submission<TBody> {
  /** The verified request. Its signer keys the answer; on a route marked NonceClaimedWithTheWrite, its nonce is claimed here. */
  readonly signed: SignedRequestContext;
  readonly idempotency: IdempotentSubmission | undefined;
  /** The answer to give, kept for the Idempotency-Key when one was sent. */
  readonly answer: FirstAnswer<TBody>;
  readonly streamId: string;
  readonly event: NewEvent;
  readonly outbox: readonly OutboxMessage[];
  /** From the projection of the submission's kind (`supportRequestViewOf`, `externalInformationViewOf`). */
  readonly view: ReadModelView;
}

type Recorded =
  | { readonly outcome: 'appended' | 'nonce_reused'; readonly stored: null }
  | { readonly outcome: 'key_holds_answer'; readonly stored: { readonly requestHash: string; readonly status: number; readonly body: unknown } };

/**
 * Records a submission in ONE statement that is its own transaction (one round trip): the claim of
 * the signature's nonce (handed over from `signed.pendingNonce`), the key's first answer, the event on
 * a new stream with its outbox messages, and the read model, all or nothing, committed as durably as
 * any append; then wakes the outbox relay as EventStore.append would. Resolves with `answer`, or,
 * when the key already holds an answer (a concurrent retry with the key waits for the other
 * transaction), with that stored answer, `replayed`, having appended nothing. Throws, having
 * appended nothing: `nonceReusedProblem` (401) when the nonce was claimed before; 422
 * `idempotency-key-reused` when the stored answer answered another body; StreamVersionConflict when
 * the stream exists already (keeping not even the claim).
 */
export async function recordSubmission<TBody>(pool: pg.Pool, eventStore: EventStore, submission: Submission<TBody>): Promise<SubmissionOutcome<TBody>> {
  const { signed, idempotency, answer, view } = submission;
  const nonce = signed.pendingNonce?.handOver();
  const wakeUp = eventStore.outboxWakeUp();
  const recorded = await runRecordStatement(pool, submission.streamId, [
    nonce === undefined ? null : JSON.stringify({ keyId: nonce.keyId, nonce: nonce.nonce, expiresAt: nonce.expiresAtUnix }),
    idempotency === undefined
      ? null
      : JSON.stringify({ principalId: signed.principal.id, key: idempotency.key, requestHash: idempotency.fingerprint, status: answer.status, body: answer.body }),
    submission.streamId,
    JSON.stringify([submission.event]),
    JSON.stringify(submission.outbox),
    new Date(),
    wakeUp.notifyRelay,
    view.kind,
    view.json,
  ]);
  switch (recorded.outcome) {
    case 'appended':
      wakeUp.committed();
      return { ...answer, replayed: false };
    case 'nonce_reused':
      throw nonceReusedProblem(nonce!.keyId);
    case 'key_holds_answer': {
      const { requestHash, status, body } = recorded.stored;
      return { ...replayOf({ fingerprint: requestHash, status, body: body as TBody }, idempotency!), replayed: true };
    }
  }
}

/** The statement's one row; its 'IN409' (the stream exists already) as the StreamVersionConflict an append throws. */
async function runRecordStatement(pool: pg.Pool, streamId: string, values: unknown[]): Promise<Recorded> {
  try {
    const { rows } = await pool.query<Recorded>({ ...RECORD, values });
    return rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === STREAM_ALREADY_EXISTS) {
      throw new StreamVersionConflict(streamId, 'no_stream', Number((error as { detail?: string }).detail));
    }
    throw error;
  }
}
