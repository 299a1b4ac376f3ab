import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@wildlife/testing';
import { eventStoreMigrations, migrate, type NewEvent } from '@wildlife/event-store';

/** A fresh database for one test file, with the event store's tables. */
export async function migratedDatabase(label: string, poolOptions?: pg.PoolConfig): Promise<{ db: TestDatabase; pool: pg.Pool }> {
  const db = await createTestDatabase(label);
  const pool = db.pool(poolOptions);
  // pg-pool's end() resolves before its connections have closed, so `db.drop()` (DROP ... WITH FORCE)
  // can terminate them while they close; the pool re-emits that as 'error', which would otherwise crash
  // the test file.
  pool.on('error', () => undefined);
  await migrate(pool, [eventStoreMigrations]);
  return { db, pool };
}

export function anEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent {
  return { type, schemaVersion: 1, data, metadata: { correlationId: randomUUID() } };
}

export function aStreamId(prefix = 'thing'): string {
  return `${prefix}-${randomUUID()}`;
}

export async function count(pool: pg.Pool, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(rows[0]!.n);
}
