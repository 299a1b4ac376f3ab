import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SubmitExternalInformationHandler } from './support-requests/commands/submit-external-information/submit-external-information.handler.js';
import { SubmitExternalInformationController } from './support-requests/commands/submit-external-information/submit-external-information.http.controller.js';
import { SubmissionRecorder } from './support-requests/commands/record-submission.js';
import { SubmitSupportRequestHandler } from './support-requests/commands/submit-support-request/submit-support-request.handler.js';
import { SubmitSupportRequestController } from './support-requests/commands/submit-support-request/submit-support-request.http.controller.js';
import { ExternalInformationQueries } from './support-requests/queries/get-external-information/external-information.queries.js';
import { GetExternalInformationController } from './support-requests/queries/get-external-information/get-external-information.http.controller.js';
import { GetSupportRequestController } from './support-requests/queries/get-support-request/get-support-request.http.controller.js';
import { ListSupportRequestsController } from './support-requests/queries/list-support-requests/list-support-requests.http.controller.js';
import { SupportRequestQueries } from './support-requests/queries/support-request.queries.js';
import { SupportRequestStatusReaction } from './support-requests/reactions/support-request-status.reaction.js';

/** Request intake: controllers → command bus → handlers (load, decide, append with outbox, read model); queries read the read model. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [
    SubmitSupportRequestController,
    ListSupportRequestsController,
    GetSupportRequestController,
    SubmitExternalInformationController,
    GetExternalInformationController,
  ],
  providers: [
    SubmissionRecorder,
    SubmitSupportRequestHandler,
    SubmitExternalInformationHandler,
    SupportRequestQueries,
    ExternalInformationQueries,
    SupportRequestStatusReaction,
  ],
})
export class RequestIntakeModule {}
