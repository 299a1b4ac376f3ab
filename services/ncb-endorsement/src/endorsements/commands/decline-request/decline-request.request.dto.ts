import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The body of the NCB's decline: it always says why. */
export class DeclineRequestBody {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why the NCB declines; published to the requesting agency' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
