import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GENERAL_SERVICES,
  NATURES_OF_HELP,
  SUPPORT_CAPABILITIES,
  URGENCIES,
  type GeneralService,
  type NatureOfHelp,
  type SupportCapability,
  type Urgency,
} from '@wildlife/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  CASE_FACTS_LIMITS,
  CaseFactsList,
  CountriesConcerned,
  EvidenceReferenceBody,
  PlatformConcernedBody,
  SpeciesConcernedBody,
} from '../case-facts.request.dto.js';
import { Omittable } from '../omittable.decorator.js';

export class OperationalSupportBody {
  @ApiProperty({ description: 'An Investigative Support Team deployed in the country' })
  @IsBoolean()
  istDeployment!: boolean;

  @ApiProperty({ description: 'A coordination meeting between the member countries concerned' })
  @IsBoolean()
  coordinationMeeting!: boolean;
}

/**
 * The body of `POST /v1/support-requests`. Who asks (agency and country) is never a field: it comes
 * from the verified signature. Lists left out are empty; every limit is the contract's.
 */
export class SubmitSupportRequestBody {
  @ApiProperty({ enum: [...SUPPORT_CAPABILITIES], isArray: true, minItems: 1, uniqueItems: true, description: 'Notification 2.1 to 2.5' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SUPPORT_CAPABILITIES.length)
  @ArrayUnique()
  @IsIn(SUPPORT_CAPABILITIES, { each: true })
  capabilities!: SupportCapability[];

  @ApiPropertyOptional({ enum: [...GENERAL_SERVICES], isArray: true, uniqueItems: true, default: [] })
  @IsArray()
  @ArrayMaxSize(GENERAL_SERVICES.length)
  @ArrayUnique()
  @IsIn(GENERAL_SERVICES, { each: true })
  generalServices: GeneralService[] = [];

  @ApiPropertyOptional({ type: () => OperationalSupportBody, description: 'Only with the operational-support capability' })
  @Omittable()
  @ValidateNested()
  @Type(() => OperationalSupportBody)
  operationalSupport?: OperationalSupportBody;

  @ApiProperty({ enum: [...NATURES_OF_HELP], isArray: true, minItems: 1, uniqueItems: true, description: 'The nature of the help asked for (1.1)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NATURES_OF_HELP.length)
  @ArrayUnique()
  @IsIn(NATURES_OF_HELP, { each: true })
  natureOfHelp!: NatureOfHelp[];

  @ApiProperty({ minLength: 1, maxLength: 10_000 })
  @IsString()
  @Length(1, 10_000)
  caseSummary!: string;

  @ApiProperty({ enum: [...URGENCIES] })
  @IsIn(URGENCIES)
  urgency!: Urgency;

  @CaseFactsList(SpeciesConcernedBody, CASE_FACTS_LIMITS.species)
  species: SpeciesConcernedBody[] = [];

  @CaseFactsList(PlatformConcernedBody, CASE_FACTS_LIMITS.platforms)
  platforms: PlatformConcernedBody[] = [];

  @CountriesConcerned(true)
  countriesConcerned!: string[];

  @CaseFactsList(EvidenceReferenceBody, CASE_FACTS_LIMITS.evidenceReferences)
  evidenceReferences: EvidenceReferenceBody[] = [];

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: 200,
    description: 'The agency an NCB submits for (its principal id): required when an NCB signs, refused when an agency does',
  })
  @Omittable()
  @IsString()
  @Length(1, 200)
  onBehalfOfAgency?: string;
}
