import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Omittable } from '../omittable.decorator.js';

/** The body of the NCB's acknowledgement of receipt. The note stays inside the endorsement service. */
export class AcknowledgeRequestBody {
  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'A note kept with the acknowledgement; not published' })
  @Omittable()
  @IsString()
  @Length(1, 2000)
  note?: string;
}
