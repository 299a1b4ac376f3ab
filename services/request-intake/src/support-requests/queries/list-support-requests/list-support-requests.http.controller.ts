import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, Signed, type SignedRequestContext } from '@wildlife/service-kit';
import { SupportRequestQueries } from '../support-request.queries.js';
import { SupportRequestPageView } from '../support-request.view.dto.js';
import { decodeCursor, encodeCursor } from './list-cursor.js';
import { listScopeOf } from './list-scope.js';
import { DEFAULT_PAGE_SIZE, ListSupportRequestsQuery } from './list-support-requests.query.dto.js';

@ApiTags('support requests')
@Controller('v1/support-requests')
export class ListSupportRequestsController {
  constructor(private readonly queries: SupportRequestQueries) {}

  @Get()
  @ApiOperation({
    summary: 'The support requests the caller may see, newest first',
    description:
      'An agency sees its own requests, an NCB its country’s, the General Secretariat all of them; anyone else gets an empty list. Filter by `status`; page with `limit` and the opaque `cursor`.',
  })
  @ApiOkResponse({ type: SupportRequestPageView })
  @ApiResponse({ status: 400, type: ProblemResponse, description: 'Unknown status, limit out of 1..100, a cursor this service did not hand out, or an unknown parameter' })
  async list(@Signed() signed: SignedRequestContext, @Query() query: ListSupportRequestsQuery): Promise<SupportRequestPageView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    // One more than asked tells whether a next page exists without a second query.
    const rows = await this.queries.page(listScopeOf(signed.principal), { status: query.status, limit: limit + 1, after });
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return rows.length > limit && last ? { items, nextCursor: encodeCursor(last) } : { items };
  }
}
