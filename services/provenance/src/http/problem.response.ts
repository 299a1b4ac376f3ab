import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, as every refusal of this service is written (`application/problem+json`). */
export class ProblemResponse {
  @ApiProperty({ example: 'https://wildlife-cybercrime.example/problems/log-range-invalid' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ description: 'The path of the request' })
  instance?: string;

  @ApiPropertyOptional({ description: 'For a range refused as beyond the log: the log’s size when asked' })
  treeSize?: number;
}
