import { Command } from '@nestjs/cqrs';
import type { SignedRequestContext } from '@wildlife/service-kit';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import type { IfMatch } from '../../../http/if-match.precondition.js';
import type { DeclineRequestBody } from './decline-request.request.dto.js';

/** The request's NCB declines it, saying why. */
export class DeclineRequestCommand extends Command<EndorsementRecords> {
  constructor(
    readonly requestId: string,
    readonly signed: SignedRequestContext,
    readonly ifMatch: IfMatch,
    readonly body: DeclineRequestBody,
  ) {
    super();
  }
}
