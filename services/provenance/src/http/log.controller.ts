import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, PublicRoute, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import type { LogKey } from '../checkpoints/log-key.js';
import { LOG_KEY } from '../provenance.tokens.js';
import { ApiSignedLogRead, assertMayRead } from './log-access.js';
import { LogReads } from './log-reads.js';
import { ConsistencyQuery, EntriesQuery, InclusionQuery } from './log.queries.js';
import { ConsistencyProofResponse, InclusionProofResponse, LogEntriesResponse } from './log.responses.js';
import { LogRangeProblemResponse } from './problem.response.js';

const TEXT = 'text/plain; charset=utf-8';
const RANGE_REFUSED = { status: 400, type: LogRangeProblemResponse, description: 'A size or index beyond the log, or a first size above the second (`log-range-invalid`), or a parameter that is not a natural number' };

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
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'The latest checkpoint: a C2SP tlog-checkpoint (origin, size, base64 root) signed as a C2SP signed note' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiResponse({ status: 503, type: ProblemResponse, description: 'The log has not signed its first checkpoint yet' })
  @ApiSignedLogRead()
  async checkpoint(@Signed() signed: SignedRequestContext): Promise<string> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return (await this.reads.latestCheckpoint()).note;
  }

  @Get('entries')
  @ApiOperation({ summary: 'Entries [start, end) with their exact leaf bytes (at most 1000 per call)' })
  @ApiOkResponse({ type: LogEntriesResponse })
  @ApiResponse(RANGE_REFUSED)
  @ApiSignedLogRead()
  async entries(@Signed() signed: SignedRequestContext, @Query() query: EntriesQuery): Promise<LogEntriesResponse> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return { entries: await this.reads.entries(query.start, query.end) };
  }

  @Get('proofs/inclusion')
  @ApiOperation({ summary: 'Inclusion proof (RFC 9162 §2.1.3) of the entry at `index` in the tree of `treeSize`' })
  @ApiOkResponse({ type: InclusionProofResponse })
  @ApiResponse(RANGE_REFUSED)
  @ApiSignedLogRead()
  async inclusion(@Signed() signed: SignedRequestContext, @Query() query: InclusionQuery): Promise<InclusionProofResponse> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return this.reads.inclusionProof(query.index, query.treeSize);
  }

  @Get('proofs/consistency')
  @ApiOperation({ summary: 'Consistency proof (RFC 9162 §2.1.4) from the tree of `first` to the tree of `second`' })
  @ApiOkResponse({ type: ConsistencyProofResponse })
  @ApiResponse(RANGE_REFUSED)
  @ApiSignedLogRead()
  async consistency(@Signed() signed: SignedRequestContext, @Query() query: ConsistencyQuery): Promise<ConsistencyProofResponse> {
    assertMayRead(signed.principal, 'provenance-log:read');
    return this.reads.consistencyProof(query.first, query.second);
  }
}
