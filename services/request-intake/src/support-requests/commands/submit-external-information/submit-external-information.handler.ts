import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { externalInformationReceivedV1 } from '@wildlife/contracts';
import { authorize } from '@wildlife/registry';
import { DERIVED_ID_LABELS, recordIdOf, signatureDerivedId } from '@wildlife/signatures';
import { PRINCIPAL_DIRECTORY, type PrincipalDirectory, type SubmissionOutcome, TOPIC_PREFIX } from '@wildlife/service-kit';
import { decideSubmitExternalInformation } from '../../domain/external-information.decide.js';
import { externalInformationStreamId } from '../../domain/external-information.events.js';
import { initialExternalInformationState } from '../../domain/external-information.state.js';
import { assertAllowed } from '../../http/access.problem.js';
import { decidedOrRefused } from '../../http/rule-violation.problem.js';
import { publishedStreamEvent } from '../../publishing/published-stream-event.js';
import { externalInformationViewOf } from '../../read-model/external-information.projection.js';
import { actingPrincipalOf, eventPrincipalOf } from '../acting-principal-of.js';
import { caseFactsOf } from '../case-facts.of.js';
import { SubmissionRecorder } from '../record-submission.js';
import { registeredSourceNameOf } from './registered-source-name.js';
import { SubmitExternalInformationCommand } from './submit-external-information.command.js';
import type { ExternalInformationAcceptedResponse } from './submit-external-information.response.dto.js';

export const externalInformationUrlOf = (informationId: string) => `/v1/external-information/${informationId}`;

/**
 * Accepts information from a registered external source as `ExternalInformationReceived`, always
 * flagged external with the caveat, recorded as a support request is, in ONE statement
 * (`SubmissionRecorder`): the signature's nonce, the Idempotency-Key's answer, the event with its
 * public event in the outbox, and the read model. The related request, if named, is kept as given
 * and not looked up: checking it would tell a source which requests exist. The information id and
 * the record's event id are derived from the signature (`signatureDerivedId`, `recordIdOf`).
 */
@CommandHandler(SubmitExternalInformationCommand)
export class SubmitExternalInformationHandler
  implements ICommandHandler<SubmitExternalInformationCommand, SubmissionOutcome<ExternalInformationAcceptedResponse>>
{
  constructor(
    private readonly recorder: SubmissionRecorder,
    @Inject(TOPIC_PREFIX) private readonly topicPrefix: string,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
  ) {}

  async execute({ signed, body, idempotency }: SubmitExternalInformationCommand): Promise<SubmissionOutcome<ExternalInformationAcceptedResponse>> {
    const { principal } = signed;
    assertAllowed(authorize(principal, 'external-information:submit', { ownerId: principal.id }), 'Only a registered external source may submit external information.');
    const [received] = decidedOrRefused(() =>
      decideSubmitExternalInformation(
        {
          informationId: signatureDerivedId(DERIVED_ID_LABELS.externalInformation, signed.material),
          receivedAt: new Date().toISOString(),
          submitter: actingPrincipalOf(principal),
          registeredSourceName: registeredSourceNameOf(this.directory, principal.id),
          summary: body.summary,
          ...(body.relatedRequestId !== undefined && { relatedRequestId: body.relatedRequestId.toLowerCase() }),
          facts: caseFactsOf(body),
          signatureMaterial: signed.material,
        },
        initialExternalInformationState,
      ),
    );
    const { informationId } = received;
    const answer = {
      status: 202,
      body: { informationId, external: received.external, caveat: received.caveat, url: externalInformationUrlOf(informationId) },
    };
    const envelope = { id: recordIdOf(externalInformationReceivedV1.type, signed.material), time: received.receivedAt, correlationId: received.relatedRequestId ?? informationId };
    return this.recorder.record({
      signed,
      idempotency,
      answer,
      streamId: externalInformationStreamId(informationId),
      ...publishedStreamEvent(received, envelope, eventPrincipalOf(principal), this.topicPrefix),
      view: externalInformationViewOf(received),
    });
  }
}
