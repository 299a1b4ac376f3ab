import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { LoggableRecord } from '../../../services/provenance/dist/classification/log-entry-of.js';
import type { LogAppender } from '../../../services/provenance/dist/log/log-appender.js';
import type { ProvenanceLogWriter } from '../../../services/provenance/dist/log/provenance-log-writer.js';
import { perSecond, round } from './figures.js';

export interface AppendFigures {
  readonly batch: number;
  /**
   * The log append proper, compared with the baseline: records whose signatures the writer checked
   * ahead (`ProvenanceLogWriter.prepare`, awaited before the clock starts), appended through the
   * production group commit: classification rules, canonical JSON, leaf hash, dedupe by record id,
   * sequencing, tree, insert, checkpoint signing, commit.
   */
  readonly append: PhaseFigures;
  /** The same path from records nobody checked yet: every Ed25519 signature check included. */
  readonly checkAndAppend: PhaseFigures;
  /** The same leaf bytes hashed and inserted in batches of the same size: the least such a log costs. */
  readonly baselinePerSecond: number;
  /** `append` over the baseline. */
  readonly ratio: number;
}

export interface PhaseFigures {
  readonly entries: number;
  /** Until every append resolved (committed). */
  readonly entriesPerSecond: number;
  /** Until the service had also published them all: entries on the log topic, outcomes on the events topic (both from the log). */
  readonly publishedPerSecond: number;
}

/** Whether the service has published its whole log (entries and outcomes) and every outbox message (none are expected). */
async function allPublished(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ done: boolean }>(
    `SELECT (SELECT published_size FROM log_publication) = (SELECT coalesce(max(sequence) + 1, 0) FROM log_entries)
            AND NOT EXISTS (SELECT FROM outbox) AS done`,
  );
  return rows[0]!.done;
}

/** Waits (at most two minutes) until the service's relays have caught up, so that a phase starts from a quiet service. */
async function untilPublished(pool: pg.Pool): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (!(await allPublished(pool))) {
    if (performance.now() > deadline) throw new Error('the provenance service did not publish its log within two minutes');
    await sleep(50);
  }
}

async function timedAppends(appender: LogAppender, pool: pg.Pool, records: readonly LoggableRecord[]): Promise<PhaseFigures> {
  await untilPublished(pool);
  const started = performance.now();
  await Promise.all(records.map((record) => appender.append(record)));
  const appended = performance.now() - started;
  await untilPublished(pool);
  const published = performance.now() - started;
  return { entries: records.length, entriesPerSecond: perSecond(records.length, appended), publishedPerSecond: perSecond(records.length, published) };
}

/**
 * Appends `checked` from scratch (signature checks and all), then has the writer check every
 * signature of `prepared` and, once that is done, appends them (the appender groups records into
 * transactions of `batch`). Then, in the same database, hashes and inserts the same leaf bytes,
 * `baselineEntries` of them, in batches of `batch`: one multi-row INSERT per transaction, no
 * classification, tree or checkpoint. Each of the three starts once the service has published
 * everything before it (its relays to Kafka share the machine), and the appends are timed until
 * committed and, apart, until published too.
 */
export async function measureAppends(
  log: { readonly appender: LogAppender; readonly writer: ProvenanceLogWriter },
  pool: pg.Pool,
  records: { readonly checked: readonly LoggableRecord[]; readonly prepared: readonly LoggableRecord[] },
  batch: number,
  baselineEntries: number,
): Promise<AppendFigures> {
  const checkAndAppend = await timedAppends(log.appender, pool, records.checked);
  await log.writer.prepare(records.prepared);
  const append = await timedAppends(log.appender, pool, records.prepared);

  const { rows } = await pool.query<{ leaf_bytes: Buffer }>('SELECT leaf_bytes FROM log_entries ORDER BY sequence LIMIT $1', [baselineEntries]);
  await pool.query('CREATE TABLE bench_baseline (sequence bigint PRIMARY KEY, leaf_bytes bytea NOT NULL, leaf_hash bytea NOT NULL)');
  await untilPublished(pool);
  const baselineStarted = performance.now();
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const hashes = slice.map((row) => createHash('sha256').update(Buffer.of(0)).update(row.leaf_bytes).digest());
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO bench_baseline SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[])', [
        slice.map((_, i) => start + i),
        slice.map((row) => row.leaf_bytes),
        hashes,
      ]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  }
  const baselinePerSecond = perSecond(rows.length, performance.now() - baselineStarted);
  return { batch, append, checkAndAppend, baselinePerSecond, ratio: round(append.entriesPerSecond / baselinePerSecond, 3) };
}
