import { IsString } from 'class-validator';
import { IsRegisteredId, NewPrincipalFields, registeredIdProperty } from '../registry-body.fields.js';

/** The General Secretariat registers an external source under its first key. */
export class RegisterExternalSourceBody extends NewPrincipalFields {
  @registeredIdProperty('The new external source’s principal id')
  @IsString()
  @IsRegisteredId()
  sourceId!: string;
}
