import { ApiProperty } from '@nestjs/swagger';
import { KEY_ID_PATTERN } from '@wildlife/registry';
import { IsString, Matches } from 'class-validator';
import { RegistryKeyFields } from '../registry-body.fields.js';

/** The new key (`keyId`, `publicKey`) and the key it replaces. */
export class RotateKeyBody extends RegistryKeyFields {
  @ApiProperty({ pattern: KEY_ID_PATTERN.source, description: 'The key the new one replaces: it verifies nothing received from now on' })
  @IsString()
  @Matches(KEY_ID_PATTERN, { message: '$property must be 1 to 128 letters, digits, ".", "_", ":" or "-"' })
  retiredKeyId!: string;
}
