import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProblemError, ProblemResponse, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { MOVING_ANSWER } from './cache-control.js';
import { ApiSignedLogRead, assertMayRead } from './log-access.js';
import { LogReads } from './log-reads.js';
import { RecordProvenanceResponse } from './log.responses.js';
import { couldBeRecordId } from './record-id.js';

const notFound = (recordId: string) => new ProblemError(404, 'record-not-found', 'Not Found', `The log holds no record ${JSON.stringify(recordId)}.`);

/** One record's provenance: its entries, proved against the latest checkpoint, and what they rest on. */
@ApiTags('provenance log')
@Controller('v1/log/records')
export class RecordsController {
  constructor(private readonly reads: LogReads) {}

  @Get(':recordId')
  // The record's contents, proved against whichever checkpoint is the latest: never kept by a cache.
  @Header('cache-control', MOVING_ANSWER)
  @ApiOperation({ summary: 'A record’s entries and the chain that makes its source official, each with its inclusion proof against the latest checkpoint' })
  @ApiParam({
    name: 'recordId',
    description: 'The record’s CloudEvent id, percent-encoded (or `unparsed:<sha-256 hex>` for a message that was not one); at most 200 characters',
  })
  @ApiOkResponse({ type: RecordProvenanceResponse, headers: { 'Cache-Control': { description: '`private, no-store`: the answer holds the record’s contents and moves with the latest checkpoint', schema: { type: 'string' } } } })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'The record id in the URL is not valid percent-encoded UTF-8' })
  @ApiResponse({ status: 503, type: ProblemResponse, description: 'The log has not signed its first checkpoint yet (`log-not-ready`, with `Retry-After`)' })
  @ApiSignedLogRead('record')
  async record(@Signed() signed: SignedRequestContext, @Param('recordId') recordId: string): Promise<RecordProvenanceResponse> {
    assertMayRead(signed.principal, 'provenance-record:read');
    // An id no record can have is answered without a query.
    if (!couldBeRecordId(recordId)) throw notFound(recordId);
    const provenance = await this.reads.recordProvenance(recordId);
    if (provenance === undefined) throw notFound(recordId);
    return provenance;
  }
}
