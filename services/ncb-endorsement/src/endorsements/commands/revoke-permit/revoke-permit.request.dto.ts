import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The body of the NCB's revocation of a direct-contact permit: it always says why. */
export class RevokePermitBody {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why direct contact ends before the permit expires' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
