import type pg from 'pg';
import { LOG_WRITER_LOCK } from './log-tables.js';

/** BEGIN and the writer lock in one round trip (a simple query of two statements; the lock key is a constant). */
const BEGIN_LOCKED = `BEGIN; SELECT pg_advisory_xact_lock(${LOG_WRITER_LOCK[0]}, ${LOG_WRITER_LOCK[1]})`;

/**
 * Runs `work` in one transaction holding the log writer lock (one writer at a time, across
 * processes, until COMMIT or ROLLBACK), as `inTransaction` of the event store does otherwise:
 * COMMIT when it resolves, ROLLBACK when it throws (rethrowing its error), and a client whose
 * ROLLBACK fails is closed rather than returned to the pool.
 */
export async function inWriterTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(BEGIN_LOCKED);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = await client.query('ROLLBACK').then(
      () => false,
      () => true,
    );
    throw error;
  } finally {
    client.release(broken);
  }
}
