import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideDecline } from '../../domain/endorsement.decide.js';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import { NcbDecisions } from '../ncb-decision.js';
import { DeclineRequestCommand } from './decline-request.command.js';

@CommandHandler(DeclineRequestCommand)
export class DeclineRequestHandler implements ICommandHandler<DeclineRequestCommand> {
  constructor(private readonly decisions: NcbDecisions) {}

  execute({ requestId, signed, ifMatch, body }: DeclineRequestCommand): Promise<EndorsementRecords> {
    return this.decisions.take({
      requestId,
      action: 'support-request:decline',
      signed,
      ifMatch,
      decide: (context, state) => decideDecline({ ...context, reason: body.reason }, state),
    });
  }
}
