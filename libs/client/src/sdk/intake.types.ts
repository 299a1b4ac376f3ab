import type {
  AgencyReference,
  EvidenceReference,
  GeneralService,
  NatureOfHelp,
  OperationalSupportRequested,
  PlatformConcerned,
  SpeciesConcerned,
  SubmissionChannel,
  SupportCapability,
  Urgency,
} from '@wildlife/contracts';
import type { ResourceVersion } from './request-preconditions.js';

/**
 * The facts of a support request as an agency (or its NCB on its behalf) submits them. The service
 * adds the request id, the time and the signature's provenance.
 */
export interface SupportRequestSubmission {
  readonly requestingAgency: AgencyReference;
  readonly submittedBy: SubmissionChannel;
  readonly capabilities: readonly SupportCapability[];
  readonly generalServices: readonly GeneralService[];
  /** Only with the `operational-support` capability. */
  readonly operationalSupport?: OperationalSupportRequested;
  readonly natureOfHelp: readonly NatureOfHelp[];
  readonly caseSummary: string;
  readonly urgency: Urgency;
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
}

/** What intake answers to a submission (202), with the Idempotency-Key it was sent under. */
export interface SupportRequestAccepted {
  readonly requestId: string;
  readonly status: string;
  readonly statusUrl: string;
  /** Send the same submission again with this key and intake answers the same request, never a second one. */
  readonly idempotencyKey: string;
}

/** A support request as intake shows it; members beyond these are passed through as sent. */
export interface SupportRequestView {
  readonly requestId: string;
  readonly status: string;
  /** Give it back as `version` to acknowledge, endorse or decline. */
  readonly version: ResourceVersion;
  readonly history: readonly Readonly<Record<string, unknown>>[];
  readonly [member: string]: unknown;
}

export interface SupportRequestQuery {
  readonly status?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

export interface SupportRequestPage {
  readonly items: readonly SupportRequestView[];
  /** Absent or null on the last page. */
  readonly nextCursor?: string | null;
}

/** Information from an external source (never official: it travels with the external-source caveat). */
export interface ExternalInformationSubmission {
  readonly summary: string;
  readonly relatedRequestId?: string;
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
}

export interface ExternalInformationAccepted {
  readonly informationId: string;
  readonly statusUrl: string;
  readonly idempotencyKey: string;
}

export interface IdempotentCallOptions {
  /** Default: a fresh random UUID, returned in the answer so a retry can reuse it. */
  readonly idempotencyKey?: string;
}
