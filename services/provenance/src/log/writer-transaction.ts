import { inTransaction } from '@wildlife/event-store';
import type pg from 'pg';
import { LOG_WRITER_LOCK } from './log-tables.js';

/** BEGIN and the writer lock in one round trip (a simple query of two statements; the lock key is a constant). */
const BEGIN_LOCKED = `BEGIN; SELECT pg_advisory_xact_lock(${LOG_WRITER_LOCK[0]}, ${LOG_WRITER_LOCK[1]})`;

/**
 * Runs `work` in one transaction holding the log writer lock (one writer at a time, across
 * processes, until COMMIT or ROLLBACK), through the event store's `inTransaction` (with its
 * after-commit hooks).
 */
export function inWriterTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, work, { begin: BEGIN_LOCKED });
}
