import type { AgencyReference, NcbReference, SupportCapability } from '@wildlife/contracts';
import type { SignatureMaterial } from './acting-principal.js';

// The private events of one request's endorsement stream, `endorsement-<requestId>`. Times are
// RFC 3339 strings. The NCB's decisions happen here; `RequestReceived` and `ProvenanceRejected` are
// facts learnt from request intake and provenance, each naming the public event it was read from.

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
}

export interface DirectContactPermitRevoked {
  readonly type: 'DirectContactPermitRevoked';
  readonly permitId: string;
  readonly requestId: string;
  readonly at: string;
  /** 1 to 2000 characters. */
  readonly reason: string;
  readonly revokedBy: NcbReference;
  readonly signatureMaterial: SignatureMaterial;
}

/** Provenance rejected the request's submission record: the request never moves on. */
export interface ProvenanceRejected {
  readonly type: 'ProvenanceRejected';
  readonly requestId: string;
  readonly at: string;
  readonly reason: { readonly code: string; readonly text: string };
  readonly sourceEventId: string;
}

export type EndorsementEvent =
  | RequestReceived
  | RequestAcknowledged
  | RequestEndorsed
  | RequestDeclined
  | DirectContactPermitIssued
  | DirectContactPermitRevoked
  | ProvenanceRejected;
