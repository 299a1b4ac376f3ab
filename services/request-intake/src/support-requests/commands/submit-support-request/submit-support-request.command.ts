import { Command } from '@nestjs/cqrs';
import type { IdempotentSubmission, SignedRequestContext, SubmissionOutcome } from '@wildlife/service-kit';
import type { SubmitSupportRequestBody } from './submit-support-request.request.dto.js';
import type { SubmissionAcceptedResponse } from './submit-support-request.response.dto.js';

/** Submit a support request as the verified signer; with an Idempotency-Key, at most once per key. */
export class SubmitSupportRequestCommand extends Command<SubmissionOutcome<SubmissionAcceptedResponse>> {
  constructor(
    readonly signed: SignedRequestContext,
    readonly body: SubmitSupportRequestBody,
    readonly idempotency: IdempotentSubmission | undefined,
  ) {
    super();
  }
}
