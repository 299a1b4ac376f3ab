import type pg from 'pg';

/** Something that runs a query: a pool or a client. */
type Queryable = Pick<pg.Pool, 'query'>;

/**
 * Marks the server's WAL insert position now; `bytesSince()` then gives how many bytes of WAL the
 * server has written since. Server-wide: whatever else the server wrote meanwhile counts too. For
 * benchmarks: every durable commit waits to flush its WAL, and the bytes do not move with the
 * machine's speed as rates do.
 */
export async function markWal(db: Queryable): Promise<{ bytesSince(): Promise<number> }> {
  const { rows } = await db.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
  const from = rows[0]!.lsn;
  return {
    async bytesSince() {
      const since = await db.query<{ bytes: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1::pg_lsn)::text AS bytes', [from]);
      return Number(since.rows[0]!.bytes);
    },
  };
}
