import type { EventMetadata, NewEvent, RecordedEvent } from '@wildlife/event-store';
import type { EndorsementEvent } from '../domain/endorsement.events.js';

// How the private events of a request's stream are stored: the event's `type` as the row's type,
// the rest of its fields as data. Every event type is at schema version 1; a change of shape adds
// version 2 here, with an upcast in `fromStoredEvent`.

const SCHEMA_VERSION = 1;

export function toStoredEvent(event: EndorsementEvent, eventId: string, metadata: EventMetadata): NewEvent {
  const { type, ...data } = event;
  return { eventId, type, schemaVersion: SCHEMA_VERSION, data, metadata };
}

/** The domain event a stored row holds. */
export function fromStoredEvent(recorded: RecordedEvent): EndorsementEvent {
  return { ...(recorded.data as object), type: recorded.type } as EndorsementEvent;
}
