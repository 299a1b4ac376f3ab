import type { EventMetadata, NewEvent } from '@wildlife/event-store';
import type { ExternalInformationEvent } from '../domain/external-information.events.js';
import type { SupportRequestEvent } from '../domain/support-request.events.js';

// How intake's private events are stored: the event's `type` is the row's type, the rest is its
// data. Every private event is at schema version 1; a change of shape adds version 2 and an upcast
// here, so `evolve` only ever sees the latest shape.

export type IntakeStreamEvent = SupportRequestEvent | ExternalInformationEvent;

const SCHEMA_VERSION = 1;

/** The row to append for `event`, under a given id (reused as the public event's id). */
export function newStreamEvent(event: IntakeStreamEvent, eventId: string, metadata: EventMetadata): NewEvent {
  const { type, ...data } = event;
  return { eventId, type, schemaVersion: SCHEMA_VERSION, data, metadata };
}

/** What the codec reads of a stored row. */
export interface StoredEvent {
  readonly type: string;
  readonly data: unknown;
}

/** A stored row of a `support-request-…` stream as the domain event it was appended from. */
export function supportRequestEventOf(recorded: StoredEvent): SupportRequestEvent {
  return { type: recorded.type, ...(recorded.data as object) } as SupportRequestEvent;
}

/** A stored row of an `external-information-…` stream as the domain event it was appended from. */
export function externalInformationEventOf(recorded: StoredEvent): ExternalInformationEvent {
  return { type: recorded.type, ...(recorded.data as object) } as ExternalInformationEvent;
}
