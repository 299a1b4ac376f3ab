import type { AgencyReference, NcbReference, SupportCapability } from '@wildlife/contracts';
import type { SignatureMaterial } from './acting-principal.js';
import type { EndorsementStatus } from './endorsement.transitions.js';

// The private events of one request's endorsement stream, `endorsement-<requestId>`. Times are
// RFC 3339 strings. The NCB's decisions happen here; `RequestReceived`, `ProvenanceRejected` and
// `DecisionSetAside` are facts learnt from request intake and provenance, each naming the public
// event it was read from.

export const endorsementStreamId = (requestId: string): string => `endorsement-${requestId}`;

/** Intake recorded the request (its SupportRequestSubmitted): who asked, from which country, for what. */
export interface RequestReceived {
  readonly type: 'RequestReceived';
  readonly requestId: string;
  readonly agency: AgencyReference;
  readonly submittedAt: string;
  readonly capabilities: readonly SupportCapability[];
  readonly sourceEventId: string;
}

export interface RequestAcknowledged {
  readonly type: 'RequestAcknowledged';
  readonly requestId: string;
  readonly ncb: NcbReference;
  readonly at: string;
  readonly note?: string;
  readonly signatureMaterial: SignatureMaterial;
}

export interface RequestEndorsed {
  readonly type: 'RequestEndorsed';
  readonly requestId: string;
  readonly ncb: NcbReference;
  readonly agency: AgencyReference;
  readonly at: string;
  readonly note?: string;
  readonly signatureMaterial: SignatureMaterial;
}

export interface RequestDeclined {
  readonly type: 'RequestDeclined';
  readonly requestId: string;
  readonly ncb: NcbReference;
  readonly at: string;
  /** 1 to 2000 characters. */
  readonly reason: string;
  readonly signatureMaterial: SignatureMaterial;
}

/** Issued with the endorsement, in the same decision: direct contact for one request, until `expiresAt`. */
export interface DirectContactPermitIssued {
  readonly type: 'DirectContactPermitIssued';
  readonly permitId: string;
  readonly requestId: string;
  readonly agency: AgencyReference;
  /** The General Secretariat team (its principal id) the agency may contact directly. */
  readonly gsTeam: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** The endorsing NCB, which vouches for the permit. */
  readonly issuedBy: NcbReference;
  /** The id of the endorsement's record; the permit id is derived from it and the request id (`permitIdOf`). */
  readonly endorsementRecordId: string;
}

export interface DirectContactPermitRevoked {
  readonly type: 'DirectContactPermitRevoked';
  readonly permitId: string;
  readonly requestId: string;
  /** The permit's `endorsementRecordId`: with the request id, what its id is derived from. */
  readonly endorsementRecordId: string;
  readonly at: string;
  /** 1 to 2000 characters. */
  readonly reason: string;
  readonly revokedBy: NcbReference;
  readonly signatureMaterial: SignatureMaterial;
}

/**
 * Provenance rejected a submission record naming this request. It counts (the request never moves
 * on) when `recordId` is the request's own submission record: the `sourceEventId` of its
 * `RequestReceived`. Another record under the request's subject (a forged or re-used one, which
 * provenance logs rejected too) does not. Events stored before `recordId` was kept lack it and count.
 */
export interface ProvenanceRejected {
  readonly type: 'ProvenanceRejected';
  readonly requestId: string;
  readonly at: string;
  readonly reason: { readonly code: string; readonly text: string };
  readonly sourceEventId: string;
  /** The rejected record's id (provenance's `recordId`). */
  readonly recordId?: string;
}

/** The event types of the NCB's signed decisions: the records of this stream that provenance checks. */
export type NcbDecisionType = 'RequestAcknowledged' | 'RequestEndorsed' | 'RequestDeclined' | 'DirectContactPermitRevoked';

/**
 * Provenance rejected the record of one of the NCB's decisions on this request: the decision no
 * longer counts (rule 2: only official sources). It names the decision by the stream version it was
 * appended at. The status is what the decisions that still count lead to; an endorsement set aside
 * voids the permit issued with it; a revocation set aside leaves the permit revoked.
 */
export interface DecisionSetAside {
  readonly type: 'DecisionSetAside';
  readonly requestId: string;
  /** The stream version of the decision's event. */
  readonly decisionVersion: number;
  readonly decision: NcbDecisionType;
  /** The id and type of the decision's public event: the record provenance rejected. */
  readonly recordId: string;
  readonly recordType: string;
  readonly at: string;
  readonly reason: { readonly code: string; readonly text: string };
  readonly sourceEventId: string;
  /** The NCB the decision was made in the name of. */
  readonly ncb: NcbReference;
  /** Where the request stands once the decision is set aside. */
  readonly status: EndorsementStatus;
  /** The permit the set-aside endorsement had issued, when that made it void. */
  readonly voidedPermitId?: string;
}

/** Provenance's rejection of a decision's record, as read before the stream says what it undoes. */
export type DecisionRejection = Omit<DecisionSetAside, 'ncb' | 'status' | 'voidedPermitId'>;

export type EndorsementEvent =
  | RequestReceived
  | RequestAcknowledged
  | RequestEndorsed
  | RequestDeclined
  | DirectContactPermitIssued
  | DirectContactPermitRevoked
  | ProvenanceRejected
  | DecisionSetAside;
