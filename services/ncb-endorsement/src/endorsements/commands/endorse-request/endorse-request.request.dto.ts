import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { DEFAULT_PERMIT_VALIDITY_DAYS, MAX_PERMIT_VALIDITY_DAYS } from '../../domain/direct-contact-permit.js';
import { Omittable } from '../omittable.decorator.js';

/** The body of the NCB's endorsement, which also issues the direct-contact permit. */
export class EndorseRequestBody {
  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Published with the endorsement' })
  @Omittable()
  @IsString()
  @Length(1, 2000)
  note?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PERMIT_VALIDITY_DAYS,
    default: DEFAULT_PERMIT_VALIDITY_DAYS,
    description: 'How many days the direct-contact permit lasts',
  })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_PERMIT_VALIDITY_DAYS)
  permitValidityDays?: number;
}
