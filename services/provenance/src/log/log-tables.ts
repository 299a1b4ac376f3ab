import type pg from 'pg';
import type { StoredNode } from '@wildlife/provenance-log';
import type { PlannedEntry } from '../classification/plan-entries.js';

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

/** Which of `recordIds` the log has classified already. */
export async function loggedRecordIds(client: pg.ClientBase, recordIds: readonly string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ record_id: string }>(
    'SELECT record_id FROM log_entries WHERE record_id = ANY($1::text[]) AND supersedes IS NULL',
    [recordIds],
  );
  return new Set(rows.map((row) => row.record_id));
}

/**
 * Inserts entries (in sequence order) and the subtree rows they complete, one statement each. The
 * bytes travel as one binary parameter per column, cut apart by offset in SQL: a `bytea[]` parameter
 * would go as hex text, twice the size, encoded here and decoded by the server.
 */
export async function insertEntries(client: pg.ClientBase, planned: readonly PlannedEntry[], nodes: readonly StoredNode[], loggedAt: Date): Promise<void> {
  if (planned.length > 0) {
    const leafBytes = packed(planned.map((p) => p.bytes));
    await client.query(
      `INSERT INTO log_entries (sequence, record_id, supersedes, leaf_bytes, leaf_hash, logged_at)
       SELECT s, r, p, substring($4::bytea FROM o FOR l), substring($5::bytea FROM (n::int - 1) * 32 + 1 FOR 32), $8
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $6::int[], $7::int[]) WITH ORDINALITY AS x(s, r, p, o, l, n)
        ORDER BY n`,
      [
        planned.map((p) => p.entry.sequence),
        planned.map((p) => p.entry.record.id),
        planned.map((p) => p.entry.supersedes ?? null),
        leafBytes.bytes,
        packed(planned.map((p) => p.leafHash)).bytes,
        leafBytes.offsets,
        leafBytes.lengths,
        loggedAt,
      ],
    );
  }
  if (nodes.length > 0) {
    await client.query(
      `INSERT INTO log_nodes (level, index, hash)
       SELECT v, i, substring($3::bytea FROM (n::int - 1) * 32 + 1 FOR 32) FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS x(v, i, n)`,
      [nodes.map((n) => n.level), nodes.map((n) => n.index), packed(nodes.map((n) => n.hash)).bytes],
    );
  }
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
