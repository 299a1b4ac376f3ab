import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { requestEndorsedV1 } from '@wildlife/contracts';
import { SETTINGS } from '@wildlife/service-kit';
import { permitIdOf, recordIdOf } from '@wildlife/signatures';
import { decideEndorse } from '../../domain/endorsement.decide.js';
import type { NcbEndorsementConfig } from '../../../ncb-endorsement.config.js';
import type { EndorsementRecords } from '../../projections/endorsement-record.js';
import { NcbDecisions } from '../ncb-decision.js';
import { EndorseRequestCommand } from './endorse-request.command.js';

/**
 * Endorses, issuing a permit for the configured GS team (DIRECT_CONTACT_GS_TEAM). The endorsement's
 * record id is derived from its signature (`recordIdOf`, as `EndorsementRecorder` appends it), and
 * the permit's id from the request id and that record id (`permitIdOf`): a request may be issued
 * several permits (a new endorsement after one set aside), and a revocation record naming the permit
 * then binds the request it names (ENTRY-FORMAT.md, "Ids derived from the signature").
 */
@CommandHandler(EndorseRequestCommand)
export class EndorseRequestHandler implements ICommandHandler<EndorseRequestCommand> {
  constructor(
    private readonly decisions: NcbDecisions,
    @Inject(SETTINGS) private readonly settings: NcbEndorsementConfig,
  ) {}

  execute({ requestId, signed, ifMatch, body }: EndorseRequestCommand): Promise<EndorsementRecords> {
    const { note, permitValidityDays } = body;
    const endorsementRecordId = recordIdOf(requestEndorsedV1.type, signed.material);
    return this.decisions.take({
      requestId,
      action: 'support-request:endorse',
      signed,
      ifMatch,
      decide: (context, state) =>
        decideEndorse(
          {
            ...context,
            permitId: permitIdOf(requestId, endorsementRecordId),
            endorsementRecordId,
            gsTeam: this.settings.DIRECT_CONTACT_GS_TEAM,
            ...(note !== undefined && { note }),
            ...(permitValidityDays !== undefined && { permitValidityDays }),
          },
          state,
        ),
    });
  }
}
