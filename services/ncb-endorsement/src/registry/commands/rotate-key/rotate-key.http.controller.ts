import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { RotateKeyBody } from './rotate-key.request.dto.js';

@Controller('v1/registry/principals')
export class RotateKeyController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':principalId/keys/rotate')
  @ApiParam({ name: 'principalId' })
  @ApiRegistryCommand('The authority in charge of a principal’s keys replaces one of them by a new one, from now (KeyRotated)', {
    forbidden: 'Only the authority in charge of the principal’s keys rotates them: an NCB its own and its agencies’, the GS its own, its analysts’, external sources’ and auditors’',
    conflict: 'The old key is rotated out already, or the new key id or public key is already registered',
  })
  rotate(
    @Param('principalId') principalId: string,
    @Body() body: RotateKeyBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    const { keyId, publicKey, retiredKeyId } = body;
    return issue(this.commandBus, { command: 'rotate-key', body: { principalId, newKey: { keyId, publicKey }, retiredKeyId } }, signed, call);
  }
}
