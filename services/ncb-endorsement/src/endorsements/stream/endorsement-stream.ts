import type { EventStore } from '@wildlife/event-store';
import { endorsementStreamId, type EndorsementEvent } from '../domain/endorsement.events.js';
import { replay, type EndorsementState } from '../domain/endorsement.state.js';
import { fromStoredEvent } from './stored-endorsement-event.js';

/** One request's stream as read back: its events, the state they fold to, and the case's correlation id. */
export interface LoadedEndorsement {
  readonly requestId: string;
  readonly streamId: string;
  readonly events: readonly EndorsementEvent[];
  readonly state: EndorsementState;
  /** The correlation id of the conversation the request belongs to (from its first event), else the request id. */
  readonly correlationId: string;
}

/** Reads `endorsement-<requestId>` (empty when the request was never heard of: version 0, status unknown). */
export async function loadEndorsement(eventStore: EventStore, requestId: string): Promise<LoadedEndorsement> {
  const streamId = endorsementStreamId(requestId);
  const recorded = await eventStore.readStream(streamId);
  const events = recorded.map(fromStoredEvent);
  return {
    requestId,
    streamId,
    events,
    state: replay(events),
    correlationId: recorded[0]?.metadata.correlationId ?? requestId,
  };
}
