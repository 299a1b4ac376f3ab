import { ApiProperty } from '@nestjs/swagger';
import { EXTERNAL_INFORMATION_CAVEAT } from '@wildlife/contracts';

/** The 202 answer to external information: it says at once that the information is held as external. */
export class ExternalInformationAcceptedResponse {
  @ApiProperty({ format: 'uuid', description: 'A UUIDv8 derived from the request’s signature (key id, created, nonce), which the provenance log checks' })
  informationId!: string;

  @ApiProperty({ enum: [true], description: 'Always true: external information is never an official record' })
  external!: true;

  @ApiProperty({ enum: [EXTERNAL_INFORMATION_CAVEAT] })
  caveat!: typeof EXTERNAL_INFORMATION_CAVEAT;

  @ApiProperty({ example: '/v1/external-information/0b8f2f7e-3a35-4c55-9d0e-7f1f6a2b9c11' })
  url!: string;
}
