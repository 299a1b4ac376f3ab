import { ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemResponse } from '@wildlife/service-kit';

/** A proof or entry range refused as beyond the log: the problem says how big the log was. */
export class LogRangeProblemResponse extends ProblemResponse {
  @ApiPropertyOptional({ description: 'For a range refused as beyond the log: the log’s size when asked' })
  treeSize?: number;
}
