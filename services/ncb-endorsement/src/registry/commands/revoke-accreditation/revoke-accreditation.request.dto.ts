import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The agency's NCB revokes an accreditation for good, and says why. */
export class RevokeAccreditationBody {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why; published with the fact' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
