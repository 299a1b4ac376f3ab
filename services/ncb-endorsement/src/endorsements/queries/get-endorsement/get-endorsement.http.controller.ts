import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PG_POOL, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import type pg from 'pg';
import { assertMayActOnRequest, supportRequestIsNotFound } from '../../access/request-access.js';
import { CLOCK, type Clock } from '../../clock.js';
import { ETAG_HEADER } from '../../commands/ncb-decision.http.js';
import { entityTagOf } from '../../../http/if-match.precondition.js';
import { readEndorsementWithPermit } from '../../projections/endorsement-read-model.js';
import { endorsementViewOf } from '../endorsement-view.js';
import { EndorsementView } from '../endorsement.response.dto.js';
import { LowerCasedId } from '../../../http/lower-cased-id.pipe.js';

@ApiTags('endorsement')
@Controller('v1/support-requests')
export class GetEndorsementController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':requestId/endorsement')
  @ApiOperation({ summary: 'Where a request stands at its NCB, with its permit and history: for that NCB, the requesting agency and the GS' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiOkResponse({ type: EndorsementView, headers: ETAG_HEADER })
  @ApiResponse({ status: 401, description: 'The RFC 9421 signature was not accepted (`check` names why)' })
  @ApiResponse({ status: 404, description: 'No such request, or one the signer may not know of' })
  async get(@Param('requestId', LowerCasedId) requestId: string, @Signed() signed: SignedRequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<EndorsementView> {
    const notFound = () => supportRequestIsNotFound(requestId);
    const found = await readEndorsementWithPermit(this.pool, requestId);
    if (found === undefined) throw notFound();
    const { endorsement, permit } = found;
    assertMayActOnRequest(signed.principal, 'support-request:read', endorsement.agency, notFound);
    void reply.header('etag', entityTagOf(endorsement.version));
    return endorsementViewOf(endorsement, permit, signed.principal, this.clock());
  }
}
