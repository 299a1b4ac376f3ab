import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad field of a refused request body, as a 400 problem lists it. */
export class FieldProblemResponse {
  @ApiProperty({ description: 'JSON Pointer (RFC 6901) to the field in the request body', example: '/countriesConcerned' })
  pointer!: string;

  @ApiProperty({ example: 'each value in countriesConcerned must be a valid ISO31661 Alpha2 code' })
  reason!: string;
}

/**
 * RFC 9457 problem details, as every refusal of every service is written (`application/problem+json`,
 * by `ProblemFilter`). The OpenAPI document gives this schema to every error response that names no
 * other (`serveApiDocs`); a service whose problems carry more extension members documents them in a
 * subclass.
 */
export class ProblemResponse {
  @ApiProperty({ example: 'https://wildlife-cybercrime.example/problems/validation-failed' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ description: 'The path of the request' })
  instance?: string;

  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'For 400 and some 422: each bad field and why' })
  errors?: FieldProblemResponse[];

  @ApiPropertyOptional({ description: 'For 401: the signature check that failed, e.g. `nonce_reused`' })
  check?: string;

  @ApiPropertyOptional({ description: 'For a domain refusal: the rule broken, named as a sentence' })
  rule?: string;
}
