import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { decideObserveRejection, decideReceive } from './endorsement.observe.js';
import { received, rejected } from './endorsement.examples.spec.js';
import { initialEndorsementState, replay } from './endorsement.state.js';

describe('receiving a request from intake', () => {
  it('records a request not yet received', () => {
    const submission = received();

    expect(decideReceive(submission, initialEndorsementState)).toEqual([submission]);
  });

  it('records nothing when the submission is delivered again', () => {
    const submission = received();

    expect(decideReceive(submission, replay([submission]))).toEqual([]);
  });

  it('records a request whose rejection arrived first, which stays rejected', () => {
    const submission = received();
    const rejection = rejected(submission.requestId);

    const events = decideReceive(submission, replay([rejection]));

    expect(events).toEqual([submission]);
    expect(replay([rejection, ...events])).toMatchObject({ status: 'rejected', request: { requestId: submission.requestId } });
  });
});

describe('observing provenance’s rejection of a request', () => {
  it('records the rejection of a received request', () => {
    const submission = received();
    const rejection = rejected(submission.requestId);

    expect(decideObserveRejection(rejection, replay([submission]))).toEqual([rejection]);
  });

  it('records a rejection that arrives before the request', () => {
    const rejection = rejected(randomUUID());

    expect(decideObserveRejection(rejection, initialEndorsementState)).toEqual([rejection]);
  });

  it('records nothing for a rejection delivered again, or a second one', () => {
    const submission = received();
    const rejection = rejected(submission.requestId);
    const state = replay([submission, rejection]);

    expect(decideObserveRejection(rejection, state)).toEqual([]);
    expect(decideObserveRejection(rejected(submission.requestId), state)).toEqual([]);
  });
});
