import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { DERIVED_ID_LABELS, MINTED_ACCREDITATION_ID_PREFIX, signatureDerivedId } from '@wildlife/signatures';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { AccreditAgencyBody } from './accredit-agency.request.dto.js';

@Controller('v1/registry/agencies')
export class AccreditAgencyController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':agencyId/accreditations')
  @ApiParam({ name: 'agencyId' })
  @ApiRegistryCommand('The agency’s NCB accredits it for a scope and a validity; it replaces its earlier accreditation from then on (AgencyAccredited)', {
    forbidden: 'Only the NCB of the agency’s country accredits it',
    conflict: 'The accreditation id is taken',
  })
  accredit(
    @Param('agencyId') agencyId: string,
    @Body() body: AccreditAgencyBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    // Left out, the id is derived from the signature (`acc-<uuid>`), so provenance can check it.
    const accreditationId = body.accreditationId ?? MINTED_ACCREDITATION_ID_PREFIX + signatureDerivedId(DERIVED_ID_LABELS.accreditation, signed.material);
    const { scope, validFrom, validUntil } = body;
    return issue(this.commandBus, { command: 'accredit-agency', body: { agencyId, accreditationId, scope, validFrom, validUntil } }, signed, call);
  }
}
