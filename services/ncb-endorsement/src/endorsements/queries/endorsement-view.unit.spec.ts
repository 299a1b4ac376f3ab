import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideEndorse, decideRevokePermit } from '../domain/endorsement.decide.js';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { commands, received, rejected } from '../domain/endorsement.examples.spec.js';
import { replay } from '../domain/endorsement.state.js';
import { currentPermitOf, endorsementRecordOf, type EndorsementRecord, type PermitRecord } from '../projections/endorsement-record.js';
import { endorsementViewOf } from './endorsement-view.js';

const ncbFr = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const agencyFr = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' } as const;

function endorsedEvents(): EndorsementEvent[] {
  const submission = received();
  const acknowledged = decideAcknowledge(commands.acknowledge(submission.requestId, { note: 'Internal.' }), replay([submission]));
  const endorsed = decideEndorse(commands.endorse(submission.requestId, { note: 'Endorsed.' }), replay([submission, ...acknowledged]));
  return [submission, ...acknowledged, ...endorsed];
}

/** A request's row and its current permit, folded from `events`. */
function rowsOf(events: readonly EndorsementEvent[]): { endorsement: EndorsementRecord; permit?: PermitRecord } {
  const records = endorsementRecordOf(events[0]!.requestId, events);
  const permit = currentPermitOf(records);
  return { endorsement: records.endorsement, ...(permit && { permit }) };
}

function endorsedWithNotes() {
  return rowsOf(endorsedEvents());
}

/** The endorsed request's records once `more` (made from its events so far) are appended. */
function endorsedThen(...more: Array<(requestId: string, events: EndorsementEvent[]) => EndorsementEvent[]>) {
  const events = endorsedEvents();
  const requestId = events[0]!.requestId;
  for (const step of more) events.push(...step(requestId, events));
  return rowsOf(events);
}

describe('a request as its reader sees it', () => {
  it('shows the acknowledgement’s note to the NCB only; the endorsement’s note, published anyway, to all', () => {
    const { endorsement, permit } = endorsedWithNotes();
    const now = new Date('2025-03-15T00:00:00.000Z');

    const notesOf = (reader: typeof ncbFr | typeof agencyFr) => endorsementViewOf(endorsement, permit, reader, now).history.map((entry) => entry.note);

    expect(notesOf(ncbFr)).toEqual([undefined, 'Internal.', 'Endorsed.', undefined]);
    expect(notesOf(agencyFr)).toEqual([undefined, undefined, 'Endorsed.', undefined]);
  });

  it.each([
    ['2025-03-15T00:00:00.000Z', 'active'],
    ['2025-09-10T14:31:01.999Z', 'active'],
    ['2025-09-10T14:31:02.000Z', 'expired'],
  ])('shows the permit at %s as %s', (now, status) => {
    const { endorsement, permit } = endorsedWithNotes();

    const view = endorsementViewOf(endorsement, permit, ncbFr, new Date(now));

    expect(view.permit).toMatchObject({ status, version: 4, expiresAt: '2025-09-10T14:31:02.000Z' });
  });

  it('shows the permit of a request provenance rejected after its endorsement as void, with when and why', () => {
    const { endorsement, permit } = endorsedThen((requestId) => [{ ...rejected(requestId), at: '2025-03-20T08:00:00.000Z' }]);

    const view = endorsementViewOf(endorsement, permit, agencyFr, new Date('2025-03-21T00:00:00.000Z'));

    expect(view.status).toBe('rejected');
    expect(view.permit).toMatchObject({
      status: 'void',
      voidedAt: '2025-03-20T08:00:00.000Z',
      voidReason: 'The request was rejected by the provenance check (signature-invalid).',
    });
    expect(view.permit!.revokedAt).toBeUndefined();
  });

  it('keeps a permit revoked before its request’s rejection as revoked, and one that expired first as expired', () => {
    const revokedFirst = endorsedThen(
      (requestId, events) => decideRevokePermit(commands.revokePermit(requestId, { expectedVersion: events.length }), replay(events)),
      (requestId) => [{ ...rejected(requestId), at: '2025-04-02T00:00:00.000Z' }],
    );
    const expiredFirst = endorsedThen((requestId) => [{ ...rejected(requestId), at: '2025-09-11T00:00:00.000Z' }]);
    const now = new Date('2025-10-01T00:00:00.000Z');

    const revokedView = endorsementViewOf(revokedFirst.endorsement, revokedFirst.permit, ncbFr, now).permit;
    const expiredView = endorsementViewOf(expiredFirst.endorsement, expiredFirst.permit, ncbFr, now).permit;

    expect(revokedView).toMatchObject({ status: 'revoked', revocationReason: 'The case was closed.' });
    expect(revokedView!.voidedAt).toBeUndefined();
    expect(expiredView).toMatchObject({ status: 'expired' });
    expect(expiredView!.voidedAt).toBeUndefined();
  });
});
