import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { authorize } from '@wildlife/registry';
import { ProblemResponse, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { assertAllowed, supportRequestNotFound } from '../../http/access.problem.js';
import { SupportRequestQueries } from '../support-request.queries.js';
import { SupportRequestView } from '../support-request.view.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('support requests')
@Controller('v1/support-requests')
export class GetSupportRequestController {
  constructor(private readonly queries: SupportRequestQueries) {}

  @Get(':requestId')
  @ApiOperation({
    summary: 'A support request: its statuses and history',
    description:
      'For the requesting agency, the NCB of its country and the General Secretariat. Everyone else gets 404, the same answer as for a request that does not exist.',
  })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiOkResponse({ type: SupportRequestView, headers: { ETag: { description: 'The request’s version, quoted', schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such request, or not one the caller may see' })
  async one(
    @Signed() signed: SignedRequestContext,
    @Param('requestId') requestId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SupportRequestView> {
    const found = UUID.test(requestId) ? await this.queries.one(requestId.toLowerCase()) : undefined;
    if (!found) throw supportRequestNotFound(requestId);
    const decision = authorize(signed.principal, 'support-request:read', { country: found.country, ownerId: found.requestingAgencyId });
    assertAllowed(decision, 'You may not read this support request.', () => supportRequestNotFound(requestId));
    void reply.header('etag', `"${found.view.version}"`);
    return found.view;
  }
}
