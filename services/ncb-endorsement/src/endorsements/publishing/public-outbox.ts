import { contracts, createEvent, topics } from '@wildlife/contracts';
import type { OutboxMessage } from '@wildlife/event-store';
import { outboxMessageFor } from '@wildlife/service-kit';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { toPublicEvent } from './to-public-event.js';

export const PUBLIC_EVENT_SOURCE = '/wildlife/ncb-endorsement';

/** A stream event about to be appended, with the id it is appended under. */
export interface IdentifiedEvent {
  readonly eventId: string;
  readonly event: EndorsementEvent;
}

export interface PublicationContext {
  /** The case's conversation (the request's correlation id). */
  readonly correlationId: string;
  /** When the decision was taken (RFC 3339): the events' `time`. */
  readonly time: string;
  /** KAFKA_TOPIC_PREFIX. */
  readonly topicPrefix: string;
}

/**
 * The outbox rows announcing the public counterparts of `events` on `wildlife.ncb-endorsement.events`,
 * in order. Each public event takes its stream event's id, so a retried append publishes the same
 * event ids; each after the first names the first as its cause (the permit follows from the
 * endorsement). Throws EventSchemaViolation rather than write an event its contract refuses.
 */
export function publicOutboxMessages(events: readonly IdentifiedEvent[], context: PublicationContext): OutboxMessage[] {
  const topic = context.topicPrefix + topics.ncbEndorsementEvents.name;
  const messages: OutboxMessage[] = [];
  let cause: string | undefined;
  for (const { eventId, event } of events) {
    const published = toPublicEvent(event);
    if (!published) continue;
    const cloudEvent = createEvent(contracts.contractFor(published.type), published.data, {
      id: eventId,
      source: PUBLIC_EVENT_SOURCE,
      subject: published.subject,
      time: context.time,
      correlationId: context.correlationId,
      ...(cause !== undefined && { causationId: cause }),
      principal: published.principal,
    });
    cause ??= eventId;
    messages.push(outboxMessageFor(cloudEvent, topic));
  }
  return messages;
}
