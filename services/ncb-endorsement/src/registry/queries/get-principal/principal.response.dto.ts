import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPABILITIES, PRINCIPAL_KINDS, type Capability, type PrincipalKind } from '@wildlife/registry';

export class KeyView {
  @ApiProperty() keyId!: string;
  @ApiProperty({ description: 'Unpadded base64url of the raw 32-byte Ed25519 public key' }) publicKey!: string;
  @ApiProperty({ enum: ['valid', 'key_not_yet_valid', 'key_revoked', 'key_rotated_out'], description: 'Whether a signature by it received now is accepted, and if not why' })
  standing!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Absent for a trust-root key: valid from the beginning' }) validFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) retiredAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) revokedAt?: string;
  @ApiPropertyOptional() revocationReason?: string;
  @ApiPropertyOptional({ format: 'date-time' }) compromisedSince?: string;
}

export class AccreditationChangeView {
  @ApiProperty({ enum: ['suspended', 'reinstated', 'revoked'] }) change!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AccreditationView {
  @ApiProperty() accreditationId!: string;
  @ApiProperty({ enum: CAPABILITIES, isArray: true }) scope!: Capability[];
  @ApiProperty({ format: 'date-time' }) validFrom!: string;
  @ApiProperty({ format: 'date-time' }) validUntil!: string;
  @ApiProperty({ format: 'date-time' }) grantedAt!: string;
  @ApiProperty() grantedBy!: string;
  @ApiProperty({ type: [AccreditationChangeView] }) changes!: AccreditationChangeView[];
}

export class AccreditationStandingView {
  @ApiProperty() accredited!: boolean;
  @ApiProperty({
    enum: ['active', 'not-an-agency', 'never-accredited', 'not-yet-valid', 'suspended', 'revoked', 'expired'],
    description: '`not-yet-valid` names the next accreditation to count; one revoked before it started never counts, so is never named (`never-accredited` when it is the only one)',
  })
  status!: string;
  @ApiPropertyOptional() accreditationId?: string;
  @ApiPropertyOptional({ enum: CAPABILITIES, isArray: true }) scope?: Capability[];
  @ApiPropertyOptional({ format: 'date-time' }) validFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) validUntil?: string;
  @ApiPropertyOptional({ description: 'Why it does not count now' }) whyNot?: string;
}

/** A registered principal as the registry holds it now. */
export class PrincipalView {
  @ApiProperty() principalId!: string;
  @ApiProperty({ enum: PRINCIPAL_KINDS }) kind!: PrincipalKind;
  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2, for NCBs and agencies' }) country?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Absent for a trust root' }) registeredAt?: string;
  @ApiPropertyOptional({ description: 'Absent for a trust root' }) registeredBy?: string;
  @ApiProperty({ type: [KeyView] }) keys!: KeyView[];
  @ApiPropertyOptional({ type: AccreditationStandingView, description: 'Agencies only: whether it counts as an official source now' })
  accreditation?: AccreditationStandingView;
  @ApiPropertyOptional({ type: [AccreditationView], description: 'Agencies only: every accreditation granted, oldest first' })
  accreditations?: AccreditationView[];
  @ApiProperty({ description: 'The version of the whole registry this was read at, as the ETag says it: send it as `If-Match` with a command decided on what was read', example: 12 })
  registryVersion!: number;
}
