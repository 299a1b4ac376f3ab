import type pg from 'pg';
import type { RecordedEvent } from './event.types.js';
import type { ReadHorizon } from './read-horizon.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './recorded-event.row.js';

/** A page of the global log. */
export interface ReadAllPage {
  /** In global-position order, all above the position asked for and at or below `horizon`. */
  readonly events: RecordedEvent[];
  /** Every global position at or below it is final: nothing can still commit there. */
  readonly horizon: number;
  /** The last global position handed out when the read started (its transaction may still run). */
  readonly head: number;
}

export async function readStreamEvents(
  db: pg.Pool | pg.ClientBase,
  streamId: string,
  fromStreamPosition: number,
): Promise<RecordedEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_position >= $2 ORDER BY stream_position`,
    [streamId, fromStreamPosition],
  );
  return rows.map(toRecordedEvent);
}

// One round trip: the head is read in a subquery, fenced by OFFSET 0, before the outer row takes a
// new transaction id. The commit waits for the disk, whatever the server's setting: PostgreSQL logs a
// sequence's state only every 32 values, and that record (like the xid taken here) reaches the disk
// with the next flush. Were it lost in a crash, the sequence would hand out again values at or below
// a head this process already took as final, and an event committed there later would be skipped
// (found by review in session 10; reproduced with a crash-restart). Flushing this commit flushes them.
const OBSERVE_LOG = `
  BEGIN;
  SET LOCAL synchronous_commit = on;
  SELECT h.head, pg_current_xact_id()::text AS next_xid
    FROM (SELECT pg_sequence_last_value('events_global_position_seq') AS head OFFSET 0) AS h;
  COMMIT`;

/**
 * Reads the log after `afterGlobalPosition` up to the read horizon (see ReadHorizon): the first
 * statement observes the log, the second settles observations against a later snapshot, the third
 * reads the rows with a snapshot later still, in which every transaction the horizon waited for is
 * visible or gone.
 */
export async function readAllEvents(
  pool: pg.Pool,
  horizon: ReadHorizon,
  afterGlobalPosition: number,
  limit: number,
): Promise<ReadAllPage> {
  const results = (await pool.query(OBSERVE_LOG)) as unknown as pg.QueryResult[];
  const observed = results[2]!.rows[0] as { head: string | null; next_xid: string };
  const head = Number(observed.head ?? 0);
  horizon.observe(head, BigInt(observed.next_xid));
  const snapshot = await pool.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
  const safe = horizon.settle(BigInt(snapshot.rows[0]!.xmin));
  if (safe <= afterGlobalPosition || limit <= 0) return { events: [], horizon: safe, head };
  const { rows } = await pool.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
      WHERE global_position > $1 AND global_position <= $2
      ORDER BY global_position
      LIMIT $3`,
    [afterGlobalPosition, safe, limit],
  );
  return { events: rows.map(toRecordedEvent), horizon: safe, head };
}
