import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Omittable } from '../../../endorsements/commands/omittable.decorator.js';

/** The agency's NCB lifts a suspension. */
export class ReinstateAccreditationBody {
  @ApiPropertyOptional({ maxLength: 2000, description: 'A note published with the fact' })
  @Omittable()
  @IsString()
  @Length(0, 2000)
  note?: string;
}
