import { ApiProperty } from '@nestjs/swagger';

/** The 202 answer to a submission (and, byte for byte, to each retry with the same Idempotency-Key). */
export class SubmissionAcceptedResponse {
  @ApiProperty({ format: 'uuid', description: 'A UUIDv8 derived from the request’s signature (key id, created, nonce), which the provenance log checks; a retry with the same Idempotency-Key gets the first one' })
  requestId!: string;

  @ApiProperty({ enum: ['submitted'], description: 'The status at intake; follow statusUrl for what the NCB decides' })
  status!: 'submitted';

  @ApiProperty({ example: '/v1/support-requests/6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04' })
  statusUrl!: string;
}
