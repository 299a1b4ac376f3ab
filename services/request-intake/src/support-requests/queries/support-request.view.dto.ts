import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GENERAL_SERVICES,
  NATURES_OF_HELP,
  PRINCIPAL_KINDS,
  SUPPORT_CAPABILITIES,
  URGENCIES,
  type EvidenceReference,
  type GeneralService,
  type NatureOfHelp,
  type OperationalSupportRequested,
  type PlatformConcerned,
  type PrincipalKind,
  type SpeciesConcerned,
  type SubmissionChannel,
  type SupportCapability,
  type Urgency,
} from '@wildlife/contracts';
import type { LifecycleStatus, ProvenanceStatus } from '../domain/support-request.status.js';
import { EvidenceReferenceBody, PlatformConcernedBody, SpeciesConcernedBody } from '../commands/case-facts.request.dto.js';
import { OperationalSupportBody } from '../commands/submit-support-request/submit-support-request.request.dto.js';

// What GET /v1/support-requests/{id} answers (classes for the OpenAPI document).

const LIFECYCLE_STATUS_SET: Record<LifecycleStatus, true> = { submitted: true, acknowledged: true, endorsed: true, declined: true, rejected: true };
const PROVENANCE_STATUS_SET: Record<ProvenanceStatus, true> = { unverified: true, 'pending-ncb': true, official: true, rejected: true };
export const LIFECYCLE_STATUSES = Object.keys(LIFECYCLE_STATUS_SET) as LifecycleStatus[];
export const PROVENANCE_STATUSES = Object.keys(PROVENANCE_STATUS_SET) as ProvenanceStatus[];

export class AgencyReferenceView {
  @ApiProperty() principalId!: string;
  @ApiProperty({ example: 'FR' }) country!: string;
}

export class SignerView {
  @ApiProperty() principalId!: string;
  @ApiProperty({ enum: [...PRINCIPAL_KINDS] }) kind!: PrincipalKind;
  @ApiPropertyOptional({ example: 'FR' }) country?: string;
}

/**
 * The direct-contact permit as intake last heard of it. It opens direct contact only while it is not
 * revoked, not void, not expired, and its request not rejected by the provenance check (`provenanceStatus`);
 * the NCB endorsement service's `GET /v1/permits/{id}` gives its status.
 */
export class PermitView {
  @ApiProperty({ format: 'uuid' }) permitId!: string;
  @ApiPropertyOptional({ description: 'The GS team the agency may contact directly' }) gsTeam?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiresAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set once the permit was revoked' }) revokedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set once the permit became void: the endorsement that issued it was set aside (provenance rejected its record)' })
  voidedAt?: string;
}

export class HistoryEntryView {
  @ApiProperty({ example: 'RequestEndorsedByNcb', description: 'What happened (SupportRequestSubmitted, RequestAcknowledgedByNcb, RequestEndorsedByNcb, RequestDeclinedByNcb, DirectContactPermitIssued, DirectContactPermitRevoked, ProvenanceVerified, ProvenanceRejected, NcbDecisionSetAside)' })
  what!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ description: 'The principal who did it' }) by?: string;
  @ApiPropertyOptional() detail?: string;
}

export class SupportRequestView {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: LIFECYCLE_STATUSES, description: 'What the NCB decided (or `rejected` by provenance)' }) status!: LifecycleStatus;
  @ApiProperty({ enum: PROVENANCE_STATUSES, description: 'What provenance said of the submission record' }) provenanceStatus!: ProvenanceStatus;
  @ApiProperty({ type: AgencyReferenceView }) requestingAgency!: AgencyReferenceView;
  @ApiProperty({ type: SignerView }) submittedBy!: SignerView;
  @ApiProperty({ enum: ['requesting-agency', 'ncb-on-behalf'] }) channel!: SubmissionChannel;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ enum: [...SUPPORT_CAPABILITIES], isArray: true }) capabilities!: readonly SupportCapability[];
  @ApiProperty({ enum: [...GENERAL_SERVICES], isArray: true }) generalServices!: readonly GeneralService[];
  @ApiPropertyOptional({ type: OperationalSupportBody }) operationalSupport?: OperationalSupportRequested;
  @ApiProperty({ enum: [...NATURES_OF_HELP], isArray: true }) natureOfHelp!: readonly NatureOfHelp[];
  @ApiProperty() caseSummary!: string;
  @ApiProperty({ enum: [...URGENCIES] }) urgency!: Urgency;
  @ApiProperty({ type: [SpeciesConcernedBody] }) species!: readonly SpeciesConcerned[];
  @ApiProperty({ type: [PlatformConcernedBody] }) platforms!: readonly PlatformConcerned[];
  @ApiProperty({ type: [String] }) countriesConcerned!: readonly string[];
  @ApiProperty({ type: [EvidenceReferenceBody] }) evidenceReferences!: readonly EvidenceReference[];
  @ApiPropertyOptional({
    type: PermitView,
    description:
      'The direct-contact permit as intake last heard of it (the last one issued): it opens direct contact only while not revoked, not void, not expired, and the request not rejected by the provenance check (provenanceStatus). GET /v1/permits/{id} at the NCB endorsement service gives its status.',
  })
  permit?: PermitView;
  @ApiProperty({ type: [HistoryEntryView] }) history!: HistoryEntryView[];
  @ApiProperty({ description: 'The stream version, also the ETag' }) version!: number;
}

export class SupportRequestSummaryView {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: LIFECYCLE_STATUSES }) status!: LifecycleStatus;
  @ApiProperty({ enum: PROVENANCE_STATUSES }) provenanceStatus!: ProvenanceStatus;
  @ApiProperty({ type: AgencyReferenceView }) requestingAgency!: AgencyReferenceView;
  @ApiProperty({ enum: ['requesting-agency', 'ncb-on-behalf'] }) channel!: SubmissionChannel;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ enum: [...URGENCIES] }) urgency!: Urgency;
  @ApiProperty({ enum: [...SUPPORT_CAPABILITIES], isArray: true }) capabilities!: readonly SupportCapability[];
  @ApiProperty({ type: [String] }) countriesConcerned!: readonly string[];
  @ApiProperty() statusUrl!: string;
}

export class SupportRequestPageView {
  @ApiProperty({ type: [SupportRequestSummaryView], description: 'Newest first' }) items!: SupportRequestSummaryView[];
  @ApiPropertyOptional({ description: 'Opaque: pass it as `cursor` for the next page; absent on the last page' }) nextCursor?: string;
}
