import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AdvisoryLockClass } from './advisory-locks.js';
import { EventIdIsAlreadyRecorded, OutboxMessageIdIsAlreadyWritten, StreamVersionConflict } from './event-store.errors.js';
import type { ExpectedVersion, NewEvent, RecordedEvent } from './event.types.js';
import { acceptedVersions, satisfies } from './expected-version.js';
import type { OutboxMessage } from './outbox.types.js';
import { writeOutbox } from './outbox-writer.js';

export interface AppendOptions {
  /** Messages to publish, written to the outbox in the same transaction as the events. */
  readonly outbox?: readonly OutboxMessage[];
}

export interface AppendResult {
  /** The stream's version after the append: pass it as the next append's expectation. */
  readonly nextExpectedVersion: number;
  readonly events: RecordedEvent[];
}

// Inserts the batch after the stream's current head, only if the head satisfies the expectation;
// no row comes back when it does not. ORDER BY makes positions and global positions follow the array.
const INSERT_IF_EXPECTED = `
  WITH head AS (
    SELECT coalesce(max(stream_position), 0) AS version FROM events WHERE stream_id = $1
  )
  INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT $1, head.version + e.n, (e.event->>'eventId')::uuid, e.event->>'type',
         (e.event->>'schemaVersion')::integer, e.event->'data', e.event->'metadata', $5
    FROM head, jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(event, n)
   WHERE head.version BETWEEN $3 AND $4
   ORDER BY e.n
  RETURNING global_position, stream_position`;

/**
 * Appends to a stream on the caller's client, inside the caller's transaction (the one
 * implementation behind `EventStore.append` and `EventStore.appendWith`).
 *
 * Appends to one stream queue on a transaction-scoped advisory lock taken first, so under READ
 * COMMITTED a writer that lost the race sees the winner's events and reports a clean
 * `StreamVersionConflict` without aborting the transaction. The unique (stream_id, stream_position)
 * index remains the guarantee: at stricter isolation levels the loser's insert fails on it instead,
 * which is reported as the same conflict (the transaction is then aborted and must be rolled back).
 */
export async function appendEvents(
  client: pg.ClientBase,
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
  options: AppendOptions,
  recordedAt: Date,
): Promise<AppendResult> {
  acceptedVersions(expected); // refuses a malformed expectation before anything is locked
  // The xid is taken before any global position: the read horizon depends on it (see ReadHorizon).
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_current_xact_id()', [
    AdvisoryLockClass.stream,
    streamId,
  ]);
  const batch = events.map((e) => ({ ...e, eventId: e.eventId ?? randomUUID() }));
  try {
    const recorded =
      batch.length === 0
        ? await checkOnly(client, streamId, expected)
        : await insertIfExpected(client, streamId, expected, batch, recordedAt);
    await writeOutbox(client, options.outbox ?? [], recordedAt);
    return { nextExpectedVersion: recorded.version, events: recorded.events };
  } catch (error) {
    throw asTypedConflict(error, streamId, expected);
  }
}

async function insertIfExpected(
  client: pg.ClientBase,
  streamId: string,
  expected: ExpectedVersion,
  batch: readonly (NewEvent & { eventId: string })[],
  recordedAt: Date,
): Promise<{ version: number; events: RecordedEvent[] }> {
  const { min, max } = acceptedVersions(expected);
  const { rows } = await client.query<{ global_position: string; stream_position: number }>(INSERT_IF_EXPECTED, [
    streamId,
    JSON.stringify(batch),
    min,
    max,
    recordedAt,
  ]);
  if (rows.length === 0) throw new StreamVersionConflict(streamId, expected, await streamVersion(client, streamId));
  rows.sort((a, b) => a.stream_position - b.stream_position);
  const recorded = rows.map((row, i) => ({
    ...batch[i]!,
    streamId,
    streamPosition: row.stream_position,
    globalPosition: Number(row.global_position),
    recordedAt,
  }));
  return { version: rows[rows.length - 1]!.stream_position, events: recorded };
}

/** The stream's version: the position of its last event, 0 when it has none. */
export async function streamVersion(client: pg.Pool | pg.ClientBase, streamId: string): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    'SELECT coalesce(max(stream_position), 0) AS version FROM events WHERE stream_id = $1',
    [streamId],
  );
  return rows[0]!.version;
}

async function checkOnly(
  client: pg.ClientBase,
  streamId: string,
  expected: ExpectedVersion,
): Promise<{ version: number; events: RecordedEvent[] }> {
  const version = await streamVersion(client, streamId);
  if (!satisfies(version, expected)) throw new StreamVersionConflict(streamId, expected, version);
  return { version, events: [] };
}

function asTypedConflict(error: unknown, streamId: string, expected: ExpectedVersion): unknown {
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
