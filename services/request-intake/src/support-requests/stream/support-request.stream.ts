import type { EventStore, RecordedEvent } from '@wildlife/event-store';
import type pg from 'pg';
import { supportRequestStreamId } from '../domain/support-request.events.js';
import { replay, type SupportRequestState } from '../domain/support-request.state.js';
import { supportRequestEventOf } from './intake-stream-events.js';

export interface LoadedSupportRequest {
  readonly state: SupportRequestState;
  /** The id of the stream's first event (the submission), when there is one. */
  readonly submissionEventId: string | undefined;
}

/**
 * A support request as its stream holds it now: the replayed state, at the stream's version. With
 * `client`, as the transaction open on it sees the stream (its own appends included).
 */
export async function loadSupportRequest(eventStore: EventStore, requestId: string, client?: pg.ClientBase): Promise<LoadedSupportRequest> {
  const streamId = supportRequestStreamId(requestId);
  const recorded: RecordedEvent[] = await (client ? eventStore.readStreamWith(client, streamId) : eventStore.readStream(streamId));
  return { state: replay(recorded.map(supportRequestEventOf)), submissionEventId: recorded[0]?.eventId };
}
