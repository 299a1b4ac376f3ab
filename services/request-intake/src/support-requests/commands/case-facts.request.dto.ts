import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CitesAppendix } from '@wildlife/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsAscii,
  IsIn,
  IsISO31661Alpha2,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Omittable } from './omittable.decorator.js';

// The parts of a body that describe a case, shared by support requests and external information.
// Limits are those of the public contract schemas (libs/contracts events/shared/case-facts.ts), so
// whatever passes here also passes the contract when it is published.

const CITES_APPENDIX_SET: Record<CitesAppendix, true> = { I: true, II: true, III: true };
const CITES_APPENDICES = Object.keys(CITES_APPENDIX_SET) as CitesAppendix[];

/** ISO 3166-1 alpha-2, upper case: the form every contract carries (`IsISO31661Alpha2` alone takes `fr`). */
export const UPPER_CASE_COUNTRY_CODE = /^[A-Z]{2}$/;
export const COUNTRY_CODE_MESSAGE = '$property must be an ISO 3166-1 alpha-2 country code in upper case';

export const CASE_FACTS_LIMITS = { species: 100, platforms: 100, countries: 250, evidenceReferences: 200 } as const;

export class SpeciesConcernedBody {
  @ApiProperty({ description: 'Scientific name', minLength: 1, maxLength: 200, example: 'Psittacus erithacus' })
  @IsString()
  @Length(1, 200)
  scientificName!: string;

  @ApiPropertyOptional({ enum: CITES_APPENDICES, description: 'CITES appendix, where known' })
  @Omittable()
  @IsIn(CITES_APPENDICES)
  citesAppendix?: CitesAppendix;
}

export class PlatformConcernedBody {
  @ApiProperty({ description: 'Name of the online platform', minLength: 1, maxLength: 200, example: 'Example Classifieds' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ description: 'Its address (http or https)', format: 'uri', maxLength: 2000 })
  @Omittable()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @IsAscii()
  @MaxLength(2000)
  url?: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2 code of the country it operates from', pattern: '^[A-Z]{2}$', example: 'NL' })
  @IsISO31661Alpha2()
  @Matches(UPPER_CASE_COUNTRY_CODE, { message: COUNTRY_CODE_MESSAGE })
  countryOfOperation!: string;
}

/** A pointer to evidence held nationally: evidence itself is never uploaded. */
export class EvidenceReferenceBody {
  @ApiProperty({ description: 'The holder’s reference for the evidence', minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reference!: string;

  @ApiProperty({ description: 'Who holds the evidence (an agency, an NCB, a platform)', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  heldBy!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000 })
  @Omittable()
  @IsString()
  @Length(1, 2000)
  description?: string;
}

// Property decorators for the lists of case facts. `applyDecorators` applies them in the order given,
// where stacked decorators apply from the bottom up: each list is in the stacked order reversed, so
// the constraints (and the reasons of a refusal) come in the order they did as stacks.

/** An optional list of `type` (an empty list when left out): at most `maxItems`, each one validated. */
export function CaseFactsList(type: new () => object, maxItems: number): PropertyDecorator {
  return applyDecorators(Type(() => type), ValidateNested({ each: true }), ArrayMaxSize(maxItems), IsArray(), ApiPropertyOptional({ type: [type], maxItems, default: [] }));
}

/** The countries concerned: distinct ISO 3166-1 alpha-2 codes in upper case; `required` at least one. */
export function CountriesConcerned(required: boolean): PropertyDecorator {
  const description = 'ISO 3166-1 alpha-2 codes, upper case';
  const maxItems = CASE_FACTS_LIMITS.countries;
  return applyDecorators(
    Matches(UPPER_CASE_COUNTRY_CODE, { each: true, message: COUNTRY_CODE_MESSAGE }),
    IsISO31661Alpha2({ each: true }),
    ArrayUnique(),
    ArrayMaxSize(maxItems),
    ...(required
      ? [ArrayMinSize(1), IsArray(), ApiProperty({ type: [String], minItems: 1, maxItems, uniqueItems: true, example: ['FR', 'NL'], description })]
      : [IsArray(), ApiPropertyOptional({ type: [String], maxItems, uniqueItems: true, default: [], description })]),
  );
}
