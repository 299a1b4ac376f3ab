import type pg from 'pg';
import { summarize, type LatencySummary } from './latency.js';

/** Where a hop's time goes, from the timestamps the spine itself writes. */
export interface HopStages {
  /** Append started (events.recorded_at) → relay marked the outbox row published (after Kafka's ack). */
  readonly appendToPublished: LatencySummary;
  /** Published → the consumer's inbox transaction began (inbox.processed_at). */
  readonly publishedToConsumed: LatencySummary;
  /** Inbox transaction began → effect row written (bench_effects.applied_at; commit follows). */
  readonly consumedToEffect: LatencySummary;
}

/**
 * Reads the stage timestamps of `eventIds`. `recorded_at` comes from the appending process's clock and
 * the others from PostgreSQL's; both are this machine's clock. `now()` is a transaction's start time,
 * so published_at is taken after the produce was acknowledged and processed_at before the effect.
 */
export async function hopStages(pool: pg.Pool, eventIds: readonly string[]): Promise<HopStages> {
  const { rows } = await pool.query<{ published: number; consumed: number; effect: number }>(
    `SELECT extract(epoch FROM o.published_at - e.recorded_at) * 1000 AS published,
            extract(epoch FROM i.processed_at - o.published_at) * 1000 AS consumed,
            extract(epoch FROM b.applied_at - i.processed_at) * 1000 AS effect
       FROM events e
       JOIN outbox o ON o.message_id = e.event_id
       JOIN inbox i ON i.message_id = e.event_id::text
       JOIN bench_effects b ON b.event_id = e.event_id::text
      WHERE e.event_id = ANY($1::uuid[])`,
    [eventIds],
  );
  return {
    appendToPublished: summarize(rows.map((r) => Number(r.published))),
    publishedToConsumed: summarize(rows.map((r) => Number(r.consumed))),
    consumedToEffect: summarize(rows.map((r) => Number(r.effect))),
  };
}
