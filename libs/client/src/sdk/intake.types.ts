import type {
  EvidenceReference,
  GeneralService,
  NatureOfHelp,
  OperationalSupportRequested,
  PlatformConcerned,
  SpeciesConcerned,
  SupportCapability,
  Urgency,
} from '@wildlife/contracts';
import type { ResourceVersion } from './request-preconditions.js';

/**
 * The body of `POST /v1/support-requests`, member for member intake's `SubmitSupportRequestBody`,
 * which refuses any other member with 400. Who asks is never in it: intake takes the agency and its
 * country from the verified signature or, when an NCB signs, from `onBehalfOfAgency`. Lists left out
 * are empty.
 */
export interface SupportRequestSubmission {
  readonly capabilities: readonly SupportCapability[];
  readonly generalServices?: readonly GeneralService[];
  /** Only with the `operational-support` capability. */
  readonly operationalSupport?: OperationalSupportRequested;
  readonly natureOfHelp: readonly NatureOfHelp[];
  readonly caseSummary: string;
  readonly urgency: Urgency;
  readonly species?: readonly SpeciesConcerned[];
  readonly platforms?: readonly PlatformConcerned[];
  /** ISO 3166-1 alpha-2 codes in upper case; at least one. */
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences?: readonly EvidenceReference[];
  /** The principal id of the agency an NCB submits for: required when an NCB signs, refused when an agency does. */
  readonly onBehalfOfAgency?: string;
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
