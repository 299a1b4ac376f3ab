import type pg from 'pg';

/**
 * Remembers the nonces of accepted signed requests in the service's database, so a replay is refused
 * even by another instance of the service or after a restart. Rows past their expiry are swept.
 */
export class NonceStore {
  constructor(private readonly pool: pg.Pool) {}

  /** True when this call recorded the nonce; false when it was recorded before (a replay). */
  async claim(keyId: string, nonce: string, expiresAtUnix: number): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO request_nonces (key_id, nonce, expires_at) VALUES ($1, $2, to_timestamp($3))
       ON CONFLICT (key_id, nonce) DO NOTHING`,
      [keyId, nonce, expiresAtUnix],
    );
    return result.rowCount === 1;
  }

  /** Deletes nonces whose requests can no longer pass the time window. */
  async sweep(now: Date): Promise<number> {
    const result = await this.pool.query('DELETE FROM request_nonces WHERE expires_at < $1', [now]);
    return result.rowCount ?? 0;
  }
}
