import type pg from 'pg';
import type { OutboxMessage } from './outbox.types.js';

/**
 * Inserts messages into the outbox on the caller's client, in array order (so `seq`, and with it the
 * relay's publishing order, follows the array). The insert trigger notifies a listening relay when the
 * transaction commits.
 */
export async function writeOutbox(client: pg.ClientBase, messages: readonly OutboxMessage[], createdAt: Date): Promise<void> {
  if (messages.length === 0) return;
  await client.query(
    `INSERT INTO outbox (message_id, topic, key, headers, payload, created_at)
     SELECT (m->>'messageId')::uuid, m->>'topic', m->>'key', coalesce(m->'headers', '{}'::jsonb), m->'payload', $2
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(m, n)
      ORDER BY n`,
    [JSON.stringify(messages), createdAt],
  );
}
