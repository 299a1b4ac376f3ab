import type pg from 'pg';
import type { StoredCheckpoint } from './checkpoint-table.js';

/** What a log write reads first, under the writer lock: where the stored log stands. */
export interface LogHead {
  /** Number of entries committed (the next sequence). */
  readonly size: number;
  /** The checkpoint of the largest tree size, if any. */
  readonly checkpoint: StoredCheckpoint | undefined;
  /** Which of the record ids asked about the log has classified already. */
  readonly logged: ReadonlySet<string>;
}

interface HeadRow {
  size: string;
  tree_size: string | null;
  root_hash: Buffer | null;
  note: string | null;
  logged: string[];
}

/** The log's size, latest checkpoint and which of `recordIds` it holds, in one statement (one snapshot). */
export async function readLogHead(client: pg.ClientBase, recordIds: readonly string[]): Promise<LogHead> {
  const { rows } = await client.query<HeadRow>(
    `SELECT (SELECT coalesce(max(sequence) + 1, 0) FROM log_entries) AS size, c.tree_size, c.root_hash, c.note,
            ARRAY(SELECT record_id FROM log_entries WHERE record_id = ANY($1::text[]) AND supersedes IS NULL) AS logged
       FROM (SELECT) AS head
       LEFT JOIN LATERAL (SELECT tree_size, root_hash, note FROM checkpoints ORDER BY tree_size DESC LIMIT 1) AS c ON true`,
    [recordIds],
  );
  const row = rows[0]!;
  const checkpoint = row.tree_size === null ? undefined : { treeSize: Number(row.tree_size), rootHash: row.root_hash!, note: row.note! };
  return { size: Number(row.size), checkpoint, logged: new Set(row.logged) };
}

/** Which of `recordIds` the committed log has classified already (outside any lock: a first look). */
export async function loggedRecordIds(pool: pg.Pool, recordIds: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const { rows } = await pool.query<{ record_id: string }>('SELECT record_id FROM log_entries WHERE record_id = ANY($1::text[]) AND supersedes IS NULL', [recordIds]);
  return new Set(rows.map((row) => row.record_id));
}
