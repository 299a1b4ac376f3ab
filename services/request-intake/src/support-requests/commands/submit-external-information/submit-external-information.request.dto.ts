import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import {
  CASE_FACTS_LIMITS,
  CaseFactsList,
  CountriesConcerned,
  EvidenceReferenceBody,
  PlatformConcernedBody,
  SpeciesConcernedBody,
} from '../case-facts.request.dto.js';
import { Omittable } from '../omittable.decorator.js';

/**
 * The body of `POST /v1/external-information`. The source is never a field: it is the verified
 * signer. Lists left out are empty; every limit is the contract's.
 */
export class SubmitExternalInformationBody {
  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  summary!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The support request this information relates to, if known' })
  @Omittable()
  @IsUUID()
  relatedRequestId?: string;

  @CaseFactsList(SpeciesConcernedBody, CASE_FACTS_LIMITS.species)
  species: SpeciesConcernedBody[] = [];

  @CaseFactsList(PlatformConcernedBody, CASE_FACTS_LIMITS.platforms)
  platforms: PlatformConcernedBody[] = [];

  @CountriesConcerned(false)
  countriesConcerned: string[] = [];

  @CaseFactsList(EvidenceReferenceBody, CASE_FACTS_LIMITS.evidenceReferences)
  evidenceReferences: EvidenceReferenceBody[] = [];
}
