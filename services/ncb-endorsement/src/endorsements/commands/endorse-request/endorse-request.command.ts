import { Command } from '@nestjs/cqrs';
import type { SignedRequestContext } from '@wildlife/service-kit';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import type { IfMatch } from '../../../http/if-match.precondition.js';
import type { EndorseRequestBody } from './endorse-request.request.dto.js';

/** The request's NCB endorses it, which issues the direct-contact permit. */
export class EndorseRequestCommand extends Command<EndorsementRecords> {
  constructor(
    readonly requestId: string,
    readonly signed: SignedRequestContext,
    readonly ifMatch: IfMatch,
    readonly body: EndorseRequestBody,
  ) {
    super();
  }
}
