import { Inject, Injectable } from '@nestjs/common';
import { GroupCommit, jsonArrayOf, type EventStore, type GroupedOutcome, type NewEvent, type OutboxMessage } from '@wildlife/event-store';
import {
  EVENT_STORE,
  type FirstAnswer,
  type IdempotentSubmission,
  nonceReusedProblem,
  PG_POOL,
  recordIdAlreadyUsedProblem,
  replayOf,
  type SignedRequestContext,
  type SubmissionOutcome,
} from '@wildlife/service-kit';
import type pg from 'pg';
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

/** One submission's arguments to `record_submission`, all but `notify_relay` (the statement's). */
interface RecordArguments {
  readonly nonce: string | null;
  readonly firstAnswer: string | null;
  readonly streamId: string;
  readonly events: string;
  readonly outbox: string;
  readonly recordedAt: Date;
  readonly viewKind: string;
  readonly view: string;
}

// Several submissions' record_submission calls in turn, in array order, in one statement: one
// transaction, one commit for all. Named, as RECORD is. The JSON arguments come as one JSON array per
// column (`jsonArrayOf`).
const RECORD_TOGETHER = {
  name: 'record-submissions-together',
  text: `SELECT r.outcome, r.stored
    FROM ROWS FROM (jsonb_array_elements($1::jsonb), jsonb_array_elements($2::jsonb), unnest($3::text[]), jsonb_array_elements($4::jsonb),
                    jsonb_array_elements($5::jsonb), unnest($6::timestamptz[]), unnest($8::text[]), jsonb_array_elements($9::jsonb))
           WITH ORDINALITY AS s(signature_nonce, first_answer, stream_id, events, outbox, recorded_at, view_kind, view, n)
    CROSS JOIN LATERAL record_submission(NULLIF(s.signature_nonce, 'null'), NULLIF(s.first_answer, 'null'), s.stream_id, s.events, s.outbox,
                                         s.recorded_at, $7, s.view_kind, s.view) AS r
   ORDER BY s.n`,
};

/**
 * Records submissions, each in ONE statement that is its own transaction, or, under load, together
 * with the others that arrived while two such statements were in flight (GroupCommit from
 * @wildlife/event-store): one round trip and one commit for all of them, each with its own outcome.
 * The statement's function, `record_submission` (migrations/0003), writes in this order: the claim of
 * the signature's nonce (handed over from `signed.pendingNonce`), the key's first answer, the event on
 * a new stream with its outbox messages, and the read model; all or nothing for each submission.
 * Committed as durably as any append; then wakes the outbox relay as EventStore.append would.
 */
@Injectable()
export class SubmissionRecorder {
  private readonly groupCommit = new GroupCommit<RecordArguments, Recorded>({
    together: (submissions) => this.recordTogether(submissions),
    alone: (submission) => this.recordAlone(submission),
    keyOf: (submission) => submission.streamId,
  });

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  /**
   * Resolves with `answer`, or, when the key already holds an answer (a concurrent retry with the key
   * waits for the other transaction; a retry in the same statement sees the first one's row), with
   * that stored answer, `replayed`, having appended nothing. Throws, having appended nothing:
   * `nonceReusedProblem` (401) when the nonce was claimed before; 422 `idempotency-key-reused` when
   * the stored answer answered another body; 409 `record-id-already-used` when the stream exists
   * already (keeping not even the claim): its id is derived from the signature, so another accepted
   * request with the same (keyId, created, nonce) made it, which the nonce claims rule out while
   * they hold (`recordIdAlreadyUsedProblem`).
   */
  async record<TBody>(submission: Submission<TBody>): Promise<SubmissionOutcome<TBody>> {
    const { signed, idempotency, answer, view } = submission;
    const nonce = signed.pendingNonce?.handOver();
    const recorded = await this.groupCommit.write({
      nonce: nonce === undefined ? null : JSON.stringify({ keyId: nonce.keyId, nonce: nonce.nonce, expiresAt: nonce.expiresAtUnix }),
      firstAnswer:
        idempotency === undefined
          ? null
          : JSON.stringify({ principalId: signed.principal.id, key: idempotency.key, requestHash: idempotency.fingerprint, status: answer.status, body: answer.body }),
      streamId: submission.streamId,
      events: JSON.stringify([submission.event]),
      outbox: JSON.stringify(submission.outbox),
      recordedAt: new Date(),
      viewKind: view.kind,
      view: view.json,
    });
    switch (recorded.outcome) {
      case 'appended':
        return { ...answer, replayed: false };
      case 'nonce_reused':
        throw nonceReusedProblem(nonce!.keyId);
      case 'key_holds_answer': {
        const { requestHash, status, body } = recorded.stored;
        return { ...replayOf({ fingerprint: requestHash, status, body: body as TBody }, idempotency!), replayed: true };
      }
    }
  }

  private async recordAlone(s: RecordArguments): Promise<Recorded> {
    const wakeUp = this.eventStore.outboxWakeUp();
    let recorded: Recorded;
    try {
      const { rows } = await this.pool.query<Recorded>({
        ...RECORD,
        values: [s.nonce, s.firstAnswer, s.streamId, s.events, s.outbox, s.recordedAt, wakeUp.notifyRelay, s.viewKind, s.view],
      });
      recorded = rows[0]!;
    } catch (error) {
      throw streamExistsProblemOr(error);
    }
    if (recorded.outcome === 'appended') wakeUp.committed();
    return recorded;
  }

  /** Rejects, having written nothing, if any submission fails as a whole (its stream exists, …): GroupCommit then records each alone. */
  private async recordTogether(submissions: readonly RecordArguments[]): Promise<Array<GroupedOutcome<Recorded>>> {
    const wakeUp = this.eventStore.outboxWakeUp();
    const column = <K extends keyof RecordArguments>(key: K) => submissions.map((s) => s[key]);
    const { rows } = await this.pool.query<Recorded>({
      ...RECORD_TOGETHER,
      values: [
        jsonArrayOf(column('nonce')),
        jsonArrayOf(column('firstAnswer')),
        column('streamId'),
        jsonArrayOf(column('events')),
        jsonArrayOf(column('outbox')),
        column('recordedAt'),
        wakeUp.notifyRelay,
        column('viewKind'),
        jsonArrayOf(column('view')),
      ],
    });
    if (rows.some((row) => row.outcome === 'appended')) wakeUp.committed();
    return rows.map((value) => ({ ok: true, value }));
  }
}

/** 'IN409' from record_submission (the stream, named by the id the signature derives, exists already) as its 409 problem. */
function streamExistsProblemOr(error: unknown): unknown {
  return (error as { code?: string }).code === STREAM_ALREADY_EXISTS ? recordIdAlreadyUsedProblem() : error;
}
