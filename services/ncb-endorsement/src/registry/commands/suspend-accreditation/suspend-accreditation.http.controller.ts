import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { SuspendAccreditationBody } from './suspend-accreditation.request.dto.js';

@Controller('v1/registry/agencies')
export class SuspendAccreditationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':agencyId/accreditations/:accreditationId/suspend')
  @ApiParam({ name: 'agencyId' })
  @ApiParam({ name: 'accreditationId' })
  @ApiRegistryCommand('The agency’s NCB suspends one of its accreditations: it stops counting until reinstated (AccreditationSuspended)', {
    forbidden: 'Only the NCB of the agency’s country changes its accreditations',
    conflict: 'The accreditation is suspended already, revoked, expired or replaced',
  })
  suspend(
    @Param('agencyId') agencyId: string,
    @Param('accreditationId') accreditationId: string,
    @Body() body: SuspendAccreditationBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    return issue(this.commandBus, { command: 'suspend-accreditation', body: { agencyId, accreditationId, reason: body.reason } }, signed, call);
  }
}
