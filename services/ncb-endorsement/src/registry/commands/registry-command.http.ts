import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandBus } from '@nestjs/cqrs';
import type { RegistryCommand } from '@wildlife/registry';
import type { SignedRequestContext } from '@wildlife/service-kit';
import { IssueRegistryCommand, type RegistryFactsRecorded } from './issue-registry-command.command.js';

/** The answer to an accepted registry command. */
export class RegistryFactsResponse {
  @ApiProperty({
    description:
      'The facts recorded, in order: each a registry fact (`type` and its fields, as in the public event of that type on wildlife.registry.events) with `eventId`, the id of that public event',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  facts!: RegistryFactsRecorded['facts'];
}

/** Issues a registry command as the signer of the call. */
export function issue(commandBus: CommandBus, command: RegistryCommand, signed: SignedRequestContext): Promise<RegistryFactsRecorded> {
  return commandBus.execute(new IssueRegistryCommand(command, signed));
}

/** The OpenAPI description every registry command shares, with what its 403 and 409 mean for it. */
export function ApiRegistryCommand(summary: string, refusals: { readonly forbidden: string; readonly conflict: string }) {
  return applyDecorators(
    ApiTags('registry'),
    ApiOperation({ summary }),
    HttpCode(201),
    ApiCreatedResponse({ type: RegistryFactsResponse, description: 'The fact was recorded and will be published on wildlife.registry.events' }),
    ApiResponse({ status: 400, description: 'The body is invalid (`errors` lists each field); or signature material a record cannot keep as its provenance (`signature-material-unrecordable`: e.g. a query string, label or covered header too long; `errors` says where)' }),
    ApiResponse({
      status: 401,
      description:
        'The RFC 9421 signature was not accepted (`check` names why). The signing key is checked again on the registry the command is decided on, so a key rotated out or revoked a moment ago is refused (`key_rotated_out`, `key_revoked`) even before every service has learnt of it',
    }),
    ApiResponse({ status: 403, description: `${refusals.forbidden} (\`rule\` or \`action\` says which rule)` }),
    ApiResponse({ status: 404, description: 'A principal or accreditation the command names is not registered, or not one the signer may know of' }),
    ApiResponse({ status: 409, description: `${refusals.conflict} (\`rule\` names it)` }),
    ApiResponse({
      status: 422,
      description:
        'A value breaks a registry rule whatever the registry holds (`rule` names it): a reserved id, a key that is not Ed25519, dates in the wrong order, a time of a day that does not exist (30 February) or outside the years 0001 to 9999 once in UTC (`TimeIsMalformed`)',
    }),
  );
}
