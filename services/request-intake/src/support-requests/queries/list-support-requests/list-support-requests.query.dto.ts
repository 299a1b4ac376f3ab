import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Omittable } from '../../commands/omittable.decorator.js';
import type { LifecycleStatus } from '../../domain/support-request.status.js';
import { LIFECYCLE_STATUSES } from '../support-request.view.dto.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The query of `GET /v1/support-requests`; unknown parameters are refused like unknown body fields. */
export class ListSupportRequestsQuery {
  @ApiPropertyOptional({ enum: LIFECYCLE_STATUSES, description: 'Only requests in this status' })
  @Omittable()
  @IsIn(LIFECYCLE_STATUSES)
  status?: LifecycleStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page' })
  @Omittable()
  @IsString()
  @Length(1, 512)
  cursor?: string;
}
