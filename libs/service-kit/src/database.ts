import pg from 'pg';
import type { Logger } from 'pino';

/** The same server as `serverUrl`, another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Creates `database` on the server at `serverUrl` if it does not exist. Safe to call from several
 * processes at once: a concurrent creation (42P04) or the unique-name race (23505) counts as success.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((e: { code?: string }) => {
      if (e.code !== '42P04' && e.code !== '23505') throw e;
    });
  } finally {
    await client.end();
  }
}

/**
 * Opens a pool on the service's own database, creating the database first. Idle-client errors (a
 * server restart) are logged, never thrown: the pool reconnects on next use and readiness reports it.
 */
export async function openServiceDatabase(options: {
  serverUrl: string;
  database: string;
  poolSize: number;
  logger: Logger;
  applicationName: string;
}): Promise<pg.Pool> {
  await ensureDatabase(options.serverUrl, options.database);
  return openPool({ ...options, connectionString: databaseUrlFor(options.serverUrl, options.database) });
}

/**
 * A pool on an existing database, as every part of a service opens one: connections named
 * `applicationName`, a 5 s connect timeout, idle-client errors logged and never thrown.
 */
export function openPool(options: { connectionString: string; poolSize: number; logger: Logger; applicationName: string }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    connectionTimeoutMillis: 5_000,
    application_name: options.applicationName,
  });
  pool.on('error', (err) => options.logger.warn({ err }, 'idle PostgreSQL connection failed'));
  return pool;
}
