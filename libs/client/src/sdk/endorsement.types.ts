import type { ApiObject } from './api-object.js';
import type { ResourceVersion } from './request-preconditions.js';

/** Every NCB decision names the version it was taken on; the service refuses it once the request has changed since. */
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

/** The lifecycle of a request on the NCB side. */
export interface EndorsementView {
  readonly version: ResourceVersion;
  readonly [member: string]: unknown;
}

/** The answer to an endorsement: it carries the direct-contact permit issued with it. */
export interface EndorsementGranted {
  readonly permit?: ApiObject;
  readonly [member: string]: unknown;
}
