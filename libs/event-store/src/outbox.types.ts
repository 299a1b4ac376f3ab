/**
 * A message to publish, fully formed by the caller (for Kafka: binary-mode CloudEvents headers, the
 * case id as key, the JSON data as payload).
 */
export interface OutboxMessage {
  /** The id of the event it announces; unique in the outbox. A uuid. */
  readonly messageId: string;
  readonly topic: string;
  /** Partitioning key: messages with one key reach `publish` in the order they were written. */
  readonly key: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON. */
  readonly payload: unknown;
}

/**
 * An outbox message as the relay hands it to `publish`, its payload as JSON text: PostgreSQL's
 * rendering of the stored jsonb, the same JSON value as `OutboxMessage.payload` (keys in jsonb's
 * order, a space after each `:` and `,`). The relay's process neither parses nor serialises it.
 */
export interface RelayedMessage extends Omit<OutboxMessage, 'payload'> {
  readonly payloadJson: string;
}

/**
 * A relay publishing this database's outbox from the appending process (`OutboxRelay` is one), as
 * `EventStore.wakeRelayInProcess` needs it: whether it publishes right now, and how to start its next pass.
 */
export interface InProcessRelay {
  readonly isPublishing: boolean;
  wake(): void;
}
