import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { entityTagOf } from '../../../http/if-match.precondition.js';
import { REGISTRY_ETAG_HEADER } from '../../commands/registry-command.http.js';
import { assertMayActOnRegistry, principalIsNotFound } from '../../commands/registry-access.js';
import { RegistryStream } from '../../stream/registry-stream.js';
import { principalViewOf } from './principal-view.js';
import { PrincipalView } from './principal.response.dto.js';

/**
 * Reads the registry as decided here (the `registry` stream over the trust roots), not a projection of
 * it. The ETag is the version of the whole `registry` stream, not of this principal: every registry
 * command is decided on the whole registry (a registration rests on its NCB's current key, an
 * accreditation on the agency's), so that is the version an officer's command must still stand on.
 */
@Controller('v1/registry/principals')
export class GetPrincipalController {
  constructor(private readonly registry: RegistryStream) {}

  @Get(':principalId')
  @ApiTags('registry')
  @ApiOperation({ summary: 'A registered principal: its kind and country, its keys and whether each is valid now, and an agency’s accreditations' })
  @ApiParam({ name: 'principalId' })
  @ApiOkResponse({ type: PrincipalView, headers: REGISTRY_ETAG_HEADER, description: 'The ETag is the version of the whole registry, since every registry command depends on the whole registry: send it as If-Match with the command decided on what was read' })
  @ApiResponse({ status: 401, description: 'The RFC 9421 signature was not accepted (`check` names why)' })
  @ApiResponse({ status: 404, description: 'No such principal, or one the signer may not know of (external sources read no one but themselves)' })
  async read(@Param('principalId') principalId: string, @Signed() signed: SignedRequestContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<PrincipalView> {
    const { state, version } = await this.registry.load();
    const now = new Date();
    const view = principalViewOf(state, principalId, now);
    if (view === undefined) throw principalIsNotFound(principalId);
    assertMayActOnRegistry(signed.principal, 'registry:read', {
      id: principalId,
      ties: { ownerId: principalId, ...(view.country !== undefined && { country: view.country }) },
    });
    void reply.header('etag', entityTagOf(version));
    return { ...view, registryVersion: version };
  }
}
