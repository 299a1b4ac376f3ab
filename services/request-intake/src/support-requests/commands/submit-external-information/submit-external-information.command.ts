import { Command } from '@nestjs/cqrs';
import type { IdempotentSubmission, SignedRequestContext, SubmissionOutcome } from '@wildlife/service-kit';
import type { SubmitExternalInformationBody } from './submit-external-information.request.dto.js';
import type { ExternalInformationAcceptedResponse } from './submit-external-information.response.dto.js';

/** Submit external information as the verified signer; with an Idempotency-Key, at most once per key. */
export class SubmitExternalInformationCommand extends Command<SubmissionOutcome<ExternalInformationAcceptedResponse>> {
  constructor(
    readonly signed: SignedRequestContext,
    readonly body: SubmitExternalInformationBody,
    readonly idempotency: IdempotentSubmission | undefined,
  ) {
    super();
  }
}
