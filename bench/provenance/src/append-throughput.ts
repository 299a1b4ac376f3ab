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
  /** The entries the phase added to the log, by classification, then by reason code: what was measured. */
  readonly classifications: Readonly<Record<string, number>>;
  readonly reasons: Readonly<Record<string, number>>;
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

export type AppendPhase = 'check + append' | 'append';

/** What every timed record is meant to be logged as: a phase that logged anything else measured another path. */
export interface IntendedEntry {
  readonly classification: string;
  readonly reason: string;
}

/** A phase whose records were not logged as the bench intends (e.g. rejected: a rejection is not the normal path). */
export class TimedRecordsWereNotAsIntended extends Error {
  constructor(phase: AppendPhase, intended: IntendedEntry, records: number, counts: Pick<PhaseFigures, 'classifications' | 'reasons'>) {
    super(
      `bench:provenance measured the wrong path: the ${phase} phase's ${records} records should each be logged ` +
        `${intended.classification}/${intended.reason}, but the log holds ${JSON.stringify(counts.classifications)} ` +
        `(reasons ${JSON.stringify(counts.reasons)}) for them`,
    );
    this.name = 'TimedRecordsWereNotAsIntended';
  }
}

async function logSizeOf(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ size: string }>('SELECT coalesce(max(sequence) + 1, 0) AS size FROM log_entries');
  return Number(rows[0]!.size);
}

/** The entries from `from` on, counted by classification and by reason code (read from their leaf bytes, untimed). */
async function countsSince(pool: pg.Pool, from: number): Promise<Pick<PhaseFigures, 'classifications' | 'reasons'>> {
  const { rows } = await pool.query<{ classification: string; reason: string; entries: string }>(
    `SELECT entry ->> 'classification' AS classification, entry -> 'reason' ->> 'code' AS reason, count(*) AS entries
       FROM (SELECT convert_from(leaf_bytes, 'UTF8')::jsonb AS entry FROM log_entries WHERE sequence >= $1) AS logged
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [from],
  );
  const classifications: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  for (const row of rows) {
    classifications[row.classification] = (classifications[row.classification] ?? 0) + Number(row.entries);
    reasons[row.reason] = (reasons[row.reason] ?? 0) + Number(row.entries);
  }
  return { classifications, reasons };
}

async function timedAppends(phase: AppendPhase, appender: LogAppender, pool: pg.Pool, records: readonly LoggableRecord[], intended: IntendedEntry): Promise<PhaseFigures> {
  await untilPublished(pool);
  const from = await logSizeOf(pool);
  const started = performance.now();
  await Promise.all(records.map((record) => appender.append(record)));
  const appended = performance.now() - started;
  await untilPublished(pool);
  const published = performance.now() - started;
  const counts = await countsSince(pool, from);
  // Exactly one entry per record, each as intended: no other entry, no change of classification.
  if (counts.classifications[intended.classification] !== records.length || counts.reasons[intended.reason] !== records.length || Object.keys(counts.classifications).length !== 1) {
    throw new TimedRecordsWereNotAsIntended(phase, intended, records.length, counts);
  }
  return { entries: records.length, ...counts, entriesPerSecond: perSecond(records.length, appended), publishedPerSecond: perSecond(records.length, published) };
}

/**
 * Appends the records signed for the `check + append` phase from scratch (signature checks and all),
 * then has the writer check every signature of those signed for the `append` phase and, once that is
 * done, appends them (the appender groups records into transactions of `batch`). Each phase's
 * records are signed just before it (untimed), so that the service's process never holds both
 * halves at once. Then, in the same database, hashes and inserts the same leaf bytes,
 * `baselineEntries` of them, in batches of `batch`: one multi-row INSERT per transaction, no
 * classification, tree or checkpoint. Each of the three starts once the service has published
 * everything before it (its relays to Kafka share the machine), and the appends are timed until
 * committed and, apart, until published too. After each append phase (untimed) its entries are
 * counted by classification; throws `TimedRecordsWereNotAsIntended` unless every record was logged
 * once, as `records.intended`.
 */
export async function measureAppends(
  log: { readonly appender: LogAppender; readonly writer: ProvenanceLogWriter },
  pool: pg.Pool,
  records: { readonly signedFor: (phase: AppendPhase) => Promise<readonly LoggableRecord[]>; readonly intended: IntendedEntry },
  batch: number,
  baselineEntries: number,
): Promise<AppendFigures> {
  const checkAndAppend = await timedAppends('check + append', log.appender, pool, await records.signedFor('check + append'), records.intended);
  const prepared = await records.signedFor('append');
  await log.writer.prepare(prepared);
  const append = await timedAppends('append', log.appender, pool, prepared, records.intended);

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
