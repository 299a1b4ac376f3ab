import type {
  AgencyReference,
  EvidenceReference,
  GeneralService,
  NatureOfHelp,
  OperationalSupportRequested,
  PlatformConcerned,
  PrincipalKind,
  SpeciesConcerned,
  SubmissionChannel,
  SupportCapability,
  Urgency,
} from '@wildlife/contracts';

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
  readonly status: 'submitted';
  readonly statusUrl: string;
  /** Send the same submission again with this key and intake answers the same request, never a second one. */
  readonly idempotencyKey: string;
}

/** Where a request stands at intake: what the NCB decided, or `rejected` by the provenance check. */
export type SupportRequestStatus = 'submitted' | 'acknowledged' | 'endorsed' | 'declined' | 'rejected';

/** What the provenance check said of the submission record. */
export type ProvenanceStatus = 'unverified' | 'pending-ncb' | 'official' | 'rejected';

/** One step in a request's history at intake. */
export interface SupportRequestHistoryEntry {
  /** What happened: SupportRequestSubmitted, RequestAcknowledgedByNcb, RequestEndorsedByNcb, ProvenanceVerified, … */
  readonly what: string;
  readonly at: string;
  /** The principal who did it. */
  readonly by?: string;
  readonly detail?: string;
}

/** A support request as intake shows it (its `SupportRequestView`). */
export interface SupportRequestView {
  readonly requestId: string;
  readonly status: SupportRequestStatus;
  readonly provenanceStatus: ProvenanceStatus;
  readonly requestingAgency: AgencyReference;
  /** Who signed the submission: the agency, or its NCB on its behalf. */
  readonly submittedBy: { readonly principalId: string; readonly kind: PrincipalKind; readonly country?: string };
  readonly channel: SubmissionChannel;
  readonly submittedAt: string;
  readonly capabilities: readonly SupportCapability[];
  readonly generalServices: readonly GeneralService[];
  readonly operationalSupport?: OperationalSupportRequested;
  readonly natureOfHelp: readonly NatureOfHelp[];
  readonly caseSummary: string;
  readonly urgency: Urgency;
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
  /** The direct-contact permit as intake last heard of it; `endorsement.getPermit` gives its status. */
  readonly permit?: { readonly permitId: string; readonly gsTeam?: string; readonly expiresAt?: string; readonly revokedAt?: string; readonly voidedAt?: string };
  readonly history: readonly SupportRequestHistoryEntry[];
  /**
   * Intake's version of the request (its ETag). Not the one NCB decisions take: that is the
   * endorsement's, from `endorsement.getEndorsement`, which intake's runs ahead of.
   */
  readonly version: number;
}

/**
 * One request in a listing (intake's `SupportRequestSummaryView`): no facts, history or version;
 * `getSupportRequest` reads the whole request.
 */
export interface SupportRequestSummary {
  readonly requestId: string;
  readonly status: SupportRequestStatus;
  readonly provenanceStatus: ProvenanceStatus;
  readonly requestingAgency: AgencyReference;
  readonly channel: SubmissionChannel;
  readonly submittedAt: string;
  readonly urgency: Urgency;
  readonly capabilities: readonly SupportCapability[];
  readonly countriesConcerned: readonly string[];
  /** The path of the whole request at intake. */
  readonly statusUrl: string;
}

export interface SupportRequestQuery {
  readonly status?: SupportRequestStatus;
  readonly cursor?: string;
  /** 1 to 100; intake's default is 20. */
  readonly limit?: number;
}

/** One page of a listing, newest first. */
export interface SupportRequestPage {
  readonly items: readonly SupportRequestSummary[];
  /** Pass it as `cursor` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface IdempotentCallOptions {
  /** Default: a fresh random UUID, returned in the answer so a retry can reuse it. */
  readonly idempotencyKey?: string;
}
