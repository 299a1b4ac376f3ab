import { Body, Controller, Headers, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { CLOCK, type Clock } from '../../clock.js';
import type { EndorsementView } from '../../queries/endorsement.response.dto.js';
import { requireIfMatch } from '../../../http/if-match.precondition.js';
import { answerWithEndorsement, ApiNcbDecision } from '../ncb-decision.http.js';
import { AcknowledgeRequestCommand } from './acknowledge-request.command.js';
import { AcknowledgeRequestBody } from './acknowledge-request.request.dto.js';
import { LowerCasedId } from '../../../http/lower-cased-id.pipe.js';

@Controller('v1/support-requests')
export class AcknowledgeRequestController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':requestId/acknowledge')
  @ApiNcbDecision('The NCB of the requesting agency’s country acknowledges receipt of the request (submitted → acknowledged)')
  async acknowledge(
    @Param('requestId', LowerCasedId) requestId: string,
    @Headers('if-match') ifMatchField: string | undefined,
    @Body() body: AcknowledgeRequestBody,
    @Signed() signed: SignedRequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EndorsementView> {
    const ifMatch = requireIfMatch(ifMatchField);
    const records = await this.commandBus.execute(new AcknowledgeRequestCommand(requestId, signed, ifMatch, body));
    return answerWithEndorsement(reply, records, signed.principal, this.clock());
  }
}
