import { createHash } from 'node:crypto';
import pg from 'pg';
import { adminDatabaseUrl, databaseUrlFor } from '@wildlife/testing';

/** A row of the provenance service's `log_entries` table, as stored. */
export interface StoredRow {
  readonly sequence: string;
  readonly record_id: string;
  readonly supersedes: string | null;
  readonly leaf_bytes: Buffer;
  readonly leaf_hash: Buffer;
  readonly logged_at: Date;
}

const leafHashOf = (bytes: Buffer) => createHash('sha256').update(Buffer.of(0)).update(bytes).digest();

/**
 * Someone with the database's superuser password, going around the log's append-only triggers
 * (`session_replication_role = replica` switches every trigger off, foreign keys included). The
 * table's CHECK still ties each leaf hash to its bytes, so every change recomputes the hash, as a
 * careful forger would. The Merkle node table and the signed checkpoints are left as they were.
 */
export class LogTampering {
  private constructor(private readonly client: pg.Client) {}

  static async connect(databaseName: string): Promise<LogTampering> {
    const client = new pg.Client({ connectionString: databaseUrlFor(adminDatabaseUrl(), databaseName) });
    await client.connect();
    return new LogTampering(client);
  }

  async rows(): Promise<StoredRow[]> {
    return (await this.client.query<StoredRow>('SELECT * FROM log_entries ORDER BY sequence')).rows;
  }

  /** Replaces the bytes of entry `sequence` (and its leaf hash, recomputed). */
  replaceLeaf(sequence: number, bytes: Buffer): Promise<void> {
    return this.bypassingTriggers((c) => c.query('UPDATE log_entries SET leaf_bytes = $2, leaf_hash = $3 WHERE sequence = $1', [sequence, bytes, leafHashOf(bytes)]));
  }

  remove(sequence: number): Promise<void> {
    return this.bypassingTriggers((c) => c.query('DELETE FROM log_entries WHERE sequence = $1', [sequence]));
  }

  removeFrom(sequence: number): Promise<void> {
    return this.bypassingTriggers((c) => c.query('DELETE FROM log_entries WHERE sequence >= $1', [sequence]));
  }

  /** Exchanges the bytes of two entries; each keeps its sequence. */
  swap(a: number, b: number): Promise<void> {
    return this.bypassingTriggers((c) =>
      c.query(
        `UPDATE log_entries AS e SET leaf_bytes = o.leaf_bytes, leaf_hash = o.leaf_hash
           FROM log_entries AS o WHERE (e.sequence, o.sequence) IN (($1, $2), ($2, $1))`,
        [a, b],
      ),
    );
  }

  /** Puts the table back exactly as `rows`. */
  restore(rows: readonly StoredRow[]): Promise<void> {
    return this.bypassingTriggers(async (c) => {
      await c.query('DELETE FROM log_entries');
      for (const row of rows) {
        await c.query('INSERT INTO log_entries (sequence, record_id, supersedes, leaf_bytes, leaf_hash, logged_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          row.sequence,
          row.record_id,
          row.supersedes,
          row.leaf_bytes,
          row.leaf_hash,
          row.logged_at,
        ]);
      }
    });
  }

  close(): Promise<void> {
    return this.client.end();
  }

  private async bypassingTriggers(change: (client: pg.Client) => Promise<unknown>): Promise<void> {
    await this.client.query('BEGIN');
    try {
      await this.client.query('SET LOCAL session_replication_role = replica');
      await change(this.client);
      await this.client.query('COMMIT');
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }
}
