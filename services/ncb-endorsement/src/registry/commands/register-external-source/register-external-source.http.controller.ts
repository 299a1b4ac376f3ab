import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { RegisterExternalSourceBody } from './register-external-source.request.dto.js';

@Controller('v1/registry/external-sources')
export class RegisterExternalSourceController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @ApiRegistryCommand('The General Secretariat registers an external source (never an official source) with its first public key (ExternalSourceRegistered)', {
    forbidden: 'Only the General Secretariat registers external sources',
    conflict: 'The source id, the key id or the public key is already registered',
  })
  register(
    @Body() body: RegisterExternalSourceBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    const { sourceId, name, keyId, publicKey } = body;
    return issue(this.commandBus, { command: 'register-external-source', body: { sourceId, name, key: { keyId, publicKey } } }, signed, call);
  }
}
