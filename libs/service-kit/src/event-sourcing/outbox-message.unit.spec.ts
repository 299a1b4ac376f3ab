import { describe, expect, it } from '@jest/globals';
import { requestAcknowledgedV1Example } from '@wildlife/contracts';
import { toKafkaMessage } from '@wildlife/messaging';
import { kafkaMessageFor, outboxMessageFor } from './outbox-message.js';

describe('an event through the outbox', () => {
  it('reaches Kafka exactly as encoding it directly would: key, ce_* headers and JSON value', () => {
    const event = requestAcknowledgedV1Example;

    const relayed = kafkaMessageFor(outboxMessageFor(event, 'prefix.wildlife.ncb-endorsement.events'));

    const direct = toKafkaMessage(event);
    expect(relayed).toEqual({ topic: 'prefix.wildlife.ncb-endorsement.events', key: direct.key, value: direct.value, headers: direct.headers });
  });

  it('is keyed by the event’s subject and identified by its id', () => {
    const message = outboxMessageFor(requestAcknowledgedV1Example, 't');

    expect(message).toMatchObject({ messageId: requestAcknowledgedV1Example.id, key: requestAcknowledgedV1Example.subject });
  });
});
