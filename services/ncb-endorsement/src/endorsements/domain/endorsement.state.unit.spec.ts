import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideEndorse, decideRevokePermit } from './endorsement.decide.js';
import type { EndorsementEvent } from './endorsement.events.js';
import { commands, received, rejected } from './endorsement.examples.spec.js';
import { initialEndorsementState, replay } from './endorsement.state.js';

/** A request taken through acknowledgement, endorsement and the revocation of its permit. */
function endorsedThenRevoked(): EndorsementEvent[] {
  const submission = received();
  const { requestId } = submission;
  const events: EndorsementEvent[] = [submission];
  events.push(...decideAcknowledge(commands.acknowledge(requestId), replay(events)));
  events.push(...decideEndorse(commands.endorse(requestId), replay(events)));
  events.push(...decideRevokePermit(commands.revokePermit(requestId), replay(events)));
  return events;
}

describe('the state of an endorsement', () => {
  it('is unknown and at version 0 before anything happened', () => {
    expect(initialEndorsementState).toEqual({ status: 'unknown', observedSourceEventIds: [], version: 0 });
  });

  it('holds the received request, submitted, at version 1', () => {
    const submission = received();

    expect(replay([submission])).toEqual({
      status: 'submitted',
      request: { requestId: submission.requestId, agency: submission.agency, submittedAt: submission.submittedAt, capabilities: submission.capabilities },
      observedSourceEventIds: [submission.sourceEventId],
      version: 1,
    });
  });

  it('holds the endorsement, its permit and the permit’s revocation, one version per event', () => {
    const events = endorsedThenRevoked();
    const issued = events.find((event) => event.type === 'DirectContactPermitIssued')!;

    const state = replay(events);

    expect(state.status).toBe('endorsed');
    expect(state.version).toBe(5);
    expect(state.permit).toEqual({
      permitId: issued.permitId,
      gsTeam: 'gs-environmental-security',
      issuedAt: issued.issuedAt,
      expiresAt: issued.expiresAt,
      revokedAt: '2025-04-01T08:00:00.000Z',
      revocationReason: 'The case was closed.',
    });
  });

  it('becomes rejected whatever status it had, and keeps the rejection', () => {
    const events = endorsedThenRevoked();
    const rejection = rejected(events[0]!.requestId);

    const state = replay([...events, rejection]);

    expect(state.status).toBe('rejected');
    expect(state.rejection).toEqual({ at: rejection.at, ...rejection.reason });
  });

  it('is rebuilt identically from its events after they went through JSON storage', () => {
    const events = [...endorsedThenRevoked()];
    events.push(rejected(events[0]!.requestId));

    const stored = JSON.parse(JSON.stringify(events)) as EndorsementEvent[];

    expect(replay(stored)).toEqual(replay(events));
  });
});
