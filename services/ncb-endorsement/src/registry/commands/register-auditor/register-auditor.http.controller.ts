import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { RegisterAuditorBody } from './register-auditor.request.dto.js';

@Controller('v1/registry/auditors')
export class RegisterAuditorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiRegistryCommand('The General Secretariat registers an auditor with its first public key (AuditorRegistered)', {
    forbidden: 'Only the General Secretariat registers auditors',
    conflict: 'The auditor id, the key id or the public key is already registered',
  })
  register(
    @Body() body: RegisterAuditorBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    const { auditorId, name, keyId, publicKey } = body;
    return issue(this.commandBus, { command: 'register-auditor', body: { auditorId, name, key: { keyId, publicKey } } }, signed, call);
  }
}
