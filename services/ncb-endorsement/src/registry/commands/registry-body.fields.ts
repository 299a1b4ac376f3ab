import { ApiProperty } from '@nestjs/swagger';
import { KEY_ID_PATTERN, REGISTERED_ID_PATTERN } from '@wildlife/registry';
import { IsString, Length, Matches } from 'class-validator';

// Field shapes the registry's request bodies share. The edge checks form (400); `decide` checks
// what the registry holds and the finer rules (a key that really is Ed25519, reserved ids: 422).

/** Unpadded base64url of 32 bytes. */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const registeredIdProperty = (description: string) =>
  ApiProperty({ pattern: REGISTERED_ID_PATTERN.source, description: `${description}: 3 to 63 lower-case letters, digits and hyphens` });

export const IsRegisteredId = () => Matches(REGISTERED_ID_PATTERN, { message: '$property must be 3 to 63 lower-case letters, digits and hyphens' });

/** A principal's key as the registry holds it. */
export class RegistryKeyFields {
  @ApiProperty({ pattern: KEY_ID_PATTERN.source, description: 'The key id signatures will name (RFC 9421 `keyid`)' })
  @IsString()
  @Matches(KEY_ID_PATTERN, { message: '$property must be 1 to 128 letters, digits, ".", "_", ":" or "-"' })
  keyId!: string;

  @ApiProperty({ pattern: PUBLIC_KEY_PATTERN.source, description: 'The Ed25519 public key: unpadded base64url of its 32 raw bytes (the JWK `x`)' })
  @IsString()
  @Matches(PUBLIC_KEY_PATTERN, { message: '$property must be unpadded base64url of 32 bytes' })
  publicKey!: string;
}

/** What every registration carries besides the new id: a name and the principal's first key. */
export class NewPrincipalFields extends RegistryKeyFields {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'For people reading logs and lists' })
  @IsString()
  @Length(1, 200)
  name!: string;
}
