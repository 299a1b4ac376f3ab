import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsISO31661Alpha2, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import {
  CASE_FACTS_LIMITS,
  COUNTRY_CODE_MESSAGE,
  EvidenceReferenceBody,
  PlatformConcernedBody,
  SpeciesConcernedBody,
  UPPER_CASE_COUNTRY_CODE,
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

  @ApiPropertyOptional({ type: [SpeciesConcernedBody], maxItems: CASE_FACTS_LIMITS.species, default: [] })
  @IsArray()
  @ArrayMaxSize(CASE_FACTS_LIMITS.species)
  @ValidateNested({ each: true })
  @Type(() => SpeciesConcernedBody)
  species: SpeciesConcernedBody[] = [];

  @ApiPropertyOptional({ type: [PlatformConcernedBody], maxItems: CASE_FACTS_LIMITS.platforms, default: [] })
  @IsArray()
  @ArrayMaxSize(CASE_FACTS_LIMITS.platforms)
  @ValidateNested({ each: true })
  @Type(() => PlatformConcernedBody)
  platforms: PlatformConcernedBody[] = [];

  @ApiPropertyOptional({
    type: [String],
    maxItems: CASE_FACTS_LIMITS.countries,
    uniqueItems: true,
    default: [],
    description: 'ISO 3166-1 alpha-2 codes, upper case',
  })
  @IsArray()
  @ArrayMaxSize(CASE_FACTS_LIMITS.countries)
  @ArrayUnique()
  @IsISO31661Alpha2({ each: true })
  @Matches(UPPER_CASE_COUNTRY_CODE, { each: true, message: COUNTRY_CODE_MESSAGE })
  countriesConcerned: string[] = [];

  @ApiPropertyOptional({ type: [EvidenceReferenceBody], maxItems: CASE_FACTS_LIMITS.evidenceReferences, default: [] })
  @IsArray()
  @ArrayMaxSize(CASE_FACTS_LIMITS.evidenceReferences)
  @ValidateNested({ each: true })
  @Type(() => EvidenceReferenceBody)
  evidenceReferences: EvidenceReferenceBody[] = [];
}
