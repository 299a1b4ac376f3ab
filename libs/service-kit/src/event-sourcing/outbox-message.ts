import type { CloudEvent } from '@wildlife/contracts';
import type { OutboxMessage, RelayedMessage } from '@wildlife/event-store';
import { toKafkaHeaders, type OutgoingMessage } from '@wildlife/messaging';

/**
 * The outbox row announcing a public event on `topic` (already prefixed): binary-mode CloudEvents
 * headers, the case id (the event's subject) as key, the data as payload. Its id is the event's id, so
 * consumers deduplicate redeliveries by it.
 */
export function outboxMessageFor(event: CloudEvent<unknown>, topic: string): OutboxMessage {
  return { messageId: event.id, topic, key: event.subject, headers: toKafkaHeaders(event), payload: event.data };
}

/** What the relay hands Kafka for an outbox row: its payload's JSON text as the value, as it is. */
export function kafkaMessageFor(message: RelayedMessage): OutgoingMessage {
  return {
    topic: message.topic,
    key: message.key,
    value: Buffer.from(message.payloadJson),
    headers: { ...message.headers },
  };
}
