import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The admin URL of the PostgreSQL server tests use: `DATABASE_URL`, else the local default. */
export function adminDatabaseUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  /** Connection URL of a database that exists only for this test file. */
  readonly url: string;
  readonly name: string;
  /** A pool on that database; closed by `drop()`. */
  pool(options?: pg.PoolConfig): pg.Pool;
  /** Closes every pool handed out and drops the database. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, uniquely named database on the test server, so test files never see each other's
 * data. Call `drop()` in `afterAll`.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const name = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const adminUrl = adminDatabaseUrl();
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrlFor(adminUrl, name);
  const pools: pg.Pool[] = [];
  return {
    url,
    name,
    pool(options) {
      const p = new pg.Pool({ connectionString: url, max: 10, ...options });
      // drop() ends the pools, then DROP ... WITH (FORCE) kills connections still closing; the pool
      // re-emits that as 'error', which must not crash the test file.
      p.on('error', () => undefined);
      pools.push(p);
      return p;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** The same server as `adminUrl`, another database. */
export function databaseUrlFor(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `f` on a client of its own on the admin database at `adminUrl`, closed afterwards whatever happens. */
export async function withAdmin<T>(adminUrl: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await f(client);
  } finally {
    await client.end();
  }
}
