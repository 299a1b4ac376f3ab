/** Who caused an event: a registered principal of the platform. */
export interface EventPrincipal {
  readonly id: string;
  readonly kind: string;
  readonly country?: string;
}

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId?: string;
  readonly principal?: EventPrincipal;
  /** W3C Trace Context of the request or message that caused the event. */
  readonly traceparent?: string;
  readonly [extra: string]: unknown;
}

/** An event to append. `data` and `metadata` must be JSON (they are stored as jsonb). */
export interface NewEvent<TData = unknown> {
  /** Made with `crypto.randomUUID()` when absent. Unique across the whole store. */
  readonly eventId?: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: TData;
  readonly metadata: EventMetadata;
}

/**
 * An event as stored.
 *
 * - `streamPosition` is 1-based: the first event of a stream is at 1, so a stream's version is the
 *   position of its last event and an empty stream has version 0.
 * - `globalPosition` is a JavaScript number: PostgreSQL's bigint, exact below 2^53 (at a million events
 *   a second that is 285 years away). Positions increase along the log but have gaps (rolled-back
 *   appends also use them up).
 */
export interface RecordedEvent<TData = unknown> extends NewEvent<TData> {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly recordedAt: Date;
}

/**
 * What an append expects the stream's version to be:
 * - a number: exactly that version (0 = the stream is empty);
 * - 'no_stream': the stream is empty (same as 0);
 * - 'stream_exists': the stream has at least one event;
 * - 'any': no expectation; the events go after whatever is there.
 */
export type ExpectedVersion = number | 'no_stream' | 'stream_exists' | 'any';
