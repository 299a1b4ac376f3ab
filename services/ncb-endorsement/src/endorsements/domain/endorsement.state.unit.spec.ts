import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideDecline, decideEndorse, decideRevokePermit } from './endorsement.decide.js';
import type { EndorsementEvent, NcbDecisionType } from './endorsement.events.js';
import { acknowledged, commands, endorsed, received, rejected, revoked, setAside } from './endorsement.examples.spec.js';
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
    expect(initialEndorsementState).toEqual({ status: 'unknown', decisions: [], earlyRejections: [], observedSourceEventIds: [], version: 0 });
  });

  it('holds the received request, submitted, at version 1', () => {
    const submission = received();

    expect(replay([submission])).toEqual({
      status: 'submitted',
      request: { requestId: submission.requestId, recordId: submission.sourceEventId, agency: submission.agency, submittedAt: submission.submittedAt, capabilities: submission.capabilities },
      decisions: [],
      earlyRejections: [],
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
      endorsementRecordId: issued.endorsementRecordId,
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

type Step = (requestId: string, events: EndorsementEvent[]) => EndorsementEvent[];
const declined: Step = (requestId, events) => decideDecline(commands.decline(requestId), replay(events));

describe('a decision set aside (provenance rejected its record)', () => {
  const eventsOf = (...steps: Step[]): EndorsementEvent[] => {
    const submission = received();
    const events: EndorsementEvent[] = [submission];
    for (const step of steps) events.push(...step(submission.requestId, events));
    return events;
  };
  const setAsideAt =
    (version: number, decision: NcbDecisionType, at?: string): Step =>
    (requestId) => [setAside(requestId, version, decision, at)];

  it('takes an endorsement back: the request is acknowledged again and its permit void, with when and why', () => {
    const events = eventsOf(acknowledged, endorsed, setAsideAt(3, 'RequestEndorsed'));

    const state = replay(events);

    expect(state.status).toBe('acknowledged');
    expect(state.decisions.map((d) => [d.version, d.type, d.setAside ?? false])).toEqual([
      [2, 'RequestAcknowledged', false],
      [3, 'RequestEndorsed', true],
    ]);
    expect(state.permit).toMatchObject({
      voidedAt: '2025-03-15T08:00:00.000Z',
      voidReason: 'The endorsement was set aside: the provenance check rejected its record (key-unknown).',
    });
    expect(state.permit!.revokedAt).toBeUndefined();
  });

  it('lets the NCB endorse again, which issues a new permit in force', () => {
    const events = eventsOf(acknowledged, endorsed, setAsideAt(3, 'RequestEndorsed'));
    const again = decideEndorse(commands.endorse(events[0]!.requestId), replay(events));

    const state = replay([...events, ...again]);

    expect(state.status).toBe('endorsed');
    expect(state.permit).toEqual(expect.objectContaining({ permitId: (again[1] as { permitId: string }).permitId }));
    expect(state.permit!.voidedAt).toBeUndefined();
  });

  it('takes an acknowledgement back to submitted, and a decline back to where it was taken from', () => {
    expect(replay(eventsOf(acknowledged, setAsideAt(2, 'RequestAcknowledged'))).status).toBe('submitted');
    expect(replay(eventsOf(acknowledged, declined, setAsideAt(3, 'RequestDeclined'))).status).toBe('acknowledged');
    expect(replay(eventsOf(declined, setAsideAt(2, 'RequestDeclined'))).status).toBe('submitted');
  });

  it('leaves an official endorsement standing when only the acknowledgement before it is set aside', () => {
    const state = replay(eventsOf(acknowledged, endorsed, setAsideAt(2, 'RequestAcknowledged')));

    expect(state.status).toBe('endorsed');
    expect(state.permit!.voidedAt).toBeUndefined();
  });

  it('leaves a permit revoked when its revocation is set aside: contact stays closed', () => {
    const state = replay(eventsOf(acknowledged, endorsed, revoked, setAsideAt(5, 'DirectContactPermitRevoked')));

    expect(state.status).toBe('endorsed');
    expect(state.permit).toMatchObject({ revokedAt: '2025-04-01T08:00:00.000Z' });
    expect(state.permit!.voidedAt).toBeUndefined();
  });

  it('leaves a rejected request rejected, and a permit that expired first expired', () => {
    const events = eventsOf(acknowledged, endorsed);
    const state = replay([...events, rejected(events[0]!.requestId), setAside(events[0]!.requestId, 3, 'RequestEndorsed', '2025-12-01T00:00:00.000Z')]);

    expect(state.status).toBe('rejected');
    expect(state.permit!.voidReason).toMatch(/request was rejected/);

    const expired = replay(eventsOf(acknowledged, endorsed, setAsideAt(3, 'RequestEndorsed', '2025-12-01T00:00:00.000Z')));
    expect(expired.status).toBe('acknowledged');
    expect(expired.permit!.voidedAt).toBeUndefined();
  });
});
