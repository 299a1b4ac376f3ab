import { createHash } from 'node:crypto';
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
   * sequencing, tree, insert, outbox, checkpoint signing, commit.
   */
  readonly append: { readonly entries: number; readonly entriesPerSecond: number };
  /** The same path from records nobody checked yet: every Ed25519 signature check included. */
  readonly checkAndAppend: { readonly entries: number; readonly entriesPerSecond: number };
  /** The same leaf bytes hashed and inserted in batches of the same size: the least such a log costs. */
  readonly baselinePerSecond: number;
  /** `append` over the baseline. */
  readonly ratio: number;
}

async function timedAppends(appender: LogAppender, records: readonly LoggableRecord[]): Promise<{ entries: number; entriesPerSecond: number }> {
  const started = performance.now();
  await Promise.all(records.map((record) => appender.append(record)));
  return { entries: records.length, entriesPerSecond: perSecond(records.length, performance.now() - started) };
}

/**
 * Appends `checked` from scratch (signature checks and all), then has the writer check every
 * signature of `prepared` and, once that is done, appends them (the appender groups records into
 * transactions of `batch`). Then, in the same database, hashes and inserts the same leaf bytes,
 * `baselineEntries` of them, in batches of `batch`: one multi-row INSERT per transaction, no
 * classification, tree or checkpoint.
 */
export async function measureAppends(
  log: { readonly appender: LogAppender; readonly writer: ProvenanceLogWriter },
  pool: pg.Pool,
  records: { readonly checked: readonly LoggableRecord[]; readonly prepared: readonly LoggableRecord[] },
  batch: number,
  baselineEntries: number,
): Promise<AppendFigures> {
  const checkAndAppend = await timedAppends(log.appender, records.checked);
  await log.writer.prepare(records.prepared);
  const append = await timedAppends(log.appender, records.prepared);

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
  return { batch, append, checkAndAppend, baselinePerSecond, ratio: round(append.entriesPerSecond / baselinePerSecond, 3) };
}
