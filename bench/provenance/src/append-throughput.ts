import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { LoggableRecord } from '../../../services/provenance/dist/classification/log-entry-of.js';
import type { LogAppender } from '../../../services/provenance/dist/log/log-appender.js';
import { perSecond, round } from './figures.js';

export interface AppendFigures {
  readonly entries: number;
  readonly batch: number;
  /** Records appended through the log's group commit (classify, sign-check, hash, insert, checkpoint). */
  readonly entriesPerSecond: number;
  /** The same leaf bytes hashed and inserted in batches of the same size: the least such a log costs. */
  readonly baselinePerSecond: number;
  readonly ratio: number;
}

/**
 * Appends every record at once (the appender groups them into transactions of `batch`), then, in
 * the same database, hashes and inserts the same leaf bytes, `baselineEntries` of them, in batches
 * of `batch`: one multi-row INSERT per transaction, no classification, tree or checkpoint.
 */
export async function measureAppends(appender: LogAppender, pool: pg.Pool, records: readonly LoggableRecord[], batch: number, baselineEntries: number): Promise<AppendFigures> {
  const started = performance.now();
  await Promise.all(records.map((record) => appender.append(record)));
  const entriesPerSecond = perSecond(records.length, performance.now() - started);

  const { rows } = await pool.query<{ leaf_bytes: Buffer }>('SELECT leaf_bytes FROM log_entries ORDER BY sequence LIMIT $1', [baselineEntries]);
  await pool.query('CREATE TABLE bench_baseline (sequence bigint PRIMARY KEY, leaf_bytes bytea NOT NULL, leaf_hash bytea NOT NULL)');
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
  return { entries: records.length, batch, entriesPerSecond, baselinePerSecond, ratio: round(entriesPerSecond / baselinePerSecond, 3) };
}
