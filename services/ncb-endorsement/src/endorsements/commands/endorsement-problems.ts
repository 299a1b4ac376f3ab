import { ProblemError } from '@wildlife/service-kit';
import type { EndorsementState } from '../domain/endorsement.state.js';
import {
  type EndorsementRuleViolation,
  PermitHasAlreadyExpired,
  PermitIsAlreadyRevoked,
  PermitIsVoid,
  PermitValidityIsOutOfRange,
  RejectedRequestsNeverMoveOn,
  RequestIsUnknown,
  TextIsEmptyOrTooLong,
  TransitionIsNotAllowed,
} from '../domain/endorsement.errors.js';
import { supportRequestIsNotFound } from '../access/request-access.js';

/**
 * The RFC 9457 problem for a refusal of the endorsement rules; its `code` is the rule's name in
 * kebab case. A transition refused (409) names the request's current status in `detail` and in
 * `currentState`. Anything not listed here is a signer who is not the request's own NCB: 403.
 */
export function problemFor(violation: EndorsementRuleViolation, currentState: EndorsementState['status']): ProblemError {
  const code = kebabCaseOf(violation.name);
  if (violation instanceof RequestIsUnknown) return supportRequestIsNotFound(violation.requestId);
  if (violation instanceof TransitionIsNotAllowed || violation instanceof RejectedRequestsNeverMoveOn) {
    const state = violation.from;
    return new ProblemError(409, code, 'Conflict', `The request is ${state}: ${violation.message}.`, { currentState: state });
  }
  if (violation instanceof PermitIsAlreadyRevoked || violation instanceof PermitHasAlreadyExpired || violation instanceof PermitIsVoid) {
    const permitStatus = violation instanceof PermitIsAlreadyRevoked ? 'revoked' : violation instanceof PermitIsVoid ? 'void' : 'expired';
    return new ProblemError(409, code, 'Conflict', `The request is ${currentState} and its permit ${permitStatus}: ${violation.message}.`, {
      currentState,
      permitStatus,
    });
  }
  if (violation instanceof TextIsEmptyOrTooLong || violation instanceof PermitValidityIsOutOfRange) {
    const pointer = violation instanceof TextIsEmptyOrTooLong ? `/${violation.field}` : '/permitValidityDays';
    return new ProblemError(400, 'validation-failed', 'Bad Request', 'The request has 1 invalid field(s).', {
      errors: [{ pointer, reason: violation.message }],
    });
  }
  return new ProblemError(403, code, 'Forbidden', violation.message);
}

function kebabCaseOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
