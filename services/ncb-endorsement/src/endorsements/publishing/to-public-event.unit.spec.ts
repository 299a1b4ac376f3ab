import { describe, expect, it } from '@jest/globals';
import { contracts } from '@wildlife/contracts';
import { decideAcknowledge, decideDecline, decideEndorse, decideRevokePermit } from '../domain/endorsement.decide.js';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { commands, received, rejected } from '../domain/endorsement.examples.spec.js';
import { replay } from '../domain/endorsement.state.js';
import { toPublicEvent } from './to-public-event.js';

const ncbFr = { id: 'ncb-fr', kind: 'ncb', country: 'FR' };

/** Every event the NCB's decisions produce on one request: acknowledged, endorsed (with permit), permit revoked. */
function decisionsOnOneRequest(): EndorsementEvent[] {
  const submission = received();
  const { requestId } = submission;
  const events: EndorsementEvent[] = [submission];
  events.push(...decideAcknowledge(commands.acknowledge(requestId, { note: 'private' }), replay(events)));
  events.push(...decideEndorse(commands.endorse(requestId, { note: 'Endorsed.' }), replay(events)));
  events.push(...decideRevokePermit(commands.revokePermit(requestId), replay(events)));
  return events.slice(1);
}

describe('publishing the NCB’s decisions', () => {
  it.each(decisionsOnOneRequest().map((event) => [event.type, event] as const))(
    'publishes %s as data its contract accepts, keyed by the request and vouched for by the NCB',
    (_type, event) => {
      const published = toPublicEvent(event)!;

      expect(() => contracts.decode(published.type, published.data)).not.toThrow();
      expect(published.subject).toBe(event.requestId);
      expect(published.principal).toEqual(ncbFr);
    },
  );

  it('publishes a decline with its reason, signed by the NCB', () => {
    const submission = received();
    const [declined] = decideDecline(commands.decline(submission.requestId), replay([submission]));

    const published = toPublicEvent(declined)!;

    const data = contracts.decode('ncb-endorsement.RequestDeclined.v1', published.data);
    expect(data).toMatchObject({ reason: declined.reason, ncb: { principalId: 'ncb-fr', country: 'FR' }, provenance: { principal: ncbFr } });
  });

  it('publishes the endorsement with the requesting agency and the note', () => {
    const endorsed = decisionsOnOneRequest().find((event) => event.type === 'RequestEndorsed')!;

    const data = contracts.decode('ncb-endorsement.RequestEndorsed.v1', toPublicEvent(endorsed)!.data);

    expect(data).toMatchObject({ requestingAgency: { principalId: 'agency-fr-ofb', country: 'FR' }, note: 'Endorsed.' });
  });

  it('keeps the acknowledgement note private', () => {
    const acknowledged = decisionsOnOneRequest().find((event) => event.type === 'RequestAcknowledged')!;

    expect(acknowledged).toHaveProperty('note', 'private');
    expect(toPublicEvent(acknowledged)!.data).not.toHaveProperty('note');
  });

  it('publishes nothing for what it only observed', () => {
    const submission = received();

    expect(toPublicEvent(submission)).toBeUndefined();
    expect(toPublicEvent(rejected(submission.requestId))).toBeUndefined();
  });
});
