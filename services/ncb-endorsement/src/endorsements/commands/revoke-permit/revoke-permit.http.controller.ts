import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { CLOCK, type Clock } from '../../clock.js';
import { permitViewOf } from '../../queries/endorsement-view.js';
import { PermitView } from '../../queries/endorsement.response.dto.js';
import { EndorsementProblemResponse } from '../endorsement-problem.response.js';
import { entityTagOf, readIfMatch } from '../../../http/if-match.precondition.js';
import { ETAG_HEADER } from '../ncb-decision.http.js';
import { RevokePermitCommand } from './revoke-permit.command.js';
import { RevokePermitBody } from './revoke-permit.request.dto.js';
import { LowerCasedId } from '../../../http/lower-cased-id.pipe.js';

@ApiTags('endorsement')
@Controller('v1/permits')
export class RevokePermitController {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':permitId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'The NCB of the requesting agency’s country revokes the direct-contact permit before it expires; traffic goes through the NCB again' })
  @ApiParam({ name: 'permitId', format: 'uuid' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The request’s version last read ("<version>"); when sent, it must still be current' })
  @ApiOkResponse({ type: PermitView, headers: ETAG_HEADER, description: 'The permit is revoked; the revocation will be published' })
  @ApiResponse({ status: 400, description: 'The body is invalid (`errors` lists each field)' })
  @ApiResponse({ status: 401, description: 'The RFC 9421 signature was not accepted (`check` names why)' })
  @ApiResponse({ status: 403, type: EndorsementProblemResponse, description: 'The signer may see the permit but not revoke it: only the NCB of the request’s country may' })
  @ApiResponse({ status: 404, description: 'No such permit, or one the signer may not know of' })
  @ApiResponse({ status: 409, type: EndorsementProblemResponse, description: 'The permit is already revoked, has expired or is void (`permitStatus`), or the request’s status allows no revocation (`currentState`)' })
  @ApiResponse({ status: 412, type: EndorsementProblemResponse, description: 'If-Match names a version that is no longer current' })
  async revoke(
    @Param('permitId', LowerCasedId) permitId: string,
    @Headers('if-match') ifMatchField: string | undefined,
    @Body() body: RevokePermitBody,
    @Signed() signed: SignedRequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PermitView> {
    const ifMatch = readIfMatch(ifMatchField);
    const { endorsement, permits } = await this.commandBus.execute(new RevokePermitCommand(permitId, signed, ifMatch, body));
    void reply.header('etag', entityTagOf(endorsement.version));
    return permitViewOf(permits.find((permit) => permit.permitId === permitId)!, endorsement.version, this.clock());
  }
}
