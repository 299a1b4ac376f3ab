import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { decideObserveRejection, decideReceive, decideSetAside } from './endorsement.observe.js';
import { acknowledged, decisionRejection, endorsed, given, ncbFr, received, rejected } from './endorsement.examples.spec.js';
import { evolve, initialEndorsementState, replay } from './endorsement.state.js';

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

describe('observing provenance’s rejection of one of the NCB’s decisions', () => {
  it('sets aside the decision at that version, once, saying in whose name it was made, where the request now stands and which permit it voids', () => {
    const { requestId, state } = given(acknowledged, endorsed);
    const rejection = decisionRejection(requestId, 3, 'RequestEndorsed');

    const [setAside] = decideSetAside(rejection, state);

    expect(setAside).toEqual({ ...rejection, ncb: ncbFr, status: 'acknowledged', voidedPermitId: state.permit!.permitId });
    expect(decideSetAside({ ...rejection, sourceEventId: randomUUID() }, evolve(state, setAside!))).toEqual([]);
    expect(decideSetAside(rejection, evolve(state, setAside!))).toEqual([]);
  });

  it('voids no permit when setting aside an acknowledgement', () => {
    const { requestId, state } = given(acknowledged);

    const [setAside] = decideSetAside(decisionRejection(requestId, 2, 'RequestAcknowledged'), state);

    expect(setAside).toMatchObject({ status: 'submitted' });
    expect(setAside).not.toHaveProperty('voidedPermitId');
  });

  it('sets aside nothing when the stream holds no such decision at that version', () => {
    const { requestId, state } = given(acknowledged, endorsed);

    expect(decideSetAside(decisionRejection(requestId, 4, 'RequestEndorsed'), state)).toEqual([]);
    expect(decideSetAside(decisionRejection(requestId, 2, 'RequestEndorsed'), state)).toEqual([]);
    expect(decideSetAside(decisionRejection(requestId, 9, 'RequestDeclined'), state)).toEqual([]);
  });
});
