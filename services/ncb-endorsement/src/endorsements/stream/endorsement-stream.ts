import type { EventStore } from '@wildlife/event-store';
import type pg from 'pg';
import { endorsementStreamId, type EndorsementEvent } from '../domain/endorsement.events.js';
import { replay, type EndorsementState } from '../domain/endorsement.state.js';
import { fromStoredEvent } from './stored-endorsement-event.js';

/** One request's stream as read back: its events, the state they fold to, and the case's correlation id. */
export interface LoadedEndorsement {
  readonly requestId: string;
  readonly streamId: string;
  readonly events: readonly EndorsementEvent[];
  /** The events' ids, in the same order: the id of the event at version v is `eventIds[v - 1]`. */
  readonly eventIds: readonly string[];
  readonly state: EndorsementState;
  /** The correlation id of the conversation the request belongs to (from its first event), else the request id. */
  readonly correlationId: string;
}

/**
 * Reads `endorsement-<requestId>` (empty when the request was never heard of: version 0, status unknown).
 * With `client`, as the transaction open on it sees the stream (its own appends included).
 */
export async function loadEndorsement(eventStore: EventStore, requestId: string, client?: pg.ClientBase): Promise<LoadedEndorsement> {
  const streamId = endorsementStreamId(requestId);
  const recorded = await (client ? eventStore.readStreamWith(client, streamId) : eventStore.readStream(streamId));
  const events = recorded.map(fromStoredEvent);
  return {
    requestId,
    streamId,
    events,
    eventIds: recorded.map((event) => event.eventId),
    state: replay(events),
    correlationId: recorded[0]?.metadata.correlationId ?? requestId,
  };
}
