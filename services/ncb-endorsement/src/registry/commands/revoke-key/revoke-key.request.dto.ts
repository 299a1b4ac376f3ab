import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_REVOCATION_REASONS, type KeyRevocationReason } from '@wildlife/registry';
import { IsIn, IsRFC3339, IsString, Length } from 'class-validator';
import { Omittable } from '../../../endorsements/commands/omittable.decorator.js';

/** Why the key is revoked and, for a compromised key, since when it is to be distrusted. */
export class RevokeKeyBody {
  @ApiProperty({ enum: KEY_REVOCATION_REASONS, description: 'After the X.509 CRL reason codes' })
  @IsIn(KEY_REVOCATION_REASONS)
  reason!: KeyRevocationReason;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only with `compromised`: signatures received from then on are refused, even those accepted before; left out, the key is distrusted from its first day',
  })
  @Omittable()
  @IsRFC3339()
  compromisedSince?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Omittable()
  @IsString()
  @Length(0, 2000)
  note?: string;
}
