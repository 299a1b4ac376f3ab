import type pg from 'pg';
import type { StoredNode } from '@wildlife/provenance-log';
import type { PlannedEntry } from '../classification/plan-entries.js';
import type { StoredCheckpoint } from './checkpoint-table.js';

// SQL on the log's tables (migrations/0001_provenance_log.sql). Sizes and sequences are JavaScript
// numbers: the log stops at 2^53 - 1 entries, like the Merkle library.

/** Advisory lock class of this service ("PV" high half), in the two-int form. Key 1: the log writer. */
export const LOG_WRITER_LOCK = [0x50560001, 1] as const;

export interface StoredEntry {
  readonly sequence: number;
  readonly leafBytes: Buffer;
  readonly leafHash: Buffer;
}

interface EntryRow {
  sequence: string;
  leaf_bytes: Buffer;
  leaf_hash: Buffer;
}

const toStoredEntry = (row: EntryRow): StoredEntry => ({ sequence: Number(row.sequence), leafBytes: row.leaf_bytes, leafHash: row.leaf_hash });

/** Number of entries committed (the next sequence). */
export async function logSize(client: pg.ClientBase | pg.Pool): Promise<number> {
  const { rows } = await client.query<{ size: string }>('SELECT coalesce(max(sequence) + 1, 0) AS size FROM log_entries');
  return Number(rows[0]!.size);
}

/** Entries with `start <= sequence < end`, in sequence order. */
export async function readEntries(client: pg.ClientBase | pg.Pool, start: number, end: number): Promise<StoredEntry[]> {
  const { rows } = await client.query<EntryRow>(
    'SELECT sequence, leaf_bytes, leaf_hash FROM log_entries WHERE sequence >= $1 AND sequence < $2 ORDER BY sequence',
    [start, end],
  );
  return rows.map(toStoredEntry);
}

/** A prefix of the entries of a range, cut to a byte budget. */
export interface EntryPrefix {
  readonly entries: StoredEntry[];
  /** Entries of the range that exist were left out for the budget: read on from after the last one. */
  readonly cut: boolean;
}

/**
 * Entries with `start <= sequence < end`, in sequence order, as many as fit in `maxLeafBytes` of
 * leaf bytes, and always the first: an entry is never split, and a reader always moves on. The
 * sizes are summed in SQL (`octet_length` reads a stored value's size without fetching it), so an
 * entry left out is never read.
 */
export async function readEntriesWithin(client: pg.ClientBase | pg.Pool, start: number, end: number, maxLeafBytes: number): Promise<EntryPrefix> {
  const { rows } = await client.query<EntryRow & { in_range: string }>(
    `SELECT sequence, leaf_bytes, leaf_hash, in_range FROM (
       SELECT sequence, leaf_bytes, leaf_hash, count(*) OVER () AS in_range,
              sum(octet_length(leaf_bytes)) OVER (ORDER BY sequence) AS running
         FROM log_entries WHERE sequence >= $1 AND sequence < $2
     ) range WHERE running <= $3 OR sequence = $1 ORDER BY sequence`,
    [start, end, maxLeafBytes],
  );
  return { entries: rows.map(toStoredEntry), cut: rows.length > 0 && Number(rows[0]!.in_range) > rows.length };
}

/** The entries at `sequences` that exist, in sequence order. */
export async function readEntriesAt(client: pg.ClientBase | pg.Pool, sequences: readonly number[]): Promise<StoredEntry[]> {
  const { rows } = await client.query<EntryRow>('SELECT sequence, leaf_bytes, leaf_hash FROM log_entries WHERE sequence = ANY($1::bigint[]) ORDER BY sequence', [sequences]);
  return rows.map(toStoredEntry);
}

/** Every entry of one record (its classification, then any change of it), in sequence order. */
export async function entriesOfRecord(pool: pg.Pool, recordId: string): Promise<StoredEntry[]> {
  const { rows } = await pool.query<EntryRow>('SELECT sequence, leaf_bytes, leaf_hash FROM log_entries WHERE record_id = $1 ORDER BY sequence', [recordId]);
  return rows.map(toStoredEntry);
}

/**
 * Inserts entries (in sequence order), the subtree rows they complete and, when given, the signed
 * checkpoint of the new size, in one statement (one round trip; the no-gap check runs once for the
 * statement). A second checkpoint for the same size is ignored: the first stands. The bytes travel
 * as one binary parameter per column, cut apart by offset in SQL: a `bytea[]` parameter would go
 * as hex text, twice the size, encoded here and decoded by the server.
 */
export async function insertEntries(
  client: pg.ClientBase,
  planned: readonly PlannedEntry[],
  nodes: readonly StoredNode[],
  checkpoint: StoredCheckpoint | undefined,
  loggedAt: Date,
): Promise<void> {
  if (planned.length === 0 && nodes.length === 0 && checkpoint === undefined) return;
  const leafBytes = packed(planned.map((p) => p.bytes));
  await client.query(
    `WITH entries AS (
       INSERT INTO log_entries (sequence, record_id, supersedes, leaf_bytes, leaf_hash, logged_at)
       SELECT s, r, p, substring($4::bytea FROM o FOR l), substring($5::bytea FROM (n::int - 1) * 32 + 1 FOR 32), $8
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $6::int[], $7::int[]) WITH ORDINALITY AS x(s, r, p, o, l, n)
        ORDER BY n
     ), nodes AS (
       INSERT INTO log_nodes (level, index, hash)
       SELECT v, i, substring($11::bytea FROM (n::int - 1) * 32 + 1 FOR 32) FROM unnest($9::smallint[], $10::bigint[]) WITH ORDINALITY AS y(v, i, n)
     )
     INSERT INTO checkpoints (tree_size, root_hash, note, created_at)
     SELECT $12::bigint, $13::bytea, $14::text, $8 WHERE $12::bigint IS NOT NULL
     ON CONFLICT (tree_size) DO NOTHING`,
    [
      planned.map((p) => p.entry.sequence),
      planned.map((p) => p.entry.record.id),
      planned.map((p) => p.entry.supersedes ?? null),
      leafBytes.bytes,
      packed(planned.map((p) => p.leafHash)).bytes,
      leafBytes.offsets,
      leafBytes.lengths,
      loggedAt,
      nodes.map((n) => n.level),
      nodes.map((n) => n.index),
      packed(nodes.map((n) => n.hash)).bytes,
      checkpoint?.treeSize ?? null,
      checkpoint?.rootHash ?? null,
      checkpoint?.note ?? null,
    ],
  );
}

/** The parts back to back, with where each starts (1-based, as SQL counts) and its length. */
function packed(parts: readonly Uint8Array[]): { bytes: Buffer; offsets: number[]; lengths: number[] } {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = 1;
  for (const part of parts) {
    offsets.push(at);
    lengths.push(part.length);
    at += part.length;
  }
  return { bytes: Buffer.concat(parts), offsets, lengths };
}

/** The stored subtree rows among `wanted`. */
export async function readNodes(pool: pg.Pool, wanted: readonly { level: number; index: number }[]): Promise<StoredNode[]> {
  if (wanted.length === 0) return [];
  const { rows } = await pool.query<{ level: number; index: string; hash: Buffer }>(
    'SELECT level, index, hash FROM log_nodes WHERE (level, index) IN (SELECT * FROM unnest($1::smallint[], $2::bigint[]))',
    [wanted.map((n) => n.level), wanted.map((n) => n.index)],
  );
  return rows.map((row) => ({ level: row.level, index: Number(row.index), hash: new Uint8Array(row.hash) }));
}
