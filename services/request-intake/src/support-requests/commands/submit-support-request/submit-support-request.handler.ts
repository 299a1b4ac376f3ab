import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { supportRequestSubmittedV1 } from '@wildlife/contracts';
import { authorize } from '@wildlife/registry';
import { DERIVED_ID_LABELS, recordIdOf, signatureDerivedId } from '@wildlife/signatures';
import { PRINCIPAL_DIRECTORY, type PrincipalDirectory, type SubmissionOutcome, TOPIC_PREFIX } from '@wildlife/service-kit';
import { decideSubmit } from '../../domain/support-request.decide.js';
import { supportRequestStreamId } from '../../domain/support-request.events.js';
import { evolve, initialSupportRequestState, type SupportRequest } from '../../domain/support-request.state.js';
import { assertAllowed } from '../../http/access.problem.js';
import { decidedOrRefused } from '../../http/rule-violation.problem.js';
import { publishedStreamEvent } from '../../publishing/published-stream-event.js';
import { statusUrlOf } from '../../queries/support-request.queries.js';
import { supportRequestViewOf } from '../../read-model/support-request.projection.js';
import { actingPrincipalOf, eventPrincipalOf } from '../acting-principal-of.js';
import { supportRequestFactsOf } from '../case-facts.of.js';
import { SubmissionRecorder } from '../record-submission.js';
import { registeredAgencyOf } from './registered-agency.js';
import { SubmitSupportRequestCommand } from './submit-support-request.command.js';
import type { SubmissionAcceptedResponse } from './submit-support-request.response.dto.js';

/**
 * Decides a submission, then records it in ONE statement (`SubmissionRecorder`): the signature's nonce
 * when the guard left it to this write, the Idempotency-Key's answer when a key was sent,
 * `SupportRequestSubmitted` with its public event in the outbox, and the read model. So a refusal
 * stores and publishes nothing, a replayed signature is refused with 401 (nonce-reused), and of any
 * retries with one key only the first appends; each other one answers with the first answer, or 422
 * when it carries another body. The request id and the record's event id are derived from the
 * signature (`signatureDerivedId`, `recordIdOf`), so provenance can check both: a copy of the record
 * under other ids does not bind to the signature it carries.
 */
const SUPPORT_REQUEST_SUBMITTED_TYPE = supportRequestSubmittedV1.type;

@CommandHandler(SubmitSupportRequestCommand)
export class SubmitSupportRequestHandler implements ICommandHandler<SubmitSupportRequestCommand, SubmissionOutcome<SubmissionAcceptedResponse>> {
  constructor(
    private readonly recorder: SubmissionRecorder,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async execute({ signed, body, idempotency }: SubmitSupportRequestCommand): Promise<SubmissionOutcome<SubmissionAcceptedResponse>> {
    const { principal } = signed;
    const onBehalfOfAgency = body.onBehalfOfAgency === undefined ? undefined : registeredAgencyOf(this.directory, body.onBehalfOfAgency);
    const [submitted] = decidedOrRefused(() =>
      decideSubmit(
        {
          requestId: signatureDerivedId(DERIVED_ID_LABELS.request, signed.material),
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
    const eventId = recordIdOf(SUPPORT_REQUEST_SUBMITTED_TYPE, signed.material);
    return this.recorder.record({
      signed,
      idempotency,
      answer,
      streamId: supportRequestStreamId(requestId),
      ...publishedStreamEvent(submitted, { id: eventId, time: submitted.submittedAt, correlationId: requestId }, eventPrincipalOf(principal), this.topicPrefix),
      view: supportRequestViewOf(evolve(initialSupportRequestState, submitted) as SupportRequest, eventId),
    });
  }
}
