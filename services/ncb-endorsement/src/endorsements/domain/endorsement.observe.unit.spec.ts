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

describe('observing the rejection of a record under the request’s subject that is not its submission', () => {
  // Provenance also rejects a forged submission naming the request, or a different record re-using
  // the submission's id (logged apart as `<id>#reused:<hash>`): neither says anything of the request.
  it('records nothing for another record once the request is received, and the request goes on', () => {
    const submission = received();
    const other = rejected(submission.requestId, randomUUID());

    expect(decideObserveRejection(other, replay([submission]))).toEqual([]);
    expect(decideObserveRejection(rejected(submission.requestId, submission.sourceEventId), replay([submission]))).toHaveLength(1);
  });

  it('keeps rejections read before the request, and counts only the one naming its submission once it is received', () => {
    const submission = received();
    const forged = rejected(submission.requestId, randomUUID());
    const own = rejected(submission.requestId, submission.sourceEventId);

    const early = [...decideObserveRejection(forged, initialEndorsementState)];
    early.push(...decideObserveRejection(own, replay(early)));
    expect(early).toEqual([forged, own]);
    expect(decideObserveRejection(forged, replay(early))).toEqual([]);

    expect(replay([forged, submission])).toMatchObject({ status: 'submitted' });
    expect(replay([forged, submission])).not.toHaveProperty('rejection');
    expect(replay([...early, submission])).toMatchObject({ status: 'rejected', rejection: { code: 'signature-invalid' } });
    expect(replay([own, forged, submission])).toMatchObject({ status: 'rejected' });
  });

  it('lets a request whose only early rejection named another record be acknowledged', () => {
    const submission = received();
    const events = [rejected(submission.requestId, randomUUID()), submission];

    expect(acknowledged(submission.requestId, events)).toHaveLength(1);
  });

  it('counts a rejection stored before rejections named their record, whenever it was read', () => {
    const submission = received();

    expect(replay([rejected(submission.requestId), submission])).toMatchObject({ status: 'rejected' });
    expect(replay([submission, rejected(submission.requestId)])).toMatchObject({ status: 'rejected' });
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
