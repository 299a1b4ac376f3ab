import { topics } from '@wildlife/contracts';
import type { EventPrincipal, NewEvent, OutboxMessage } from '@wildlife/event-store';
import { outboxMessageFor } from '@wildlife/service-kit';
import type { ExternalInformationReceived } from '../domain/external-information.events.js';
import type { SupportRequestSubmitted } from '../domain/support-request.events.js';
import { newStreamEvent } from '../stream/intake-stream-events.js';
import { intakeCloudEventOf, type IntakeEnvelope } from './intake-cloud-event.js';
import { toPublicEvent } from './to-public-event.js';

/** The events intake decides and publishes itself (the facts it observes were published by their deciders). */
export type PublishedIntakeEvent = SupportRequestSubmitted | ExternalInformationReceived;

/**
 * A decided event as its stream stores it (caused by `principal`), with the outbox message that
 * publishes its public event on intake's events topic under `topicPrefix`. Both carry the envelope's
 * id and correlation id, so a retried append publishes the very same event.
 */
export function publishedStreamEvent(
  decided: PublishedIntakeEvent,
  envelope: IntakeEnvelope,
  principal: EventPrincipal,
  topicPrefix: string,
): { event: NewEvent; outbox: OutboxMessage[] } {
  const publicEvent = intakeCloudEventOf(toPublicEvent(decided)!, envelope);
  return {
    event: newStreamEvent(decided, envelope.id, { correlationId: envelope.correlationId, principal }),
    outbox: [outboxMessageFor(publicEvent, topicPrefix + topics.requestIntakeEvents.name)],
  };
}
