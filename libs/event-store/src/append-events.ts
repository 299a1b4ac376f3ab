import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { jsonArrayOf, type GroupedOutcome } from './group-commit.js';
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
// Named, so each pooled connection parses and plans it once.
const APPEND_EVENTS = { name: 'append-events', text: 'SELECT version, appended, global_positions FROM append_events($1, $2, $3, $4, $5, $6, $7)' };

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
  const append = preparedAppend({ streamId, expected, events, options }); // refuses a malformed expectation before anything is locked
  let row: AppendRow;
  try {
    const { rows } = await target.query<AppendRow>({
      ...APPEND_EVENTS,
      values: [streamId, append.min, append.max, append.eventsJson, append.outboxJson, recordedAt, notifyRelay],
    });
    row = rows[0]!;
  } catch (error) {
    throw asTypedRefusal(error, streamId, expected);
  }
  return appendResult(append, row, recordedAt);
}

/** One append's request, as `appendEvents` and `appendEventsTogether` take it. */
export interface AppendRequest {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
}

// migrations/0008: the appends of a group in one statement, each step for all of them at once (stream
// locks in array order, heads, events, outbox messages), each outcome as append_events gives it alone.
// The events and outbox messages come as one JSON array each (`jsonArrayOf`), not as a text[] that
// the pg client would escape quote by quote. Named, as APPEND_EVENTS is.
const APPEND_EVENTS_TOGETHER = {
  name: 'append-events-together',
  text: 'SELECT version, appended, global_positions FROM append_events_together($1, $2, $3, $4, $5, $6, $7)',
};

/**
 * Several appends to distinct streams in ONE statement on `pool`: one round trip, one transaction, one
 * commit for all, in the order given (callers give them sorted by stream, so that two such statements
 * lock streams in one order and never deadlock). Each outcome is what `appendEvents` would have given
 * for that append alone, a `StreamVersionConflict` included: a conflict writes nothing for its append
 * and leaves the others be. Any other failure (a duplicate event id, …) fails the whole statement and
 * writes nothing at all; the caller then tries each append alone to give each its own answer.
 * Rejects with a RangeError, writing nothing, if an expectation is malformed.
 */
export async function appendEventsTogether(
  pool: pg.Pool,
  requests: readonly AppendRequest[],
  recordedAt: Date,
  notifyRelay: boolean,
): Promise<Array<GroupedOutcome<AppendResult>>> {
  const appends = requests.map(preparedAppend);
  const { rows } = await pool.query<AppendRow>({
    ...APPEND_EVENTS_TOGETHER,
    values: [
      appends.map((a) => a.streamId),
      appends.map((a) => a.min),
      appends.map((a) => a.max),
      jsonArrayOf(appends.map((a) => a.eventsJson)),
      jsonArrayOf(appends.map((a) => a.outboxJson)),
      recordedAt,
      notifyRelay,
    ],
  });
  return appends.map((append, i) => {
    try {
      return { ok: true, value: appendResult(append, rows[i]!, recordedAt) };
    } catch (conflict) {
      return { ok: false, error: conflict };
    }
  });
}

interface AppendRow {
  version: number;
  appended: boolean;
  global_positions: string[];
}

interface PreparedAppend {
  readonly streamId: string;
  readonly expected: ExpectedVersion;
  readonly min: number;
  readonly max: number;
  readonly events: ReadonlyArray<NewEvent & { eventId: string }>;
  readonly eventsJson: string;
  readonly outboxJson: string;
}

function preparedAppend({ streamId, expected, events, options }: AppendRequest): PreparedAppend {
  const { min, max } = acceptedVersions(expected);
  const withIds = events.map((e) => ({ ...e, eventId: e.eventId ?? randomUUID() }));
  return { streamId, expected, min, max, events: withIds, eventsJson: JSON.stringify(withIds), outboxJson: JSON.stringify(options.outbox ?? []) };
}

/** The recorded events of an append that went through; throws `StreamVersionConflict` for one that did not. */
function appendResult(append: PreparedAppend, row: AppendRow, recordedAt: Date): AppendResult {
  if (!row.appended) throw new StreamVersionConflict(append.streamId, append.expected, row.version);
  const firstPosition = row.version - append.events.length + 1;
  const recorded = append.events.map((event, i) => ({
    ...event,
    streamId: append.streamId,
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
