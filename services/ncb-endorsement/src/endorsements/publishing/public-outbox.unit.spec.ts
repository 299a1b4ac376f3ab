import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { contracts } from '@wildlife/contracts';
import { fromKafkaMessage } from '@wildlife/messaging';
import { decideAcknowledge, decideEndorse } from '../domain/endorsement.decide.js';
import { commands, received } from '../domain/endorsement.examples.spec.js';
import { replay } from '../domain/endorsement.state.js';
import { publicOutboxMessages } from './public-outbox.js';

const context = { correlationId: randomUUID(), time: '2025-03-14T14:31:02.000Z', topicPrefix: 't1.' };

function endorsement() {
  const submission = received();
  const acknowledged = decideAcknowledge(commands.acknowledge(submission.requestId), replay([submission]));
  const events = decideEndorse(commands.endorse(submission.requestId), replay([submission, ...acknowledged]));
  return { submission, identified: events.map((event) => ({ eventId: randomUUID(), event })) };
}

describe('the outbox rows of the NCB’s decisions', () => {
  it('announce each decision on the prefixed endorsement topic, under its stream event’s id, keyed by the request', () => {
    const { submission, identified } = endorsement();

    const messages = publicOutboxMessages(identified, context);

    expect(messages.map((m) => [m.messageId, m.topic, m.key])).toEqual(
      identified.map(({ eventId }) => [eventId, 't1.wildlife.ncb-endorsement.events', submission.requestId]),
    );
  });

  it('carry CloudEvents a consumer decodes against their contracts, the permit caused by the endorsement', () => {
    const { identified } = endorsement();

    const events = publicOutboxMessages(identified, context).map((m) =>
      contracts.decodeEvent(fromKafkaMessage({ key: m.key, value: Buffer.from(JSON.stringify(m.payload)), headers: m.headers })),
    );

    expect(events.map((e) => [e.type, e.time, e.correlationid, e.causationid, e.principalid])).toEqual([
      ['ncb-endorsement.RequestEndorsed.v1', context.time, context.correlationId, undefined, 'ncb-fr'],
      ['ncb-endorsement.DirectContactPermitIssued.v1', context.time, context.correlationId, identified[0]!.eventId, 'ncb-fr'],
    ]);
  });

  it('announce nothing for facts learnt from other services', () => {
    expect(publicOutboxMessages([{ eventId: randomUUID(), event: received() }], context)).toEqual([]);
  });
});
