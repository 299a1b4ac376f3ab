import type { ExpectedVersion } from './event.types.js';

/**
 * An append found the stream at another version than it expected. Nothing of that append (events or
 * outbox messages) was written.
 *
 * `actual` is the stream's version when the conflict was seen, or `undefined` when it could not be
 * read: the conflict surfaced as a unique violation inside a caller's transaction, which PostgreSQL has
 * then aborted (only possible when that transaction runs at REPEATABLE READ or SERIALIZABLE).
 */
export class StreamVersionConflict extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | undefined,
  ) {
    super(`stream ${streamId} was expected at version ${String(expected)} but is at ${actual ?? 'a newer version'}`);
    this.name = 'StreamVersionConflict';
  }
}

/** An event with this id is already in the store (ids are unique across all streams). */
export class EventIdIsAlreadyRecorded extends Error {
  constructor(readonly streamId: string) {
    super(`an event appended to ${streamId} reuses the id of an event already recorded`);
    this.name = 'EventIdIsAlreadyRecorded';
  }
}

/** An outbox message with this id was already written (message ids are event ids, unique). */
export class OutboxMessageIdIsAlreadyWritten extends Error {
  constructor(readonly streamId: string) {
    super(`an outbox message written with an append to ${streamId} reuses an existing message id`);
    this.name = 'OutboxMessageIdIsAlreadyWritten';
  }
}
