import { describe, expect, it } from '@jest/globals';
import {
  OnlyTheAgencysOwnNcbMayEndorse,
  PermitHasAlreadyExpired,
  PermitIsAlreadyRevoked,
  PermitValidityIsOutOfRange,
  RejectedRequestsNeverMoveOn,
  RequestIsUnknown,
  TextIsEmptyOrTooLong,
  TransitionIsNotAllowed,
} from '../domain/endorsement.errors.js';
import { problemFor } from './endorsement-problems.js';

const problem = (error: Parameters<typeof problemFor>[0], state: Parameters<typeof problemFor>[1] = 'submitted') => {
  const { status, code, detail, extensions } = problemFor(error, state);
  return { status, code, detail, extensions };
};

describe('the problem for a refused endorsement rule', () => {
  it('names the current state of a transition not allowed, in the detail and as currentState', () => {
    expect(problem(new TransitionIsNotAllowed('declined', 'endorse'), 'declined')).toEqual({
      status: 409,
      code: 'transition-is-not-allowed',
      detail: 'The request is declined: cannot endorse a request that is declined.',
      extensions: { currentState: 'declined' },
    });
  });

  it('names a rejected request as rejected', () => {
    expect(problem(new RejectedRequestsNeverMoveOn('r-1', 'acknowledge'), 'rejected')).toMatchObject({
      status: 409,
      code: 'rejected-requests-never-move-on',
      extensions: { currentState: 'rejected' },
    });
  });

  it.each([
    [new PermitIsAlreadyRevoked('p-1', '2025-04-01T08:00:00.000Z'), 'permit-is-already-revoked', 'revoked'],
    [new PermitHasAlreadyExpired('p-1', '2025-09-10T14:31:02.000Z'), 'permit-has-already-expired', 'expired'],
  ])('refuses a permit that cannot be revoked any more with 409 (%#)', (error, code, permitStatus) => {
    expect(problem(error, 'endorsed')).toMatchObject({ status: 409, code, extensions: { currentState: 'endorsed', permitStatus } });
  });

  it('refuses a signer who is not the agency’s own NCB with 403, naming the rule', () => {
    expect(problem(new OnlyTheAgencysOwnNcbMayEndorse('ncb-ke', 'FR'))).toMatchObject({ status: 403, code: 'only-the-agencys-own-ncb-may-endorse' });
  });

  it('answers an unknown request as not found', () => {
    expect(problem(new RequestIsUnknown('r-1'))).toMatchObject({ status: 404, code: 'support-request-not-found' });
  });

  it.each([
    [new TextIsEmptyOrTooLong('reason', 2000), '/reason'],
    [new PermitValidityIsOutOfRange(400), '/permitValidityDays'],
  ])('reports a bad field as a validation problem pointing at it (%#)', (error, pointer) => {
    expect(problem(error)).toMatchObject({ status: 400, code: 'validation-failed', extensions: { errors: [{ pointer }] } });
  });
});
