import type { EndorsementStatus, NcbAction } from './endorsement.transitions.js';

// Refusals of the endorsement rules, named as the rule they enforce. The HTTP edge maps each to an
// RFC 9457 problem; they all extend `EndorsementRuleViolation` so it can catch them at once.

export abstract class EndorsementRuleViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Notification 1.1: an NCB acts for its own country only, so only the agency's own NCB decides. */
abstract class OnlyTheAgencysOwnNcbMay extends EndorsementRuleViolation {
  constructor(
    readonly action: NcbAction,
    readonly actorId: string,
    readonly agencyCountry: string,
  ) {
    super(`"${actorId}" may not ${action === 'revokePermit' ? 'revoke the permit of' : action} this request: only the NCB of ${agencyCountry} may`);
  }
}

export class OnlyTheAgencysOwnNcbMayAcknowledge extends OnlyTheAgencysOwnNcbMay {
  constructor(actorId: string, agencyCountry: string) {
    super('acknowledge', actorId, agencyCountry);
  }
}

export class OnlyTheAgencysOwnNcbMayEndorse extends OnlyTheAgencysOwnNcbMay {
  constructor(actorId: string, agencyCountry: string) {
    super('endorse', actorId, agencyCountry);
  }
}

export class OnlyTheAgencysOwnNcbMayDecline extends OnlyTheAgencysOwnNcbMay {
  constructor(actorId: string, agencyCountry: string) {
    super('decline', actorId, agencyCountry);
  }
}

export class OnlyTheAgencysOwnNcbMayRevokeThePermit extends OnlyTheAgencysOwnNcbMay {
  constructor(actorId: string, agencyCountry: string) {
    super('revokePermit', actorId, agencyCountry);
  }
}

/** The request was not (yet) received from request intake. */
export class RequestIsUnknown extends EndorsementRuleViolation {
  constructor(readonly requestId: string) {
    super(`request ${requestId} has not been received from request intake`);
  }
}

/** The action is not allowed from the request's current status (see endorsement.transitions.ts). */
export class TransitionIsNotAllowed extends EndorsementRuleViolation {
  constructor(
    readonly from: EndorsementStatus,
    readonly action: NcbAction,
  ) {
    super(`cannot ${action} a request that is ${from}`);
  }
}

export class RejectedRequestsNeverMoveOn extends EndorsementRuleViolation {
  readonly from = 'rejected' as const;

  constructor(
    readonly requestId: string,
    readonly action: NcbAction,
  ) {
    super(`request ${requestId} was rejected by provenance and never moves on: ${action} is refused`);
  }
}

export class PermitIsAlreadyRevoked extends EndorsementRuleViolation {
  constructor(
    readonly permitId: string,
    readonly revokedAt: string,
  ) {
    super(`direct-contact permit ${permitId} was already revoked at ${revokedAt}`);
  }
}

/** The permit named is not the request's permit in force: the endorsement that issued it was set aside. */
export class PermitIsVoid extends EndorsementRuleViolation {
  constructor(readonly permitId: string) {
    super(`direct-contact permit ${permitId} is void: the endorsement that issued it was set aside`);
  }
}

export class PermitHasAlreadyExpired extends EndorsementRuleViolation {
  constructor(
    readonly permitId: string,
    readonly expiresAt: string,
  ) {
    super(`direct-contact permit ${permitId} expired at ${expiresAt}; there is nothing left to revoke`);
  }
}

export class PermitValidityIsOutOfRange extends EndorsementRuleViolation {
  constructor(readonly days: number) {
    super(`a direct-contact permit is valid for a whole number of days from 1 to 365, not ${days}`);
  }
}

export class TextIsEmptyOrTooLong extends EndorsementRuleViolation {
  constructor(
    readonly field: 'reason' | 'note',
    readonly maxLength: number,
  ) {
    super(`the ${field} must have from 1 to ${maxLength} characters`);
  }
}
