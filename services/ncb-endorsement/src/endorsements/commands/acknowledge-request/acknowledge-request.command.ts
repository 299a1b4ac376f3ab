import { Command } from '@nestjs/cqrs';
import type { SignedRequestContext } from '@wildlife/service-kit';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import type { IfMatch } from '../../../http/if-match.precondition.js';
import type { AcknowledgeRequestBody } from './acknowledge-request.request.dto.js';

/** The request's NCB acknowledges receipt of it. */
export class AcknowledgeRequestCommand extends Command<EndorsementRecords> {
  constructor(
    readonly requestId: string,
    readonly signed: SignedRequestContext,
    readonly ifMatch: IfMatch,
    readonly body: AcknowledgeRequestBody,
  ) {
    super();
  }
}
