import { applyDecorators, createParamDecorator, HttpCode, type ExecutionContext } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CommandBus } from '@nestjs/cqrs';
import type { RegistryCommand } from '@wildlife/registry';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, submissionFingerprint, type SignedFastifyRequest, type SignedRequestContext } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { entityTagOf, readIfMatch } from '../../http/if-match.precondition.js';
import { IssueRegistryCommand, type RegistryConditions, type RegistryFactsRecorded } from './issue-registry-command.command.js';

/** The answer to an accepted registry command. */
export class RegistryFactsResponse {
  @ApiProperty({
    description:
      'The facts recorded, in order: each a registry fact (`type` and its fields, as in the public event of that type on wildlife.registry.events) with `eventId`, the id of that public event',
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  facts!: RegistryFactsRecorded['facts'];

  @ApiProperty({ description: 'The registry’s version once the facts were recorded, as the ETag says it: send it as `If-Match` with the next command decided on this answer', example: 12 })
  registryVersion!: number;
}

/** A registry command's call: its optional If-Match and Idempotency-Key, and the reply their answer's headers go on. */
export interface RegistryCall {
  readonly conditions: RegistryConditions;
  readonly reply: FastifyReply;
}

/**
 * The call's conditions, read at the edge: a malformed If-Match or Idempotency-Key is a 400. The
 * Idempotency-Key's fingerprint is over the method, the path (with the ids it names) and the body as
 * sent, before the service fills anything in (an accreditation id), so a retry's fingerprint matches.
 */
export const RegistryCallOf = createParamDecorator((_data: unknown, context: ExecutionContext): RegistryCall => {
  const http = context.switchToHttp();
  const request = http.getRequest<SignedFastifyRequest>();
  const key = idempotencyKeyOf(request.headers['idempotency-key']);
  const idempotency = key === undefined ? undefined : { key, fingerprint: submissionFingerprint(request.method, request.url, request.rawBody) };
  return { conditions: { ifMatch: readIfMatch(request.headers['if-match']), idempotency }, reply: http.getResponse<FastifyReply>() };
});

/**
 * Issues a registry command as the signer of the call; answers with the facts recorded, the registry's
 * new version as the ETag and in the body (`registryVersion`, for clients that read bodies only) and, for the stored answer to an earlier call with the same key,
 * `Idempotent-Replayed: true`.
 */
export async function issue(commandBus: CommandBus, command: RegistryCommand, signed: SignedRequestContext, { conditions, reply }: RegistryCall): Promise<RegistryFactsResponse> {
  const answer = await commandBus.execute(new IssueRegistryCommand(command, signed, conditions));
  void reply.header('etag', entityTagOf(answer.version));
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return { ...answer.body, registryVersion: answer.version };
}

/** The ETag of the registry: the version of the whole `registry` stream. */
export const REGISTRY_ETAG_HEADER = {
  ETag: {
    description:
      'The version of the whole registry ("<version>" of the `registry` stream), not of one principal: every registry command is decided on the whole registry. Send it as If-Match with the next command',
    schema: { type: 'string' },
  },
};

/** The OpenAPI description every registry command shares, with what its 403 and 409 mean for it. */
export function ApiRegistryCommand(summary: string, refusals: { readonly forbidden: string; readonly conflict: string }) {
  return applyDecorators(
    ApiTags('registry'),
    ApiOperation({ summary }),
    HttpCode(201),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The registry’s version the command was decided on, as GET of a principal (or the last command) answered it in ETag. When sent, the command is refused with 412 if any registry command was recorded since; left out, it is decided on the registry as it is (for scripts). Officers’ UIs should send it, so one officer never silently replaces another’s change. Covered by the signature when sent',
    }),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'At most once per signer and key: a retry with the same key, path and body gets the first answer again (`Idempotent-Replayed: true`, the same facts and ETag) and records nothing, even if its If-Match is stale by then; the same key with another request is refused with 422 `idempotency-key-reused`. Only accepted commands are kept. Covered by the signature when sent',
    }),
    ApiCreatedResponse({
      type: RegistryFactsResponse,
      headers: {
        ...REGISTRY_ETAG_HEADER,
        'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier command with the same Idempotency-Key', schema: { type: 'string' } },
      },
      description: 'The fact was recorded and will be published on wildlife.registry.events',
    }),
    ApiResponse({ status: 400, description: 'The body is invalid (`errors` lists each field), If-Match is not a list of entity tags (`if-match-malformed`) or the Idempotency-Key is not 1 to 255 visible ASCII characters (`idempotency-key-invalid`)' }),
    ApiResponse({
      status: 401,
      description:
        'The RFC 9421 signature was not accepted (`check` names why). The signing key is checked again on the registry the command is decided on, so a key rotated out or revoked a moment ago is refused (`key_rotated_out`, `key_revoked`) even before every service has learnt of it',
    }),
    ApiResponse({ status: 403, description: `${refusals.forbidden} (\`rule\` or \`action\` says which rule)` }),
    ApiResponse({ status: 404, description: 'A principal or accreditation the command names is not registered, or not one the signer may know of' }),
    ApiResponse({ status: 409, description: `${refusals.conflict} (\`rule\` names it)` }),
    ApiResponse({
      status: 412,
      headers: REGISTRY_ETAG_HEADER,
      description: 'If-Match does not name the registry’s current version (`version-is-stale`, with `currentVersion` and the ETag): another command was recorded since; nothing was recorded. Read again and decide on the current registry',
    }),
    ApiResponse({
      status: 422,
      description:
        'A value breaks a registry rule whatever the registry holds (`rule` names it): a reserved id, a key that is not Ed25519, dates in the wrong order, a time of a day that does not exist (30 February) or outside the years 0001 to 9999 once in UTC (`TimeIsMalformed`); or the Idempotency-Key was used by the signer for another request (`idempotency-key-reused`)',
    }),
    ApiResponse({
      status: 503,
      description:
        'With `Retry-After`: the facts would be timed outside the window the signature allows (the registry’s latest fact is timed ahead of it, another instance’s clock running ahead), which the provenance log would reject (`record-time-outside-signature-window`); nothing stored',
    }),
  );
}
