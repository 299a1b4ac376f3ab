import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock.js';
import { AcknowledgeRequestHandler } from './commands/acknowledge-request/acknowledge-request.handler.js';
import { AcknowledgeRequestController } from './commands/acknowledge-request/acknowledge-request.http.controller.js';
import { DeclineRequestHandler } from './commands/decline-request/decline-request.handler.js';
import { DeclineRequestController } from './commands/decline-request/decline-request.http.controller.js';
import { EndorseRequestHandler } from './commands/endorse-request/endorse-request.handler.js';
import { EndorseRequestController } from './commands/endorse-request/endorse-request.http.controller.js';
import { NcbDecisions } from './commands/ncb-decision.js';
import { RevokePermitHandler } from './commands/revoke-permit/revoke-permit.handler.js';
import { RevokePermitController } from './commands/revoke-permit/revoke-permit.http.controller.js';
import { GetEndorsementController } from './queries/get-endorsement/get-endorsement.http.controller.js';
import { GetPermitController } from './queries/get-permit/get-permit.http.controller.js';
import { ObservedFactRecorder } from './reactions/observed-fact.recorder.js';
import { RecordRejectedReaction } from './reactions/record-rejected.reaction.js';
import { SupportRequestSubmittedReaction } from './reactions/support-request-submitted.reaction.js';
import { EndorsementRecorder } from './stream/endorsement-recorder.js';

/**
 * The request lifecycle at the NCB (notification 1.1, 1.2): acknowledge, endorse (issuing the
 * direct-contact permit) or decline, revoke the permit; the reads of each; and the reactions to
 * intake's submissions and provenance's rejections. Needs CqrsModule.forRoot() in the root module.
 */
@Module({
  controllers: [
    AcknowledgeRequestController,
    EndorseRequestController,
    DeclineRequestController,
    RevokePermitController,
    GetEndorsementController,
    GetPermitController,
  ],
  providers: [
    { provide: CLOCK, useValue: systemClock },
    EndorsementRecorder,
    NcbDecisions,
    AcknowledgeRequestHandler,
    EndorseRequestHandler,
    DeclineRequestHandler,
    RevokePermitHandler,
    ObservedFactRecorder,
    SupportRequestSubmittedReaction,
    RecordRejectedReaction,
  ],
})
export class EndorsementsModule {}
