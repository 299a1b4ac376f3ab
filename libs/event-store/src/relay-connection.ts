import pg from 'pg';
import { AdvisoryLockClass } from './advisory-locks.js';

/**
 * The relay's dedicated session: it LISTENs on the `outbox` channel and holds the relay's session
 * advisory lock while its relay publishes. Passes run on it too, so when the session dies (and the lock
 * with it) the relay's next statement fails instead of publishing without the lock.
 */
export class RelayConnection {
  private lost = false;

  private constructor(
    private readonly client: pg.Client,
    onNotify: () => void,
    onLost: (error: Error) => void,
  ) {
    client.on('notification', onNotify);
    client.on('error', (error) => {
      this.lost = true;
      onLost(error);
    });
    client.on('end', () => {
      this.lost = true;
    });
  }

  /** Opens a session with the pool's settings and starts listening for outbox notifications. */
  static async open(
    config: pg.ClientConfig,
    onNotify: () => void,
    onLost: (error: Error) => void,
  ): Promise<RelayConnection> {
    const connection = new RelayConnection(new pg.Client(config), onNotify, onLost);
    try {
      await connection.client.connect();
      // The session's only writes delete published rows: a delete lost in a crash means the row is
      // published again, which consumers deduplicate anyway, so a pass need not wait for a WAL flush.
      await connection.client.query('SET synchronous_commit TO off');
      await connection.client.query('LISTEN outbox');
      return connection;
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  get isLost(): boolean {
    return this.lost;
  }

  get session(): pg.ClientBase {
    return this.client;
  }

  /** Takes the relay lock if no other session holds it; true when this session now holds it. */
  async tryLead(): Promise<boolean> {
    const { rows } = await this.client.query<{ acquired: boolean }>('SELECT pg_try_advisory_lock($1, 0) AS acquired', [
      AdvisoryLockClass.outboxRelay,
    ]);
    return rows[0]!.acquired;
  }

  /** Ends the session, which releases the lock and the LISTEN; never throws. */
  async close(): Promise<void> {
    this.lost = true;
    await this.client.end().catch(() => undefined);
  }
}
