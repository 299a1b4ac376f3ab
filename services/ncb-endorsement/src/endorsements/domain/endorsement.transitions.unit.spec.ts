import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideDecline, decideEndorse, decideRevokePermit } from './endorsement.decide.js';
import { RejectedRequestsNeverMoveOn, TransitionIsNotAllowed } from './endorsement.errors.js';
import type { EndorsementEvent } from './endorsement.events.js';
import { commands, received, rejected } from './endorsement.examples.spec.js';
import { replay, type EndorsementState } from './endorsement.state.js';
import type { EndorsementStatus, NcbAction } from './endorsement.transitions.js';

// Every cell of the lifecycle table: each status a request can be in, each NCB action, and what must
// happen. Written out by hand, not derived from TRANSITIONS, so that a change to the table shows here.
type Outcome = EndorsementEvent['type'][] | 'not allowed' | 'never moves on';

const cells: [EndorsementStatus, NcbAction, Outcome][] = [
  ['submitted', 'acknowledge', ['RequestAcknowledged']],
  ['submitted', 'endorse', 'not allowed'],
  ['submitted', 'decline', ['RequestDeclined']],
  ['submitted', 'revokePermit', 'not allowed'],
  ['acknowledged', 'acknowledge', 'not allowed'],
  ['acknowledged', 'endorse', ['RequestEndorsed', 'DirectContactPermitIssued']],
  ['acknowledged', 'decline', ['RequestDeclined']],
  ['acknowledged', 'revokePermit', 'not allowed'],
  ['endorsed', 'acknowledge', 'not allowed'],
  ['endorsed', 'endorse', 'not allowed'],
  ['endorsed', 'decline', 'not allowed'],
  ['endorsed', 'revokePermit', ['DirectContactPermitRevoked']],
  ['declined', 'acknowledge', 'not allowed'],
  ['declined', 'endorse', 'not allowed'],
  ['declined', 'decline', 'not allowed'],
  ['declined', 'revokePermit', 'not allowed'],
  ['rejected', 'acknowledge', 'never moves on'],
  ['rejected', 'endorse', 'never moves on'],
  ['rejected', 'decline', 'never moves on'],
  ['rejected', 'revokePermit', 'never moves on'],
];

/** A fresh request brought to `status` by the decisions that lead there. */
function requestIn(status: EndorsementStatus): { requestId: string; state: EndorsementState } {
  const submission = received();
  const { requestId } = submission;
  const events: EndorsementEvent[] = [submission];
  const state = () => replay(events);
  if (status === 'acknowledged' || status === 'endorsed') events.push(...decideAcknowledge(commands.acknowledge(requestId), state()));
  if (status === 'endorsed') events.push(...decideEndorse(commands.endorse(requestId), state()));
  if (status === 'declined') events.push(...decideDecline(commands.decline(requestId), state()));
  if (status === 'rejected') events.push(rejected(requestId));
  expect(state().status).toBe(status);
  return { requestId, state: state() };
}

const act: Record<NcbAction, (requestId: string, state: EndorsementState) => EndorsementEvent[]> = {
  acknowledge: (requestId, state) => decideAcknowledge(commands.acknowledge(requestId), state),
  endorse: (requestId, state) => decideEndorse(commands.endorse(requestId), state),
  decline: (requestId, state) => decideDecline(commands.decline(requestId), state),
  revokePermit: (requestId, state) => decideRevokePermit(commands.revokePermit(requestId), state),
};

function thrownBy(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal, got events');
}

describe('the lifecycle of a request at its NCB', () => {
  it.each(cells)('from %s, %s: %j', (status, action, outcome) => {
    const { requestId, state } = requestIn(status);
    const attempt = () => act[action](requestId, state);

    if (outcome === 'not allowed') {
      const refusal = thrownBy(attempt);
      expect(refusal).toBeInstanceOf(TransitionIsNotAllowed);
      expect(refusal).toMatchObject({ from: status, action });
    } else if (outcome === 'never moves on') {
      expect(attempt).toThrow(RejectedRequestsNeverMoveOn);
    } else {
      expect(attempt().map((event) => event.type)).toEqual(outcome);
    }
  });
});
