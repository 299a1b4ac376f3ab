import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiParam } from '@nestjs/swagger';
import { Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiRegistryCommand, issue, RegistryCallOf, type RegistryCall, type RegistryFactsResponse } from '../registry-command.http.js';
import { RevokeKeyBody } from './revoke-key.request.dto.js';

@Controller('v1/registry/principals')
export class RevokeKeyController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':principalId/keys/:keyId/revoke')
  @ApiParam({ name: 'principalId' })
  @ApiParam({ name: 'keyId' })
  @ApiRegistryCommand(
    'The authority in charge of a principal’s keys revokes one of them: it verifies nothing received from now on (KeyRevoked). A principal may not revoke, signing itself, its last valid key: it could sign nothing after, not even a rotation, and nobody else manages an NCB’s keys; it rotates the key out instead, then may revoke the old one',
    {
      forbidden: 'Only the authority in charge of the principal’s keys revokes them',
      conflict: 'The key is revoked already (`KeyIsAlreadyRevoked`), or it is the last valid key of the principal that signs its revocation (`PrincipalMayNotRevokeItsOwnLastValidKey`)',
    },
  )
  revoke(
    @Param('principalId') principalId: string,
    @Param('keyId') keyId: string,
    @Body() body: RevokeKeyBody,
    @Signed() signed: SignedRequestContext,
    @RegistryCallOf() call: RegistryCall,
  ): Promise<RegistryFactsResponse> {
    const { reason, compromisedSince, note } = body;
    const optional = { ...(compromisedSince !== undefined && { compromisedSince }), ...(note !== undefined && { note }) };
    return issue(this.commandBus, { command: 'revoke-key', body: { principalId, keyId, reason, ...optional } }, signed, call);
  }
}
