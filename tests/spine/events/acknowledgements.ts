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
 * A valid `ncb-endorsement.RequestAcknowledged.v1` with a fresh id, for request `requestId` (its
 * subject, hence its Kafka key). The data is the contract's example with the request id swapped in.
 */
export function anAcknowledgement(requestId: string = randomUUID()): CloudEvent<RequestAcknowledgedV1> {
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

/** What a service appends for a public event: the stream event (same id) and its outbox message. */
export function appendedAcknowledgement(event: CloudEvent<RequestAcknowledgedV1>, topic: string): { event: NewEvent; outbox: OutboxMessage } {
  return {
    event: {
      eventId: event.id,
      type: 'RequestAcknowledged',
      schemaVersion: 1,
      data: event.data,
      metadata: { correlationId: event.correlationid },
    },
    outbox: outboxMessageFor(event, topic),
  };
}
