import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideEndorse, decideRevokePermit } from '../domain/endorsement.decide.js';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { commands, received, rejected, setAside } from '../domain/endorsement.examples.spec.js';
import { replay } from '../domain/endorsement.state.js';
import { endorsementRecordOf } from './endorsement-record.js';

function decided(...steps: ((requestId: string, events: EndorsementEvent[]) => EndorsementEvent[])[]): { requestId: string; events: EndorsementEvent[] } {
  const submission = received();
  const events: EndorsementEvent[] = [submission];
  for (const step of steps) events.push(...step(submission.requestId, events));
  return { requestId: submission.requestId, events };
}

describe('the read-model rows of a request', () => {
  it('hold a received request as submitted at version 1, with its agency and what it asks for', () => {
    const { requestId, events } = decided();

    const { endorsement, permits } = endorsementRecordOf(requestId, events);

    expect(endorsement).toEqual({
      requestId,
      status: 'submitted',
      version: 1,
      agency: { principalId: 'agency-fr-ofb', country: 'FR' },
      submittedAt: '2025-03-14T09:26:53.000Z',
      capabilities: ['information-sharing', 'operational-support'],
      history: [{ version: 1, event: 'received', at: '2025-03-14T09:26:53.000Z', by: 'agency-fr-ofb' }],
    });
    expect(permits).toEqual([]);
  });

  it('list each decision in the history, and hold the permit with its revocation', () => {
    const { requestId, events } = decided(
      (id, so) => decideAcknowledge(commands.acknowledge(id, { note: 'Checking.' }), replay(so)),
      (id, so) => decideEndorse(commands.endorse(id, { note: 'Endorsed.' }), replay(so)),
      (id, so) => decideRevokePermit(commands.revokePermit(id), replay(so)),
    );
    const permitId = (events[3] as { permitId: string }).permitId;

    const { endorsement, permits } = endorsementRecordOf(requestId, events);

    expect(endorsement).toMatchObject({ status: 'endorsed', version: 5, permitId });
    expect(endorsement.history.map((entry) => [entry.version, entry.event, entry.by])).toEqual([
      [1, 'received', 'agency-fr-ofb'],
      [2, 'acknowledged', 'ncb-fr'],
      [3, 'endorsed', 'ncb-fr'],
      [4, 'permit-issued', 'ncb-fr'],
      [5, 'permit-revoked', 'ncb-fr'],
    ]);
    expect(endorsement.history[1]).toMatchObject({ note: 'Checking.' });
    expect(permits).toEqual([{
      permitId,
      requestId,
      agency: { principalId: 'agency-fr-ofb', country: 'FR' },
      gsTeam: 'gs-environmental-security',
      issuedAt: '2025-03-14T14:31:02.000Z',
      expiresAt: '2025-09-10T14:31:02.000Z',
      issuedBy: 'ncb-fr',
      revokedAt: '2025-04-01T08:00:00.000Z',
      revocationReason: 'The case was closed.',
      revokedBy: 'ncb-fr',
    }]);
  });

  it('hold a rejection read before the submission without an agency, rejected', () => {
    const submission = received();
    const rejection = rejected(submission.requestId);

    const { endorsement } = endorsementRecordOf(submission.requestId, [rejection]);

    expect(endorsement).toMatchObject({ status: 'rejected', version: 1, capabilities: [], rejection: { code: 'signature-invalid' } });
    expect(endorsement.agency).toBeUndefined();
    expect(endorsement.history).toEqual([{ version: 1, event: 'rejected', at: rejection.at, code: 'signature-invalid', reason: rejection.reason.text }]);
  });
});

describe('the permits of a request whose endorsement was set aside', () => {
  it('keep the void permit beside the one issued by the new endorsement, and point the request to the new one', () => {
    const { requestId, events } = decided(
      (id, so) => decideAcknowledge(commands.acknowledge(id), replay(so)),
      (id, so) => decideEndorse(commands.endorse(id), replay(so)),
      (id) => [setAside(id, 3, 'RequestEndorsed')],
      (id, so) => decideEndorse(commands.endorse(id, { at: '2025-03-16T09:00:00.000Z' }), replay(so)),
    );

    const { endorsement, permits } = endorsementRecordOf(requestId, events);

    expect(permits.map((p) => [p.voidedAt ?? null, p.revokedAt ?? null])).toEqual([
      ['2025-03-15T08:00:00.000Z', null],
      [null, null],
    ]);
    expect(endorsement).toMatchObject({ status: 'endorsed', permitId: permits[1]!.permitId });
    expect(endorsement.history.map((entry) => entry.event)).toEqual(['received', 'acknowledged', 'endorsed', 'permit-issued', 'set-aside', 'endorsed', 'permit-issued']);
    expect(endorsement.history[4]).toMatchObject({ code: 'key-unknown', decisionVersion: 3 });
  });
});
