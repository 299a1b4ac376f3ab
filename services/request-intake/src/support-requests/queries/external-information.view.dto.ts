import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EXTERNAL_INFORMATION_CAVEAT, type EvidenceReference, type PlatformConcerned, type SpeciesConcerned } from '@wildlife/contracts';
import { EvidenceReferenceBody, PlatformConcernedBody, SpeciesConcernedBody } from '../commands/case-facts.request.dto.js';

export class ExternalSourceView {
  @ApiProperty() principalId!: string;
  @ApiProperty({ description: 'The name the registry holds for the source' }) name!: string;
}

/** External information as read back: the flag and the caveat are always there, first. */
export class ExternalInformationView {
  @ApiProperty({ enum: [true], description: 'Always true: never an official record' }) external!: true;
  @ApiProperty({ enum: [EXTERNAL_INFORMATION_CAVEAT] }) caveat!: string;
  @ApiProperty({ format: 'uuid' }) informationId!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: ExternalSourceView }) externalSource!: ExternalSourceView;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The request it relates to, as the source named it (not checked)' }) relatedRequestId?: string;
  @ApiProperty({ type: [SpeciesConcernedBody] }) species!: readonly SpeciesConcerned[];
  @ApiProperty({ type: [PlatformConcernedBody] }) platforms!: readonly PlatformConcerned[];
  @ApiProperty({ type: [String] }) countriesConcerned!: readonly string[];
  @ApiProperty({ type: [EvidenceReferenceBody] }) evidenceReferences!: readonly EvidenceReference[];
}
