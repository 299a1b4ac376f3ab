import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProblemError, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { ApiSignedLogRead, assertMayRead } from './log-access.js';
import { LogReads } from './log-reads.js';
import { RecordProvenanceResponse } from './log.responses.js';

/** One record's provenance: its entries, proved against the latest checkpoint, and what they rest on. */
@ApiTags('provenance log')
@Controller('v1/log/records')
export class RecordsController {
  constructor(private readonly reads: LogReads) {}

  @Get(':recordId')
  @ApiOperation({ summary: 'A record’s entries and the chain that makes its source official, each with its inclusion proof against the latest checkpoint' })
  @ApiParam({ name: 'recordId', description: 'The record’s CloudEvent id (or `unparsed:<sha-256 hex>` for a message that was not one)' })
  @ApiOkResponse({ type: RecordProvenanceResponse })
  @ApiSignedLogRead()
  async record(@Signed() signed: SignedRequestContext, @Param('recordId') recordId: string): Promise<RecordProvenanceResponse> {
    assertMayRead(signed.principal, 'provenance-record:read');
    const provenance = await this.reads.recordProvenance(recordId);
    if (provenance === undefined) throw new ProblemError(404, 'record-not-found', 'Not Found', `The log holds no record ${recordId}.`);
    return provenance;
  }
}
