import type pg from 'pg';
import type { OutboxMessage } from './outbox.types.js';

export interface UnpublishedBatch {
  readonly seqs: string[];
  readonly messages: OutboxMessage[];
}

/** The oldest messages still in the outbox (every one of them unpublished), in the order they were written. */
export async function readUnpublished(client: pg.ClientBase, limit: number): Promise<UnpublishedBatch> {
  const { rows } = await client.query<{
    seq: string;
    message_id: string;
    topic: string;
    key: string | null;
    headers: Record<string, string>;
    payload: unknown;
  }>('SELECT seq, message_id, topic, key, headers, payload FROM outbox ORDER BY seq LIMIT $1', [limit]);
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

/** Removes published messages from the outbox. */
export async function deletePublished(client: pg.ClientBase, seqs: readonly string[]): Promise<void> {
  await client.query('DELETE FROM outbox WHERE seq = ANY($1::bigint[])', [seqs]);
}
