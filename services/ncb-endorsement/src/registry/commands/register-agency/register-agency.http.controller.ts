import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { RegisterAgencyBody } from './register-agency.request.dto.js';

@Controller('v1/registry/agencies')
export class RegisterAgencyController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiRegistryCommand('An NCB registers a national agency of its own country, with the agency’s first public key (AgencyRegistered)', {
    forbidden: 'Only the NCB of the agency’s country registers it',
    conflict: 'The agency id, the key id or the public key is already registered',
  })
  register(
    @Body() body: RegisterAgencyBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    const { agencyId, name, keyId, publicKey } = body;
    const country = body.country ?? signed.principal.country ?? '';
    return issue(this.commandBus, { command: 'register-agency', body: { agencyId, country, name, key: { keyId, publicKey } } }, signed, call);
  }
}
