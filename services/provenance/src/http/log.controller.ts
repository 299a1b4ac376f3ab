import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, PublicRoute, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { LogKey } from '../checkpoints/log-key.js';
import { LOG_KEY } from '../provenance.tokens.js';
import { CacheableAnswer, IMMUTABLE_ANSWER, MOVING_ANSWER } from './cache-control.js';
import { ApiSignedLogRead, assertMayRead } from './log-access.js';
import { LogReads } from './log-reads.js';
import { ConsistencyQuery, EntriesQuery, InclusionQuery } from './log.queries.js';
import { ConsistencyProofResponse, InclusionProofResponse, LogEntriesResponse } from './log.responses.js';
import { LogRangeProblemResponse } from './problem.response.js';

const TEXT = 'text/plain; charset=utf-8';
const RANGE_REFUSED = {
  status: 400,
  type: LogRangeProblemResponse,
  description:
    'A size or index beyond the log, an empty range, or a first size above the second or of 0 (`log-range-invalid`, with the log’s size); or a parameter missing or not a natural number in canonical decimal below 2^53 (`validation-failed`, naming it in `errors`)',
};
const cached = (value: string, why: string) => ({ 'Cache-Control': { description: `\`${value}\`: ${why}`, schema: { type: 'string' } } });
const IMMUTABLE = cached(IMMUTABLE_ANSWER, 'the answer never changes (a refusal is `no-store`: `private, no-store` from the route, `no-store` from the service kit before it)');

/** The auditor API of the provenance log (TARGET-DESIGN §6): read-only, for auditors and the GS. */
@ApiTags('provenance log')
@Controller('v1/log')
export class LogController {
  constructor(
    private readonly reads: LogReads,
    @Inject(LOG_KEY) private readonly logKey: LogKey,
  ) {}

  @Get('verifier-key')
  @PublicRoute()
  @Header('content-type', TEXT)
  @ApiOperation({ summary: 'The log’s C2SP note verifier key (`<origin>+<key id>+<base64 key>`): checks every checkpoint' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string', example: 'wildlife.example/provenance-log+8d0fb4a6+AV0R6l8S…' } })
  verifierKey(): string {
    return this.logKey.verifierKey;
  }

  @Get('checkpoint')
  @Header('content-type', TEXT)
  // The latest checkpoint moves with the log: never kept by a cache.
  @Header('cache-control', MOVING_ANSWER)
  @ApiOperation({ summary: 'The latest checkpoint: a C2SP tlog-checkpoint (origin, size, base64 root) signed as a C2SP signed note' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' }, headers: cached(MOVING_ANSWER, 'the answer moves with the log') })
  @ApiResponse({ status: 503, type: ProblemResponse, description: 'The log has not signed its first checkpoint yet (`log-not-ready`, with `Retry-After`)' })
  @ApiSignedLogRead('log')
  async checkpoint(@Signed() signed: SignedRequestContext): Promise<string> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return (await this.reads.latestCheckpoint()).note;
  }

  @Get('entries')
  @CacheableAnswer(IMMUTABLE_ANSWER)
  @ApiOperation({
    summary: 'Entries [start, end) with their exact leaf bytes: a first page of at most 1000 entries and 4 MiB of leaf bytes (always one entry); `next` says where the following page starts',
  })
  @ApiOkResponse({ type: LogEntriesResponse, headers: IMMUTABLE })
  @ApiResponse(RANGE_REFUSED)
  @ApiSignedLogRead('log')
  async entries(@Signed() signed: SignedRequestContext, @Query() query: EntriesQuery): Promise<LogEntriesResponse> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return this.reads.entries(query.start, query.end);
  }

  @Get('proofs/inclusion')
  @CacheableAnswer(IMMUTABLE_ANSWER)
  @ApiOperation({ summary: 'Inclusion proof (RFC 9162 §2.1.3) of the entry at `index` in the tree of `treeSize`' })
  @ApiOkResponse({ type: InclusionProofResponse, headers: IMMUTABLE })
  @ApiResponse(RANGE_REFUSED)
  @ApiSignedLogRead('log')
  async inclusion(@Signed() signed: SignedRequestContext, @Query() query: InclusionQuery): Promise<InclusionProofResponse> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return this.reads.inclusionProof(query.index, query.treeSize);
  }

  @Get('proofs/consistency')
  @CacheableAnswer(IMMUTABLE_ANSWER)
  @ApiOperation({ summary: 'Consistency proof (RFC 9162 §2.1.4) from the tree of `first` to the tree of `second`' })
  @ApiOkResponse({ type: ConsistencyProofResponse, headers: IMMUTABLE })
  @ApiResponse(RANGE_REFUSED)
  @ApiSignedLogRead('log')
  async consistency(@Signed() signed: SignedRequestContext, @Query() query: ConsistencyQuery): Promise<ConsistencyProofResponse> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return this.reads.consistencyProof(query.first, query.second);
  }
}
