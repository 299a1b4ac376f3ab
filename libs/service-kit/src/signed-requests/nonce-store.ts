import pg from 'pg';

/**
 * Remembers the nonces of accepted signed requests in the service's database, so a replay is refused
 * even by another instance of the service or after a restart. Rows past their expiry are swept.
 *
 * Claims commit with `synchronous_commit = off`, on connections of their own: a claim does not wait
 * for its WAL flush. That loses nothing that matters. PostgreSQL writes WAL in order, so once the
 * request's own state change commits durably, the earlier claim is durable too: a write can never be
 * replayed. Only a claim for a read (which changes nothing) can be lost, and only in a server crash
 * within the WAL writer's delay (≤ 3 × 200 ms); such a read could then be replayed, unchanged, by
 * whoever captured it, inside its 5-minute signature window. The saving is one disk flush per request.
 */
/** How long a nonce is kept past its expiry: more than the window's rounding and any clock skew between instances. */
export const NONCE_SWEEP_GRACE_SECONDS = 300;

export class NonceStore {
  private readonly pool: pg.Pool;

  constructor(connection: { connectionString: string; applicationName: string; max?: number }) {
    this.pool = new pg.Pool({
      connectionString: connection.connectionString,
      application_name: `${connection.applicationName}-nonces`,
      max: connection.max ?? 4,
      options: '-c synchronous_commit=off',
    });
    this.pool.on('error', () => undefined); // an idle connection lost; the next claim reconnects
  }

  /** True when this call recorded the nonce; false when it was recorded before (a replay). */
  async claim(keyId: string, nonce: string, expiresAtUnix: number): Promise<boolean> {
    // Named: parsed and planned once per connection, not on every request.
    const result = await this.pool.query({
      name: 'claim-request-nonce',
      text: `INSERT INTO request_nonces (key_id, nonce, expires_at) VALUES ($1, $2, to_timestamp($3))
             ON CONFLICT (key_id, nonce) DO NOTHING`,
      values: [keyId, nonce, expiresAtUnix],
    });
    return result.rowCount === 1;
  }

  /**
   * Deletes nonces whose requests can no longer pass the time window on any instance: those expired
   * more than `NONCE_SWEEP_GRACE_SECONDS` before `now`. Without the grace a replay could slip
   * through: the window is checked in whole seconds (a request signed at `created` passes until
   * `created + maxAge + 0.999`, its nonce expires at `created + maxAge`), and the instance that checks
   * a replay may run behind the one that sweeps.
   */
  async sweep(now: Date): Promise<number> {
    const result = await this.pool.query('DELETE FROM request_nonces WHERE expires_at < $1', [new Date(now.getTime() - NONCE_SWEEP_GRACE_SECONDS * 1_000)]);
    return result.rowCount ?? 0;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
