import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SETTINGS } from '@wildlife/service-kit';
import { decideEndorse } from '../../domain/endorsement.decide.js';
import type { NcbEndorsementConfig } from '../../../ncb-endorsement.config.js';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import { NcbDecisions } from '../ncb-decision.js';
import { EndorseRequestCommand } from './endorse-request.command.js';

/** Endorses, issuing a permit with a fresh id for the configured GS team (DIRECT_CONTACT_GS_TEAM). */
@CommandHandler(EndorseRequestCommand)
export class EndorseRequestHandler implements ICommandHandler<EndorseRequestCommand> {
  constructor(
    private readonly decisions: NcbDecisions,
    @Inject(SETTINGS) private readonly settings: NcbEndorsementConfig,
  ) {}

  execute({ requestId, signed, ifMatch, body }: EndorseRequestCommand): Promise<EndorsementRecords> {
    const { note, permitValidityDays } = body;
    return this.decisions.take({
      requestId,
      action: 'support-request:endorse',
      signed,
      ifMatch,
      decide: (context, state) =>
        decideEndorse(
          {
            ...context,
            permitId: randomUUID(),
            gsTeam: this.settings.DIRECT_CONTACT_GS_TEAM,
            ...(note !== undefined && { note }),
            ...(permitValidityDays !== undefined && { permitValidityDays }),
          },
          state,
        ),
    });
  }
}
