import { describe, expect, it } from '@jest/globals';
import { decideSubmit } from './support-request.decide.js';
import type { SupportRequestEvent, SupportRequestSubmitted } from './support-request.events.js';
import { submissionByTheAgency } from './support-request.examples.spec.js';
import { observed } from './support-request.observed-facts.examples.spec.js';
import { initialSupportRequestState, replay, type SupportRequest, type SupportRequestState } from './support-request.state.js';

const submitted = (): SupportRequestSubmitted => decideSubmit(submissionByTheAgency(), initialSupportRequestState)[0];

function requestAfter(...events: SupportRequestEvent[]): SupportRequest {
  const state: SupportRequestState = replay(events);
  if (state.status === 'none') throw new Error('expected a submitted request');
  return state;
}

describe('the state of a support request', () => {
  it('starts submitted, unverified, at version 1, with its submission in the history', () => {
    const submission = submitted();

    const state = requestAfter(submission);

    expect(state).toMatchObject({
      status: 'submitted',
      provenance: 'unverified',
      requestId: submission.requestId,
      requestingAgency: submission.requestingAgency,
      channel: 'requesting-agency',
      facts: submission.facts,
      version: 1,
    });
    expect(state.history).toEqual([{ what: 'SupportRequestSubmitted', at: submission.submittedAt, by: 'agency-fr-ofb' }]);
  });

  it('follows the NCB through acknowledgement to endorsement, counting each event in the version', () => {
    const submission = submitted();
    const { requestId } = submission;

    const state = requestAfter(submission, observed.acknowledged(requestId), observed.endorsed(requestId));

    expect(state.status).toBe('endorsed');
    expect(state.version).toBe(3);
    expect(state.history.map((entry) => [entry.what, entry.by])).toEqual([
      ['SupportRequestSubmitted', 'agency-fr-ofb'],
      ['RequestAcknowledgedByNcb', 'ncb-fr'],
      ['RequestEndorsedByNcb', 'ncb-fr'],
    ]);
  });

  it('ends declined when the NCB declines, keeping the reason in the history', () => {
    const submission = submitted();
    const declined = observed.declined(submission.requestId);

    const state = requestAfter(submission, observed.acknowledged(submission.requestId), declined);

    expect(state.status).toBe('declined');
    expect(state.history.at(-1)).toEqual({ what: 'RequestDeclinedByNcb', at: declined.at, by: 'ncb-fr', detail: declined.reason });
  });

  it('stays endorsed when the acknowledgement is observed after the endorsement', () => {
    const submission = submitted();

    const state = requestAfter(submission, observed.endorsed(submission.requestId), observed.acknowledged(submission.requestId));

    expect(state.status).toBe('endorsed');
    expect(state.history.map((entry) => entry.what)).toContain('RequestAcknowledgedByNcb');
  });

  it('keeps the first of an endorsement and a decline', () => {
    const submission = submitted();

    const state = requestAfter(submission, observed.endorsed(submission.requestId), observed.declined(submission.requestId));

    expect(state.status).toBe('endorsed');
  });

  it('never moves on once provenance rejected it, whatever the NCB did before or after', () => {
    const submission = submitted();
    const { requestId } = submission;

    const rejectedFirst = requestAfter(submission, observed.rejected(requestId), observed.acknowledged(requestId), observed.endorsed(requestId));
    const rejectedLast = requestAfter(submission, observed.acknowledged(requestId), observed.endorsed(requestId), observed.rejected(requestId));

    expect([rejectedFirst.status, rejectedFirst.provenance]).toEqual(['rejected', 'rejected']);
    expect([rejectedLast.status, rejectedLast.provenance]).toEqual(['rejected', 'rejected']);
    expect(rejectedFirst.history).toHaveLength(4);
  });

  it('follows the latest log entry of its submission: official, then pending once an accreditation suspended from before it was logged, then official again', () => {
    const submission = submitted();
    const { requestId } = submission;
    const at = (classification: 'official' | 'pending-ncb', logIndex: number) => ({ ...observed.verified(requestId, classification), logIndex });

    expect(requestAfter(submission, at('official', 4), at('pending-ncb', 7)).provenance).toBe('pending-ncb');
    expect(requestAfter(submission, at('official', 4), at('pending-ncb', 7), at('official', 9)).provenance).toBe('official');
    // A redelivered earlier verdict changes nothing; a rejection stays final.
    expect(requestAfter(submission, at('official', 4), at('pending-ncb', 7), at('official', 4)).provenance).toBe('pending-ncb');
    expect(requestAfter(submission, observed.rejected(requestId), at('official', 9)).provenance).toBe('rejected');
  });

  it('moves provenance from pending NCB to official, never back, on verdicts that name no log entry (stored before they did)', () => {
    const submission = submitted();
    const { requestId } = submission;

    const inOrder = requestAfter(submission, observed.verified(requestId, 'pending-ncb'), observed.verified(requestId, 'official'));
    const outOfOrder = requestAfter(submission, observed.verified(requestId, 'official'), observed.verified(requestId, 'pending-ncb'));

    expect(inOrder.provenance).toBe('official');
    expect(outOfOrder.provenance).toBe('official');
    expect(outOfOrder.status).toBe('submitted');
  });

  it('holds the permit once issued, and its revocation', () => {
    const submission = submitted();
    const issued = observed.permitIssued(submission.requestId);
    const revoked = observed.permitRevoked(submission.requestId, issued.permitId);

    const state = requestAfter(submission, issued, revoked);

    expect(state.permit).toEqual({ permitId: issued.permitId, gsTeam: issued.gsTeam, expiresAt: issued.expiresAt, revokedAt: revoked.at });
  });

  it('keeps a revocation observed before the permit it revokes', () => {
    const submission = submitted();
    const issued = observed.permitIssued(submission.requestId);
    const revoked = observed.permitRevoked(submission.requestId, issued.permitId);

    const state = requestAfter(submission, revoked, issued);

    expect(state.permit).toEqual({ permitId: issued.permitId, gsTeam: issued.gsTeam, expiresAt: issued.expiresAt, revokedAt: revoked.at });
  });

  it('goes back to where the NCB’s decisions that still count leave it when the endorsement is set aside, its permit void', () => {
    const submission = submitted();
    const { requestId } = submission;
    const issued = observed.permitIssued(requestId);
    const setAside = observed.endorsementSetAside(requestId, issued.permitId);

    const state = requestAfter(submission, observed.acknowledged(requestId), observed.endorsed(requestId), issued, setAside);

    expect(state.status).toBe('acknowledged');
    expect(state.permit).toEqual({ permitId: issued.permitId, gsTeam: issued.gsTeam, expiresAt: issued.expiresAt, voidedAt: setAside.at });
    expect(state.history.at(-1)).toEqual({
      what: 'NcbDecisionSetAside',
      at: setAside.at,
      detail: 'ncb-endorsement.RequestEndorsed.v1 set aside, now acknowledged: key-unknown: No key "ncb-fr-2025" is registered.',
    });
  });

  it('holds the new permit alone once the NCB endorses again after a set-aside, and stays rejected once rejected', () => {
    const submission = submitted();
    const { requestId } = submission;
    const first = observed.permitIssued(requestId);
    const second = observed.permitIssued(requestId);
    const facts = [observed.acknowledged(requestId), observed.endorsed(requestId), first, observed.endorsementSetAside(requestId, first.permitId)];

    const again = requestAfter(submission, ...facts, observed.endorsed(requestId), second);
    const rejected = requestAfter(submission, observed.rejected(requestId), ...facts);

    expect(again.status).toBe('endorsed');
    expect(again.permit).toEqual({ permitId: second.permitId, gsTeam: second.gsTeam, expiresAt: second.expiresAt });
    expect(rejected.status).toBe('rejected');
  });

  it('remembers every observed source event id', () => {
    const submission = submitted();
    const facts = [observed.verified(submission.requestId, 'official'), observed.acknowledged(submission.requestId)];

    const state = requestAfter(submission, ...facts);

    expect(state.observedSourceEventIds).toEqual(facts.map((fact) => fact.sourceEventId));
  });

  it('is rebuilt identically from its events after they went through JSON storage', () => {
    const submission = submitted();
    const { requestId } = submission;
    const issued = observed.permitIssued(requestId);
    const events: SupportRequestEvent[] = [
      submission,
      observed.verified(requestId, 'pending-ncb'),
      observed.acknowledged(requestId),
      observed.endorsed(requestId),
      issued,
      observed.verified(requestId, 'official'),
      observed.permitRevoked(requestId, issued.permitId),
    ];

    const stored = JSON.parse(JSON.stringify(events)) as SupportRequestEvent[];

    expect(replay(stored)).toEqual(replay(events));
    expect(replay(events).version).toBe(events.length);
  });
});
