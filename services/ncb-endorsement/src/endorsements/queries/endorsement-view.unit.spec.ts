import { describe, expect, it } from '@jest/globals';
import { decideAcknowledge, decideEndorse } from '../domain/endorsement.decide.js';
import { commands, received } from '../domain/endorsement.examples.spec.js';
import { replay } from '../domain/endorsement.state.js';
import { endorsementRecordOf } from '../projections/endorsement-record.js';
import { endorsementViewOf } from './endorsement-view.js';

const ncbFr = { id: 'ncb-fr', kind: 'ncb', country: 'FR' } as const;
const agencyFr = { id: 'agency-fr-ofb', kind: 'agency', country: 'FR' } as const;

function endorsedWithNotes() {
  const submission = received();
  const acknowledged = decideAcknowledge(commands.acknowledge(submission.requestId, { note: 'Internal.' }), replay([submission]));
  const endorsed = decideEndorse(commands.endorse(submission.requestId, { note: 'Endorsed.' }), replay([submission, ...acknowledged]));
  return endorsementRecordOf(submission.requestId, [submission, ...acknowledged, ...endorsed]);
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
});
