import { ApiPropertyOptional } from '@nestjs/swagger';
import { ProblemResponse } from '@wildlife/service-kit';

/** A refused NCB decision or permit revocation: the problem names what the caller must know to retry. */
export class EndorsementProblemResponse extends ProblemResponse {
  @ApiPropertyOptional({ description: 'For 409: the request’s current status', example: 'endorsed' })
  currentState?: string;

  @ApiPropertyOptional({ description: 'For 409 on a permit: `revoked`, `expired` or `void`' })
  permitStatus?: string;

  @ApiPropertyOptional({ description: 'For 412: the request’s current version (its ETag is sent too)', example: 3 })
  currentVersion?: number;

  @ApiPropertyOptional({ description: 'For 403: the action the signer may not take', example: 'endorse' })
  action?: string;
}
