import { IsString } from 'class-validator';
import { IsRegisteredId, NewPrincipalFields, registeredIdProperty } from '../registry-body.fields.js';

/** The General Secretariat registers an auditor under its first key. */
export class RegisterAuditorBody extends NewPrincipalFields {
  @registeredIdProperty('The new auditor’s principal id')
  @IsString()
  @IsRegisteredId()
  auditorId!: string;
}
