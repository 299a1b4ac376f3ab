import type { AgencyReference, SupportCapability } from '@wildlife/contracts';
import type { ResourceVersion } from './request-preconditions.js';

/**
 * Every NCB decision names the version of the request at its NCB that it was taken on, and the service
 * refuses it (412) once that has changed. That version is the endorsement's: `getEndorsement(id).version`
 * (its ETag), or the `version` of the previous decision's answer. Intake's `version` is another
 * stream's and runs ahead of it (intake also records provenance's verdict), so it is never the one.
 */
export interface VersionedDecision {
  readonly version: ResourceVersion;
}

export interface Acknowledgement extends VersionedDecision {
  readonly note?: string;
}

export interface Endorsement extends VersionedDecision {
  readonly note?: string;
  /** How long the direct-contact permit stays valid; the service's default when absent. */
  readonly permitValidityDays?: number;
}

export interface Decline extends VersionedDecision {
  readonly reason: string;
}

/** Why the NCB ends a direct-contact permit early and, optionally, the version that was read. */
export interface PermitRevocation {
  readonly reason: string;
  /**
   * The permit's `version` (its request's at the NCB, from `getPermit` or `getEndorsement`), sent as
   * If-Match: the revocation is then refused (412) if the request changed since. Left out, it is not.
   */
  readonly version?: ResourceVersion;
}

export type EndorsementStatus = 'submitted' | 'acknowledged' | 'endorsed' | 'declined' | 'rejected';

/** `void`: the request was rejected by the provenance check first; a void permit opens no direct contact. */
export type PermitStatus = 'active' | 'revoked' | 'expired' | 'void';

/** A direct-contact permit (ncb-endorsement's `PermitView`), with its status at the time of the answer. */
export interface Permit {
  readonly permitId: string;
  readonly requestId: string;
  /** The requesting agency, which may contact the GS team directly while the permit is active. */
  readonly agency: AgencyReference;
  /** The General Secretariat team (its principal id). */
  readonly gsTeam: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** The endorsing NCB. */
  readonly issuedBy: string;
  readonly status: PermitStatus;
  readonly revokedAt?: string;
  readonly revocationReason?: string;
  readonly revokedBy?: string;
  readonly voidedAt?: string;
  readonly voidReason?: string;
  /** The version of the permit's request at its NCB (the ETag). */
  readonly version: number;
}

/** One step of a request at its NCB. */
export interface EndorsementHistoryEntry {
  /** The version this step led to. */
  readonly version: number;
  /** `set-aside`: provenance rejected the record of the decision at `decisionVersion`, which no longer counts. */
  readonly event: 'received' | 'acknowledged' | 'endorsed' | 'declined' | 'permit-issued' | 'permit-revoked' | 'rejected' | 'set-aside';
  readonly at: string;
  /** Who decided (for `received`, who asked). */
  readonly by?: string;
  /** An endorsement's note; an acknowledgement's note is shown to the NCB only. */
  readonly note?: string;
  readonly reason?: string;
  readonly permitId?: string;
  /** A rejection's code (of the request, or of the record of a decision set aside). */
  readonly code?: string;
  readonly decisionVersion?: number;
}

/** A request as its NCB's service shows it (ncb-endorsement's `EndorsementView`). */
export interface EndorsementView {
  readonly requestId: string;
  readonly status: EndorsementStatus;
  /** The version decisions take (also the ETag): give it back as their `version`. */
  readonly version: number;
  readonly agency: AgencyReference;
  /** The requesting agency's country: only its NCB decides. */
  readonly country: string;
  readonly capabilities: readonly SupportCapability[];
  readonly submittedAt: string;
  readonly permit?: Permit;
  /** Why provenance rejected the request. */
  readonly rejection?: { readonly at: string; readonly code: string; readonly text: string };
  readonly history: readonly EndorsementHistoryEntry[];
}

/** The answer to an endorsement: it carries the direct-contact permit issued with it. */
export interface EndorsementGranted extends EndorsementView {
  readonly permit: Permit;
}
