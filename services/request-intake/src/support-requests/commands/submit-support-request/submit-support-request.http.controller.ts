import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf, NonceClaimedWithTheWrite, ProblemResponse, Signed, type SignedFastifyRequest, type SignedRequestContext, submissionFingerprint } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { REQUEST_BODY_LIMIT_TEXT, REQUEST_BODY_NESTING_TEXT } from '../../http/body-limit.js';
import { SubmitSupportRequestCommand } from './submit-support-request.command.js';
import { SubmitSupportRequestBody } from './submit-support-request.request.dto.js';
import { SubmissionAcceptedResponse } from './submit-support-request.response.dto.js';

const ROUTE = '/v1/support-requests';

@ApiTags('support requests')
@Controller(ROUTE.slice(1))
export class SubmitSupportRequestController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(202)
  @NonceClaimedWithTheWrite()
  @ApiOperation({
    summary: 'Submit a support request',
    description:
      'Signed by a national agency (accredited or not) for itself, or by its NCB on its behalf (`onBehalfOfAgency`, an agency of the NCB’s own country). ' +
      'The requesting agency and its country come from the signature and the registry, never from the body. ' +
      `Bodies over ${REQUEST_BODY_LIMIT_TEXT} are refused with 413, and bodies nested more than ${REQUEST_BODY_NESTING_TEXT} with 400. A refused request stores nothing and publishes nothing.`,
  })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      'Up to 255 visible ASCII characters (a UUID is best). A retry with the same key and the same body gets the first answer and creates no second request; the same key with another body is refused with 422.',
  })
  @ApiBody({ type: SubmitSupportRequestBody })
  @ApiAcceptedResponse({
    type: SubmissionAcceptedResponse,
    description: 'Accepted: the request is recorded and will be published; its status follows the NCB’s decisions',
    headers: {
      Location: { description: 'The status URL', schema: { type: 'string' } },
      'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier submission with the same key', schema: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 400, type: ProblemResponse, description: `Invalid body (each bad field in \`errors\`), a body nested more than ${REQUEST_BODY_NESTING_TEXT}, unknown field, or malformed Idempotency-Key` })
  @ApiResponse({ status: 403, type: ProblemResponse, description: 'The signer may not submit this request: not an agency or an NCB, an agency naming another agency, or an NCB acting for another country' })
  @ApiResponse({ status: 409, type: ProblemResponse, description: '`record-id-already-used`: a record under the id derived from this signature (key, created, nonce) exists already, nothing stored; sign again with a new nonce (only if the service lost a nonce claim)' })
  @ApiResponse({
    status: 422,
    type: ProblemResponse,
    description:
      '`idempotency-key-reused` (the key was used with another body); `on-behalf-of-agency-unknown`; `an-ncb-names-the-agency-it-submits-for`; `operational-detail-needs-the-operational-support-capability`',
  })
  async submit(
    @Signed() signed: SignedRequestContext,
    @Body() body: SubmitSupportRequestBody,
    @Req() request: SignedFastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmissionAcceptedResponse> {
    const key = idempotencyKeyOf(request.headers['idempotency-key']);
    const idempotency = key === undefined ? undefined : { key, fingerprint: submissionFingerprint(request.method, ROUTE, request.rawBody) };
    const answer = await this.commands.execute(new SubmitSupportRequestCommand(signed, body, idempotency));
    void reply.status(answer.status).header('location', answer.body.statusUrl);
    if (answer.replayed) void reply.header('idempotent-replayed', 'true');
    const { requestId, status, statusUrl } = answer.body;
    return { requestId, status, statusUrl };
  }
}
