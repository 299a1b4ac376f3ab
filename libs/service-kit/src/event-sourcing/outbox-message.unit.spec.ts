import { describe, expect, it } from '@jest/globals';
import { requestAcknowledgedV1Example } from '@wildlife/contracts';
import { toKafkaMessage } from '@wildlife/messaging';
import { kafkaMessageFor, outboxMessageFor } from './outbox-message.js';

describe('an event through the outbox', () => {
  it('reaches Kafka with the key and ce_* headers of encoding it directly, and the payload text the relay read as its value', () => {
    const event = requestAcknowledgedV1Example;
    const { payload, ...head } = outboxMessageFor(event, 'prefix.wildlife.ncb-endorsement.events');
    // As PostgreSQL renders a stored jsonb payload: the same value, other spacing.
    const payloadJson = JSON.stringify(payload, null, 1);

    const relayed = kafkaMessageFor({ ...head, payloadJson });

    const direct = toKafkaMessage(event);
    expect(relayed).toEqual({ topic: 'prefix.wildlife.ncb-endorsement.events', key: direct.key, value: Buffer.from(payloadJson), headers: direct.headers });
    expect(JSON.parse(relayed.value!.toString('utf8'))).toEqual(JSON.parse(direct.value!.toString('utf8')));
  });

  it('is keyed by the event’s subject and identified by its id', () => {
    const message = outboxMessageFor(requestAcknowledgedV1Example, 't');

    expect(message).toMatchObject({ messageId: requestAcknowledgedV1Example.id, key: requestAcknowledgedV1Example.subject });
  });
});
