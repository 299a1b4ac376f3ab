import type { AgencyReference, NcbReference, SubmissionChannel } from '@wildlife/contracts';
import type { ActingPrincipal, SignatureMaterial } from './acting-principal.js';
import type { SupportRequestFacts } from './support-request.facts.js';
import type { LifecycleStatus } from './support-request.status.js';

// The private events of one support request's stream, `support-request-<requestId>`. Times are
// RFC 3339 strings. Only `SupportRequestSubmitted` happens here; the others are facts intake learns
// from the NCB endorsement and provenance services, each naming the public event it was read from
// (`sourceEventId`), which is what makes observing them idempotent.

export const supportRequestStreamId = (requestId: string): string => `support-request-${requestId}`;

export interface SupportRequestSubmitted {
  readonly type: 'SupportRequestSubmitted';
  readonly requestId: string;
  readonly submittedAt: string;
  /** The agency asking for support: the signer itself, or the agency its NCB submitted for. */
  readonly requestingAgency: AgencyReference;
  readonly submittedBy: ActingPrincipal;
  readonly channel: SubmissionChannel;
  readonly facts: SupportRequestFacts;
  readonly signatureMaterial: SignatureMaterial;
}

interface ObservedFact {
  readonly requestId: string;
  readonly at: string;
  /** The CloudEvent id of the public event this fact was read from. */
  readonly sourceEventId: string;
}

export interface RequestAcknowledgedByNcb extends ObservedFact {
  readonly type: 'RequestAcknowledgedByNcb';
  readonly ncb: NcbReference;
}

export interface RequestEndorsedByNcb extends ObservedFact {
  readonly type: 'RequestEndorsedByNcb';
  readonly ncb: NcbReference;
  readonly note?: string;
}

export interface RequestDeclinedByNcb extends ObservedFact {
  readonly type: 'RequestDeclinedByNcb';
  readonly ncb: NcbReference;
  readonly reason: string;
}

/** The endorsement opened direct contact with a GS team (a public event of its own, after the endorsement's). */
export interface DirectContactPermitIssued extends ObservedFact {
  readonly type: 'DirectContactPermitIssued';
  readonly permitId: string;
  readonly gsTeam: string;
  readonly expiresAt: string;
}

export interface DirectContactPermitRevoked extends ObservedFact {
  readonly type: 'DirectContactPermitRevoked';
  readonly permitId: string;
  readonly reason: string;
}

/**
 * Provenance verified the submission record and classified it, or classified it again (a change of
 * classification: made official on its NCB's word, or pending once a suspension of its agency's
 * accreditation from before it was logged later).
 */
export interface ProvenanceVerified extends ObservedFact {
  readonly type: 'ProvenanceVerified';
  readonly classification: 'official' | 'pending-ncb';
  readonly reason: string;
  /** The log entry of this verdict: a later entry of the same record supersedes an earlier one. Absent on facts stored before verdicts named their entry. */
  readonly logIndex?: number;
}

/** Provenance rejected the submission record: the request never moves on. */
export interface ProvenanceRejected extends ObservedFact {
  readonly type: 'ProvenanceRejected';
  readonly reason: { readonly code: string; readonly text: string };
}

/**
 * The endorsement service set aside one of the NCB's decisions, because provenance rejected its
 * record: the request stands at `status` again, and an endorsement's permit is void.
 */
export interface NcbDecisionSetAside extends ObservedFact {
  readonly type: 'NcbDecisionSetAside';
  /** The type of the decision's record event (e.g. ncb-endorsement.RequestEndorsed.v1). */
  readonly recordType: string;
  readonly reason: { readonly code: string; readonly text: string };
  readonly status: LifecycleStatus;
  readonly voidedPermitId?: string;
}

export type SupportRequestObservedFact =
  | RequestAcknowledgedByNcb
  | RequestEndorsedByNcb
  | RequestDeclinedByNcb
  | DirectContactPermitIssued
  | DirectContactPermitRevoked
  | ProvenanceVerified
  | ProvenanceRejected
  | NcbDecisionSetAside;

export type SupportRequestEvent = SupportRequestSubmitted | SupportRequestObservedFact;
