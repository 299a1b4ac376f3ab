import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, NonceClaimedWithTheWrite, ProblemResponse, Signed, type SignedFastifyRequest, type SignedRequestContext, submissionFingerprint } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { REQUEST_BODY_LIMIT_TEXT, REQUEST_BODY_NESTING_TEXT } from '../../http/body-limit.js';
import { SubmitExternalInformationCommand } from './submit-external-information.command.js';
import { SubmitExternalInformationBody } from './submit-external-information.request.dto.js';
import { ExternalInformationAcceptedResponse } from './submit-external-information.response.dto.js';

const ROUTE = '/v1/external-information';

@ApiTags('external information')
@Controller(ROUTE.slice(1))
export class SubmitExternalInformationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @NonceClaimedWithTheWrite()
  @ApiOperation({
    summary: 'Send information as a registered external source',
    description:
      'For civil society, NGOs and other non-law-enforcement bodies registered as external sources. The information is accepted as external information, ' +
      'never as an official record: it is flagged `external: true` with a caveat in everything that shows or passes it on. ' +
      `Bodies over ${REQUEST_BODY_LIMIT_TEXT} are refused with 413, and bodies nested more than ${REQUEST_BODY_NESTING_TEXT} with 400.`,
  })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'A retry with the same key and body gets the first answer and stores nothing new; the same key with another body is refused with 422.',
  })
  @ApiBody({ type: SubmitExternalInformationBody })
  @ApiAcceptedResponse({
    type: ExternalInformationAcceptedResponse,
    headers: { Location: { description: 'Where the information can be read back', schema: { type: 'string' } } },
  })
  @ApiResponse({ status: 400, type: ProblemResponse, description: `Invalid body (each bad field in \`errors\`), a body nested more than ${REQUEST_BODY_NESTING_TEXT}, unknown field (such as \`external\` or \`caveat\`), or malformed Idempotency-Key` })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'The signer is not a registered external source' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: '`record-id-already-used`: a record under the id derived from this signature (key, created, nonce) exists already, nothing stored; sign again with a new nonce (only if the service lost a nonce claim)' })
  @ApiResponse({ status: 422, type: ProblemResponse, description: '`idempotency-key-reused`: the key was used with another body' })
  async submit(
    @Signed() signed: SignedRequestContext,
    @Body() body: SubmitExternalInformationBody,
    @Req() request: SignedFastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ExternalInformationAcceptedResponse> {
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    const idempotency = key === undefined ? undefined : { key, fingerprint: submissionFingerprint(request.method, ROUTE, request.rawBody) };
    const answer = await this.commands.execute(new SubmitExternalInformationCommand(signed, body, idempotency));
    void reply.status(answer.status).header('location', answer.body.url);
    if (answer.replayed) void reply.header('idempotent-replayed', 'true');
    const { informationId, external, caveat, url } = answer.body;
    return { informationId, external, caveat, url };
  }
}
