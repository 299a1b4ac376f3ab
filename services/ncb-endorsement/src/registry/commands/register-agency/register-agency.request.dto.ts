import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Omittable } from '../../../endorsements/commands/omittable.decorator.js';
import { IsRegisteredId, NewPrincipalFields, registeredIdProperty } from '../registry-body.fields.js';

/** An NCB registers an agency of its own country under the agency's first key. */
export class RegisterAgencyBody extends NewPrincipalFields {
  @registeredIdProperty('The new agency’s principal id')
  @IsString()
  @IsRegisteredId()
  agencyId!: string;

  @ApiPropertyOptional({ pattern: '^[A-Z]{2}$', description: 'The agency’s country (ISO 3166-1 alpha-2); the signing NCB’s when left out, and only that one is allowed' })
  @Omittable()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: '$property must be an ISO 3166-1 alpha-2 code in upper case' })
  country?: string;
}
