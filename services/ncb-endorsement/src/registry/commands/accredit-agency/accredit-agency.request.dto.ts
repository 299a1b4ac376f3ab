import { ApiProperty } from '@nestjs/swagger';
import { SUPPORT_CAPABILITIES, type SupportCapability } from '@wildlife/contracts';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsRFC3339, IsString } from 'class-validator';
import { Omittable } from '../../../endorsements/commands/omittable.decorator.js';
import { IsRegisteredId, registeredIdProperty } from '../registry-body.fields.js';

/** The agency's NCB accredits it for a scope and a validity period. */
export class AccreditAgencyBody {
  @registeredIdProperty('The accreditation’s id (when left out, the service mints `acc-` + a UUIDv8 derived from the request’s signature: key id, created, nonce; the provenance log checks it)')
  @Omittable()
  @IsString()
  @IsRegisteredId()
  accreditationId?: string;

  @ApiProperty({ type: [String], enum: SUPPORT_CAPABILITIES, minItems: 1, uniqueItems: true, description: 'The support capabilities it covers' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(SUPPORT_CAPABILITIES.length)
  @ArrayUnique()
  @IsIn(SUPPORT_CAPABILITIES, { each: true })
  scope!: SupportCapability[];

  @ApiProperty({ format: 'date-time', description: 'From when it counts (never before the command: no retroactive accreditation)' })
  @IsRFC3339()
  validFrom!: string;

  @ApiProperty({ format: 'date-time', description: 'Until when it counts (exclusive); after validFrom and in the future' })
  @IsRFC3339()
  validUntil!: string;
}

