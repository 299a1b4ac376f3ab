import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { PG_POOL, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import type pg from 'pg';
import { assertMayActOnRequest, permitIsNotFound } from '../../access/request-access.js';
import { CLOCK, type Clock } from '../../clock.js';
import { ETAG_HEADER } from '../../commands/ncb-decision.http.js';
import { entityTagOf } from '../../../http/if-match.precondition.js';
import { readPermitWithVersion } from '../../projections/endorsement-read-model.js';
import { permitViewOf } from '../endorsement-view.js';
import { PermitView } from '../endorsement.response.dto.js';
import { LowerCasedId } from '../../../http/lower-cased-id.pipe.js';

@ApiTags('endorsement')
@Controller('v1/permits')
export class GetPermitController {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':permitId')
  @ApiOperation({
    summary: 'A direct-contact permit and whether it is active, revoked, expired or void (its request, or the endorsement that issued it, rejected by the provenance check): for the NCB, the agency and the GS',
  })
  @ApiParam({ name: 'permitId', format: 'uuid' })
  @ApiOkResponse({ type: PermitView, headers: ETAG_HEADER })
  @ApiResponse({ status: 401, description: 'The RFC 9421 signature was not accepted (`check` names why)' })
  @ApiResponse({ status: 404, description: 'No such permit, or one the signer may not know of' })
  async get(@Param('permitId', LowerCasedId) permitId: string, @Signed() signed: SignedRequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<PermitView> {
    const notFound = () => permitIsNotFound(permitId);
    const found = await readPermitWithVersion(this.pool, permitId);
    if (found === undefined) throw notFound();
    const { permit, version } = found;
    assertMayActOnRequest(signed.principal, 'support-request:read', permit.agency, notFound);
    void reply.header('etag', entityTagOf(version));
    return permitViewOf(permit, version, this.clock());
  }
}
