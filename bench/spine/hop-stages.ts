import type pg from 'pg';
import { latencySummary, type LatencySummary } from '@wildlife/testing';

/** Where a hop's time goes, from the timestamps the spine itself writes. */
export interface HopStages {
  /** Append started (events.recorded_at) → the consumer's inbox transaction began (inbox.processed_at): relay, Kafka, fetch. */
  readonly appendToConsumed: LatencySummary;
  /** Inbox transaction began → effect row written (bench_effects.applied_at; commit follows). */
  readonly consumedToEffect: LatencySummary;
}

/**
 * Reads the stage timestamps of `eventIds`. `recorded_at` comes from the appending process's clock and
 * the others from PostgreSQL's; both are this machine's clock. `now()` is a transaction's start time,
 * so processed_at is taken before the effect. (The relay deletes what it published, so the outbox
 * keeps no publication time to split the first stage by.)
 */
export async function hopStages(pool: pg.Pool, eventIds: readonly string[]): Promise<HopStages> {
  const { rows } = await pool.query<{ consumed: number; effect: number }>(
    `SELECT extract(epoch FROM i.processed_at - e.recorded_at) * 1000 AS consumed,
            extract(epoch FROM b.applied_at - i.processed_at) * 1000 AS effect
       FROM events e
       JOIN inbox i ON i.message_id = e.event_id::text
       JOIN bench_effects b ON b.event_id = e.event_id::text
      WHERE e.event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return {
    appendToConsumed: latencySummary(rows.map((r) => Number(r.consumed))),
    consumedToEffect: latencySummary(rows.map((r) => Number(r.effect))),
  };
}
