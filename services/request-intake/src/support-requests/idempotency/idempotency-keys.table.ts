import type pg from 'pg';

/** The first answer given to an idempotent submission, as kept for its retries. */
export interface FirstAnswer<TBody> {
  readonly status: number;
  readonly body: TBody;
}

export interface StoredAnswer<TBody> extends FirstAnswer<TBody> {
  readonly fingerprint: string;
}

/** The answer kept for `key` of `principalId`, or undefined when none is (yet) committed. */
export async function storedAnswer<TBody>(db: pg.Pool | pg.ClientBase, principalId: string, key: string): Promise<StoredAnswer<TBody> | undefined> {
  const { rows } = await db.query<{ request_hash: string; response_status: number; response_body: TBody }>(
    'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE principal_id = $1 AND key = $2',
    [principalId, key],
  );
  const row = rows[0];
  return row && { fingerprint: row.request_hash, status: row.response_status, body: row.response_body };
}

/**
 * Keeps `answer` for `key` inside the caller's transaction. True when this transaction now holds
 * the key; false when another transaction committed it first (a concurrent insert of the same key
 * waits for that transaction, then finds its row): the caller must roll back and answer with the
 * stored answer instead.
 */
export async function keepFirstAnswer<TBody>(
  client: pg.ClientBase,
  principalId: string,
  key: string,
  fingerprint: string,
  answer: FirstAnswer<TBody>,
): Promise<boolean> {
  const result = await client.query(
    `INSERT INTO idempotency_keys (principal_id, key, request_hash, response_status, response_body)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (principal_id, key) DO NOTHING`,
    [principalId, key, fingerprint, answer.status, JSON.stringify(answer.body)],
  );
  return result.rowCount === 1;
}
