import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { assertAllowed, externalInformationNotFound } from '../../http/access.problem.js';
import { ExternalInformationView } from '../external-information.view.dto.js';
import { externalInformationReadDecision } from './external-information-access.js';
import { ExternalInformationQueries } from './external-information.queries.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('external information')
@Controller('v1/external-information')
export class GetExternalInformationController {
  constructor(private readonly queries: ExternalInformationQueries) {}

  @Get(':informationId')
  @ApiOperation({
    summary: 'External information, always shown with its external flag and caveat',
    description: 'For whoever the authorisation table lets read it (the General Secretariat; the NCBs of the countries it concerns); 404 for everyone else.',
  })
  @ApiParam({ name: 'informationId', format: 'uuid' })
  @ApiOkResponse({ type: ExternalInformationView })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such information, or not information the caller may see' })
  async one(@Signed() signed: SignedRequestContext, @Param('informationId') informationId: string): Promise<ExternalInformationView> {
    const found = UUID.test(informationId) ? await this.queries.one(informationId.toLowerCase()) : undefined;
    if (!found) throw externalInformationNotFound(informationId);
    assertAllowed(externalInformationReadDecision(signed.principal, found), 'You may not read this information.', () => externalInformationNotFound(informationId));
    return found;
  }
}
