import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { ReinstateAccreditationBody } from './reinstate-accreditation.request.dto.js';

@Controller('v1/registry/agencies')
export class ReinstateAccreditationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':agencyId/accreditations/:accreditationId/reinstate')
  @ApiParam({ name: 'agencyId' })
  @ApiParam({ name: 'accreditationId' })
  @ApiRegistryCommand('The agency’s NCB lifts the suspension of one of its accreditations: it counts again within its validity (AccreditationReinstated)', {
    forbidden: 'Only the NCB of the agency’s country changes its accreditations',
    conflict: 'The accreditation is not suspended, or is revoked, expired or replaced',
  })
  reinstate(
    @Param('agencyId') agencyId: string,
    @Param('accreditationId') accreditationId: string,
    @Body() body: ReinstateAccreditationBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    return issue(this.commandBus, { command: 'reinstate-accreditation', body: { agencyId, accreditationId, ...(body.note !== undefined && { note: body.note }) } }, signed, call);
  }
}
