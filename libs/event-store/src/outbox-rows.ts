import type pg from 'pg';
import type { OutboxMessage } from './outbox.types.js';

export interface UnpublishedBatch {
  readonly seqs: string[];
  readonly messages: OutboxMessage[];
}

/** The oldest unpublished messages, in the order they were written (seq order). */
export async function readUnpublished(client: pg.ClientBase, limit: number): Promise<UnpublishedBatch> {
  const { rows } = await client.query<{
    seq: string;
    message_id: string;
    topic: string;
    key: string | null;
    headers: Record<string, string>;
    payload: unknown;
  }>(
    `SELECT seq, message_id, topic, key, headers, payload FROM outbox
      WHERE published_at IS NULL
      ORDER BY seq
      LIMIT $1`,
    [limit],
  );
  return {
    seqs: rows.map((r) => r.seq),
    messages: rows.map((r) => ({
      messageId: r.message_id,
      topic: r.topic,
      key: r.key,
      headers: r.headers,
      payload: r.payload,
    })),
  };
}

export async function markPublished(client: pg.ClientBase, seqs: readonly string[]): Promise<void> {
  await client.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [seqs]);
}

/** Deletes messages published more than `retentionMs` ago; returns how many. */
export async function deletePublishedBefore(pool: pg.Pool, retentionMs: number): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM outbox WHERE published_at < now() - $1::double precision * interval '1 millisecond'`,
    [retentionMs],
  );
  return rowCount ?? 0;
}
