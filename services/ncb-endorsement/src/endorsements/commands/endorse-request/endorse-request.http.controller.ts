import { Body, Controller, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { CLOCK, type Clock } from '../../clock.js';
import type { EndorsementView } from '../../queries/endorsement.response.dto.js';
import { requireIfMatch } from '../../../http/if-match.precondition.js';
import { answerWithEndorsement, ApiNcbDecision } from '../ncb-decision.http.js';
import { EndorseRequestCommand } from './endorse-request.command.js';
import { EndorseRequestBody } from './endorse-request.request.dto.js';
import { LowerCasedId } from '../../../http/lower-cased-id.pipe.js';

@Controller('v1/support-requests')
export class EndorseRequestController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':requestId/endorse')
  @ApiNcbDecision('The NCB of the requesting agency’s country endorses the request (acknowledged → endorsed) and issues the direct-contact permit; the answer carries it')
  async endorse(
    @Param('requestId', LowerCasedId) requestId: string,
    @Headers('if-match') ifMatchField: string | undefined,
    @Body() body: EndorseRequestBody,
    @Signed() signed: SignedRequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EndorsementView> {
    const ifMatch = requireIfMatch(ifMatchField);
    const records = await this.commandBus.execute(new EndorseRequestCommand(requestId, signed, ifMatch, body));
    return answerWithEndorsement(reply, records, signed.principal, this.clock());
  }
}
