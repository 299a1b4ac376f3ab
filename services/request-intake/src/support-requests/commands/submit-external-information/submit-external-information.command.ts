import { Command } from '@nestjs/cqrs';
import type { SignedRequestContext } from '@wildlife/service-kit';
import type { IdempotentSubmission } from '../../idempotency/idempotency-key.js';
import type { SubmissionOutcome } from '../../idempotency/idempotent-replay.js';
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
