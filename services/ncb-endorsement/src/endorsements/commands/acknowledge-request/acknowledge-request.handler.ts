import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideAcknowledge } from '../../domain/endorsement.decide.js';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import { NcbDecisions } from '../ncb-decision.js';
import { AcknowledgeRequestCommand } from './acknowledge-request.command.js';

@CommandHandler(AcknowledgeRequestCommand)
export class AcknowledgeRequestHandler implements ICommandHandler<AcknowledgeRequestCommand> {
  constructor(private readonly decisions: NcbDecisions) {}

  execute({ requestId, signed, ifMatch, body }: AcknowledgeRequestCommand): Promise<EndorsementRecords> {
    return this.decisions.take({
      requestId,
      action: 'support-request:acknowledge',
      signed,
      ifMatch,
      decide: (context, state) => decideAcknowledge({ ...context, ...(body.note !== undefined && { note: body.note }) }, state),
    });
  }
}
