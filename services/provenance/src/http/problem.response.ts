import { ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemResponse } from '@wildlife/service-kit';

/** A proof or entry range refused as beyond the log: the problem says how big the log was. */
export class LogRangeProblemResponse extends ProblemResponse {
  // Named `treeSize` though it is the log's size, not the size asked for: the auditor's API source
  // reads it under that name to page up to the end of the log (libs/auditor api-source.ts).
  @ApiPropertyOptional({
    description: 'For `log-range-invalid`: the size of the whole log when asked (not the tree size the request named): how many entries may be asked for',
  })
  treeSize?: number;
}
