import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { topics } from '@wildlife/contracts';
import { EventStore } from '@wildlife/event-store';
import { authorize } from '@wildlife/registry';
import { EVENT_STORE, nonceReusedProblem, outboxMessageFor, PG_POOL, PRINCIPAL_DIRECTORY, TOPIC_PREFIX, type PrincipalDirectory } from '@wildlife/service-kit';
import type pg from 'pg';
import { decideSubmit } from '../../domain/support-request.decide.js';
import { supportRequestStreamId } from '../../domain/support-request.events.js';
import { evolve, initialSupportRequestState, type SupportRequest } from '../../domain/support-request.state.js';
import { assertAllowed } from '../../http/access.problem.js';
import { decidedOrRefused } from '../../http/rule-violation.problem.js';
import { replayOf } from '../../idempotency/idempotent-replay.js';
import type { SubmissionOutcome } from '../../idempotency/idempotent-submission.js';
import { intakeCloudEventOf } from '../../publishing/intake-cloud-event.js';
import { toPublicEvent } from '../../publishing/to-public-event.js';
import { statusUrlOf } from '../../queries/support-request.queries.js';
import { supportRequestViewOf } from '../../read-model/support-request.projection.js';
import { newStreamEvent } from '../../stream/intake-stream-events.js';
import { actingPrincipalOf, eventPrincipalOf } from '../acting-principal-of.js';
import { supportRequestFactsOf } from '../case-facts.of.js';
import { recordSubmission } from './record-submission.js';
import { registeredAgencyOf } from './registered-agency.js';
import { SubmitSupportRequestCommand } from './submit-support-request.command.js';
import type { SubmissionAcceptedResponse } from './submit-support-request.response.dto.js';

/**
 * Decides a submission, then records it in ONE statement (`recordSubmission`): the signature's nonce
 * when the guard left it to this write, the Idempotency-Key's answer when a key was sent,
 * `SupportRequestSubmitted` with its public event in the outbox, and the read model; then it wakes
 * the outbox relay as EventStore.append would. So a refusal
 * stores and publishes nothing, a replayed signature is refused with 401 (nonce-reused), and of any
 * retries with one key only the first appends; each other one answers with the first answer, or 422
 * when it carries another body.
 */
@CommandHandler(SubmitSupportRequestCommand)
export class SubmitSupportRequestHandler implements ICommandHandler<SubmitSupportRequestCommand, SubmissionOutcome<SubmissionAcceptedResponse>> {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async execute({ signed, body, idempotency }: SubmitSupportRequestCommand): Promise<SubmissionOutcome<SubmissionAcceptedResponse>> {
    const { principal } = signed;
    const onBehalfOfAgency = body.onBehalfOfAgency === undefined ? undefined : registeredAgencyOf(this.directory, body.onBehalfOfAgency);
    const [submitted] = decidedOrRefused(() =>
      decideSubmit(
        {
          requestId: randomUUID(),
          submittedAt: new Date().toISOString(),
          submitter: actingPrincipalOf(principal),
          onBehalfOfAgency,
          facts: supportRequestFactsOf(body),
          signatureMaterial: signed.material,
        },
        initialSupportRequestState,
      ),
    );
    const { requestId, requestingAgency } = submitted;
    assertAllowed(
      authorize(principal, 'support-request:submit', { country: requestingAgency.country, ownerId: requestingAgency.principalId }),
      'You may not submit a support request for this agency.',
    );
    const answer = { status: 202, body: { requestId, status: 'submitted' as const, statusUrl: statusUrlOf(requestId) } };
    const eventId = randomUUID();
    const correlationId = requestId;
    const publicEvent = intakeCloudEventOf(toPublicEvent(submitted)!, { id: eventId, time: submitted.submittedAt, correlationId });
    const nonce = signed.pendingNonce?.handOver();
    const wakeUp = this.eventStore.outboxWakeUp();
    const recorded = await recordSubmission(this.pool, {
      principalId: principal.id,
      nonce,
      idempotency,
      answer,
      streamId: supportRequestStreamId(requestId),
      event: newStreamEvent(submitted, eventId, { correlationId, principal: eventPrincipalOf(principal) }),
      outbox: [outboxMessageFor(publicEvent, this.topicPrefix + topics.requestIntakeEvents.name)],
      notifyRelay: wakeUp.notifyRelay,
      view: supportRequestViewOf(evolve(initialSupportRequestState, submitted) as SupportRequest, eventId),
    });
    switch (recorded.outcome) {
      case 'appended':
        wakeUp.committed();
        return { ...answer, replayed: false };
      case 'nonce_reused':
        throw nonceReusedProblem(nonce!.keyId);
      case 'key_holds_answer':
        return { ...replayOf(recorded.stored, idempotency!), replayed: true };
    }
  }
}
