import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { VerifiedPrincipal } from '@wildlife/service-kit';
import type { FastifyReply } from 'fastify';
import { currentPermitOf, type EndorsementRecords } from '../projections/endorsement-record.js';
import { endorsementViewOf } from '../queries/endorsement-view.js';
import { EndorsementView } from '../queries/endorsement.response.dto.js';
import { EndorsementProblemResponse } from './endorsement-problem.response.js';
import { entityTagOf } from '../../http/if-match.precondition.js';

export const ETAG_HEADER = { ETag: { description: 'The request’s new version, "<version>": send it as If-Match next time', schema: { type: 'string' } } };

/** The OpenAPI description every NCB decision on a request shares, and its 200. */
export function ApiNcbDecision(summary: string, options: { ifMatchRequired: boolean } = { ifMatchRequired: true }) {
  return applyDecorators(
    ApiTags('endorsement'),
    ApiOperation({ summary }),
    HttpCode(200),
    ApiParam({ name: 'requestId', format: 'uuid' }),
    ApiHeader({
      name: 'If-Match',
      required: options.ifMatchRequired,
      description: 'The version last read, as its ETag ("<version>")' + (options.ifMatchRequired ? '' : '; when sent, it must still be current'),
    }),
    ApiOkResponse({ type: EndorsementView, headers: ETAG_HEADER, description: 'The decision was recorded and will be published' }),
    ApiResponse({ status: 400, description: 'The body is invalid (`errors` lists each field), or If-Match is not a list of entity tags' }),
    ApiResponse({ status: 401, description: 'The RFC 9421 signature was not accepted (`check` names why)' }),
    ApiResponse({ status: 403, type: EndorsementProblemResponse, description: 'The signer may see the request but not decide on it: only the NCB of its country may' }),
    ApiResponse({ status: 404, description: 'No such request, or one the signer may not know of' }),
    ApiResponse({ status: 409, type: EndorsementProblemResponse, description: 'The request’s current status does not allow it (`currentState` names it), or it was rejected by provenance' }),
    ApiResponse({ status: 412, type: EndorsementProblemResponse, description: 'If-Match names a version that is no longer current (`currentVersion`)' }),
    ...(options.ifMatchRequired ? [ApiResponse({ status: 428, description: 'If-Match is missing' })] : []),
    ApiResponse({
      status: 503,
      description:
        'With `Retry-After`: the read models are being rebuilt (`writes-are-paused`), or the decision would be timed outside the window its signature allows, which the provenance log would reject (`record-time-outside-signature-window`: sign it again)',
    }),
  );
}

/** Sets the ETag of the request's version and returns the request as the signer now sees it. */
export function answerWithEndorsement(reply: FastifyReply, records: EndorsementRecords, reader: VerifiedPrincipal, now: Date): EndorsementView {
  void reply.header('etag', entityTagOf(records.endorsement.version));
  return endorsementViewOf(records.endorsement, currentPermitOf(records), reader, now);
}
