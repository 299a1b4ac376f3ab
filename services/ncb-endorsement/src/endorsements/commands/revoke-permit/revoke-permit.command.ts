import { Command } from '@nestjs/cqrs';
import type { SignedRequestContext } from '@wildlife/service-kit';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import type { IfMatch } from '../../../http/if-match.precondition.js';
import type { RevokePermitBody } from './revoke-permit.request.dto.js';

/** The NCB that endorsed a request ends its direct-contact permit before it expires. */
export class RevokePermitCommand extends Command<EndorsementRecords> {
  constructor(
    readonly permitId: string,
    readonly signed: SignedRequestContext,
    /** Optional here: a revocation only ends contact, it cannot overwrite another officer's decision. */
    readonly ifMatch: IfMatch | undefined,
    readonly body: RevokePermitBody,
  ) {
    super();
  }
}
