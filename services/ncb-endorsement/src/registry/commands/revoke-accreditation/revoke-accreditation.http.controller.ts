import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { RevokeAccreditationBody } from './revoke-accreditation.request.dto.js';

@Controller('v1/registry/agencies')
export class RevokeAccreditationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':agencyId/accreditations/:accreditationId/revoke')
  @ApiParam({ name: 'agencyId' })
  @ApiParam({ name: 'accreditationId' })
  @ApiRegistryCommand('The agency’s NCB revokes one of its accreditations for good; what it covered before stands (AccreditationRevoked)', {
    forbidden: 'Only the NCB of the agency’s country changes its accreditations',
    conflict: 'The accreditation is revoked already, expired or replaced',
  })
  revoke(
    @Param('agencyId') agencyId: string,
    @Param('accreditationId') accreditationId: string,
    @Body() body: RevokeAccreditationBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    return issue(this.commandBus, { command: 'revoke-accreditation', body: { agencyId, accreditationId, reason: body.reason } }, signed, call);
  }
}
