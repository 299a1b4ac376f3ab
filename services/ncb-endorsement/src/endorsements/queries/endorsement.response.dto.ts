import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENDORSEMENT_STATUSES, type EndorsementStatus } from '../domain/endorsement.transitions.js';

// What the endorsement answers, as documented in its OpenAPI document. Plain data: the presenters in
// endorsement-view.ts build objects of these shapes.

export class AgencyReferenceDto {
  @ApiProperty({ example: 'agency-fr-ofb' })
  principalId!: string;

  @ApiProperty({ example: 'FR', description: 'ISO 3166-1 alpha-2' })
  country!: string;
}

/**
 * `void`: before the permit was revoked or expired, the provenance check rejected its request (the
 * submission is not an official record) or the endorsement that issued it (the endorsement was set
 * aside). A void permit opens no direct contact and cannot be revoked.
 */
export const PERMIT_STATUSES = ['active', 'revoked', 'expired', 'void'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

export class PermitView {
  @ApiProperty({ format: 'uuid' })
  permitId!: string;

  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ type: AgencyReferenceDto, description: 'The requesting agency, which may contact the GS team directly' })
  agency!: AgencyReferenceDto;

  @ApiProperty({ example: 'gs', description: 'The General Secretariat team (its principal id)' })
  gsTeam!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ example: 'ncb-fr', description: 'The endorsing NCB' })
  issuedBy!: string;

  @ApiProperty({ enum: PERMIT_STATUSES, description: 'At the time of the answer' })
  status!: PermitStatus;

  @ApiPropertyOptional({ format: 'date-time' })
  revokedAt?: string;

  @ApiPropertyOptional()
  revocationReason?: string;

  @ApiPropertyOptional({ example: 'ncb-fr' })
  revokedBy?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the permit became void: the provenance check rejected its request, or the endorsement that issued it' })
  voidedAt?: string;

  @ApiPropertyOptional({ example: 'The request was rejected by the provenance check (signature-invalid).' })
  voidReason?: string;

  @ApiProperty({ description: 'The version of the request the permit belongs to (its ETag)' })
  version!: number;
}

export class HistoryEntryDto {
  @ApiProperty({ description: 'The request’s version this step led to' })
  version!: number;

  @ApiProperty({
    enum: ['received', 'acknowledged', 'endorsed', 'declined', 'permit-issued', 'permit-revoked', 'rejected', 'set-aside'],
    description:
      '`rejected`: the provenance check rejected the submission; the request never moves on. `set-aside`: it rejected the record of the decision at `decisionVersion`, which no longer counts',
  })
  event!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ description: 'Who decided (or, for `received`, who asked)' })
  by?: string;

  @ApiPropertyOptional({ description: 'An endorsement’s note; an acknowledgement’s note is shown to the NCB only' })
  note?: string;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  permitId?: string;

  @ApiPropertyOptional({ description: 'A rejection’s code (of the request, or of the record of a decision set aside)' })
  code?: string;

  @ApiPropertyOptional({ description: 'For `set-aside`: the version of the history entry of the decision that no longer counts' })
  decisionVersion?: number;
}

export class RejectionDto {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'signature-invalid' })
  code!: string;

  @ApiProperty()
  text!: string;
}

export class EndorsementView {
  @ApiProperty({ format: 'uuid' })
  requestId!: string;

  @ApiProperty({ enum: ENDORSEMENT_STATUSES })
  status!: EndorsementStatus;

  @ApiProperty({ description: 'Send it back in If-Match (as the ETag, "<version>") to decide on the request' })
  version!: number;

  @ApiProperty({ type: AgencyReferenceDto })
  agency!: AgencyReferenceDto;

  @ApiProperty({ example: 'FR', description: 'The requesting agency’s country: only its NCB decides' })
  country!: string;

  @ApiProperty({ type: [String], example: ['information-sharing'] })
  capabilities!: readonly string[];

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiPropertyOptional({ type: PermitView, description: 'The direct-contact permit issued with the endorsement' })
  permit?: PermitView;

  @ApiPropertyOptional({ type: RejectionDto, description: 'Why provenance rejected the request' })
  rejection?: RejectionDto;

  @ApiProperty({ type: [HistoryEntryDto] })
  history!: readonly HistoryEntryDto[];
}
