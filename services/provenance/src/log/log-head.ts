import { parseEntry, type LogEntry } from '@wildlife/provenance-log';
import type pg from 'pg';
import type { LoggableRecord } from '../classification/log-entry-of.js';
import { isTheLoggedRecord, reusedIdOf } from '../classification/record-identity.js';
import type { StoredCheckpoint } from './checkpoint-table.js';

/** What a log write reads first, under the writer lock: where the stored log stands. */
export interface LogHead {
  /** Number of entries committed (the next sequence). */
  readonly size: number;
  /** The checkpoint of the largest tree size, if any. */
  readonly checkpoint: StoredCheckpoint | undefined;
  /** The first entry of each record asked about that the log holds already, by record id (`loggedRecords`). */
  readonly logged: ReadonlyMap<string, LogEntry>;
}

interface HeadRow {
  size: string;
  tree_size: string | null;
  root_hash: Buffer | null;
  note: string | null;
  logged: Buffer[];
}

/**
 * The log's size, latest checkpoint and which of `records` it holds (see `loggedRecords`), in one
 * statement (one snapshot), and one more only when a record reuses an id the log holds.
 */
export async function readLogHead(client: pg.ClientBase, records: readonly LoggableRecord[]): Promise<LogHead> {
  const recordIds = records.map((record) => record.id);
  const { rows } = await client.query<HeadRow>(
    `SELECT (SELECT coalesce(max(sequence) + 1, 0) FROM log_entries) AS size, c.tree_size, c.root_hash, c.note,
            ARRAY(SELECT leaf_bytes FROM log_entries WHERE record_id = ANY($1::text[]) AND supersedes IS NULL) AS logged
       FROM (SELECT) AS head
       LEFT JOIN LATERAL (SELECT tree_size, root_hash, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1) AS c ON true`,
    [recordIds],
  );
  const row = rows[0]!;
  const checkpoint = row.tree_size === null ? undefined : { treeSize: Number(row.tree_size), rootHash: row.root_hash!, note: row.note! };
  const logged = await withReusedIds(client, records, byRecordId(row.logged));
  return { size: Number(row.size), checkpoint, logged };
}

/**
 * The first entry of each of `records` the committed log holds (outside any lock: a first look), by
 * record id; and for a record that is not the one logged under its id, the entry of its own
 * identity (`reusedIdOf`), if logged.
 */
export async function loggedRecords(client: pg.ClientBase | pg.Pool, records: readonly LoggableRecord[]): Promise<Map<string, LogEntry>> {
  if (records.length === 0) return new Map();
  return withReusedIds(client, records, await firstEntriesOf(client, records.map((record) => record.id)));
}

async function firstEntriesOf(client: pg.ClientBase | pg.Pool, recordIds: readonly string[]): Promise<Map<string, LogEntry>> {
  if (recordIds.length === 0) return new Map();
  const { rows } = await client.query<{ leaf_bytes: Buffer }>('SELECT leaf_bytes FROM log_entries WHERE record_id = ANY($1::text[]) AND supersedes IS NULL', [recordIds]);
  return byRecordId(rows.map((row) => row.leaf_bytes));
}

/** Rare (a producer reused an id): asks for the identities of the records that are not the one logged under their id. */
async function withReusedIds(client: pg.ClientBase | pg.Pool, records: readonly LoggableRecord[], logged: Map<string, LogEntry>): Promise<Map<string, LogEntry>> {
  const reused = records.flatMap((record) => {
    const earlier = logged.get(record.id);
    return earlier === undefined || record.kind === 'unparsed' || isTheLoggedRecord(earlier, record) ? [] : [reusedIdOf(record)];
  });
  for (const [id, entry] of await firstEntriesOf(client, reused)) logged.set(id, entry);
  return logged;
}

function byRecordId(leaves: readonly Buffer[]): Map<string, LogEntry> {
  return new Map(leaves.map((bytes) => parseEntry(bytes)).map((entry) => [entry.record.id, entry]));
}
