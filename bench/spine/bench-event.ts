import { randomUUID } from 'node:crypto';
import {
  createEvent,
  requestAcknowledgedV1,
  requestAcknowledgedV1Example,
  type CloudEvent,
  type RequestAcknowledgedV1,
} from '@wildlife/contracts';
import type { NewEvent, OutboxMessage } from '@wildlife/event-store';
import { outboxMessageFor } from '@wildlife/service-kit';

/**
 * The message every measurement moves: a real `ncb-endorsement.RequestAcknowledged.v1` (about 1.5 KB
 * of JSON data plus CloudEvents headers), with a fresh id and request.
 */
export function benchEvent(): CloudEvent<RequestAcknowledgedV1> {
  const requestId = randomUUID();
  const data: RequestAcknowledgedV1 = { ...requestAcknowledgedV1Example.data, requestId };
  return createEvent(requestAcknowledgedV1, data, {
    id: randomUUID(),
    source: '/wildlife/ncb-endorsement',
    subject: requestId,
    time: new Date(),
    correlationId: randomUUID(),
    principal: data.provenance.principal,
  });
}

/** The stream event (same id) and outbox message a service appends for `event`. */
export function appendOf(event: CloudEvent<RequestAcknowledgedV1>, topic: string): { event: NewEvent; outbox: OutboxMessage } {
  return {
    event: { eventId: event.id, type: 'RequestAcknowledged', schemaVersion: 1, data: event.data, metadata: { correlationId: event.correlationid } },
    outbox: outboxMessageFor(event, topic),
  };
}
