import type { CloudEvent } from '@wildlife/contracts';
import type { OutboxMessage } from '@wildlife/event-store';
import { toKafkaHeaders, type OutgoingMessage } from '@wildlife/messaging';

/**
 * The outbox row announcing a public event on `topic` (already prefixed): binary-mode CloudEvents
 * headers, the case id (the event's subject) as key, the data as payload. Its id is the event's id, so
 * consumers deduplicate redeliveries by it.
 */
export function outboxMessageFor(event: CloudEvent<unknown>, topic: string): OutboxMessage {
  return { messageId: event.id, topic, key: event.subject, headers: toKafkaHeaders(event), payload: event.data };
}

/** What the relay hands Kafka for an outbox row. */
export function kafkaMessageFor(message: OutboxMessage): OutgoingMessage {
  return {
    topic: message.topic,
    key: message.key,
    value: Buffer.from(JSON.stringify(message.payload)),
    headers: { ...message.headers },
  };
}
