import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { EventIdIsAlreadyRecorded, OutboxMessageIdIsAlreadyWritten, StreamVersionConflict } from './event-store.errors.js';
import type { ExpectedVersion, NewEvent, RecordedEvent } from './event.types.js';
import { acceptedVersions } from './expected-version.js';
import type { OutboxMessage } from './outbox.types.js';

export interface AppendOptions {
  /** Messages to publish, written to the outbox in the same transaction as the events. */
  readonly outbox?: readonly OutboxMessage[];
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next append's expectation. */
  readonly nextExpectedVersion: number;
  readonly events: RecordedEvent[];
}

/** A pool (the statement autocommits on its own) or a client (the statement joins its transaction). */
export type AppendTarget = pg.Pool | pg.ClientBase;

// migrations/0006_wake_relay_in_process.sql: xid, stream lock, expectation check, events, outbox, NOTIFY if asked.
const APPEND_EVENTS = 'SELECT version, appended, global_positions FROM append_events($1, $2, $3, $4, $5, $6, $7)';

/**
 * Appends to a stream in ONE statement (the one implementation behind `EventStore.append` and
 * `EventStore.appendWith`). On a pool the statement is a transaction of its own; on a client it runs
 * inside whatever transaction that client has open.
 *
 * Appends to one stream queue on a transaction-scoped advisory lock, so under READ COMMITTED a writer
 * that lost the race sees the winner's events and reports a clean `StreamVersionConflict` (the
 * function returns it as a result, it does not raise, so a caller's transaction stays usable). The
 * unique (stream_id, stream_position) index remains the guarantee: at stricter isolation levels the
 * loser's insert fails on it instead, reported as a conflict whose `actual` is undefined (the
 * transaction is then aborted and must be rolled back).
 */
export async function appendEvents(
  target: AppendTarget,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
  options: AppendOptions,
  recordedAt: Date,
  notifyRelay: boolean,
): Promise<AppendResult> {
  const { min, max } = acceptedVersions(expected); // refuses a malformed expectation before anything is locked
  const batch = events.map((e) => ({ ...e, eventId: e.eventId ?? randomUUID() }));
  let row: { version: number; appended: boolean; global_positions: string[] };
  try {
    const { rows } = await target.query<typeof row>(APPEND_EVENTS, [
      streamId,
      min,
      max,
      JSON.stringify(batch),
      JSON.stringify(options.outbox ?? []),
      recordedAt,
      notifyRelay,
    ]);
    row = rows[0]!;
  } catch (error) {
    throw asTypedRefusal(error, streamId, expected);
  }
  if (!row.appended) throw new StreamVersionConflict(streamId, expected, row.version);
  const firstPosition = row.version - batch.length + 1;
  const recorded = batch.map((event, i) => ({
    ...event,
    streamId,
    streamPosition: firstPosition + i,
    globalPosition: Number(row.global_positions[i]),
    recordedAt,
  }));
  return { nextExpectedVersion: row.version, events: recorded };
}

/** The stream's version: the position of its last event, 0 when it has none. */
export async function streamVersion(client: AppendTarget, streamId: string): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    'SELECT coalesce(max(stream_position), 0) AS version FROM events WHERE stream_id = $1',
    [streamId],
  );
  return rows[0]!.version;
}

function asTypedRefusal(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
  if ((error as { code?: string }).code !== '23505') return error;
  switch ((error as { constraint?: string }).constraint) {
    case 'events_stream_position_unique':
      return new StreamVersionConflict(streamId, expected, undefined);
    case 'events_event_id_unique':
      return new EventIdIsAlreadyRecorded(streamId);
    case 'outbox_message_id_unique':
      return new OutboxMessageIdIsAlreadyWritten(streamId);
    default:
      return error;
  }
}
