// Whether a PostgreSQL server answers at a URL, asked with a real query through `pg`, the driver the
// services use.
import pg from 'pg';

/** Resolves true when `url` accepts a connection and answers `SELECT 1` within `timeoutMs`. Never throws. */
export async function postgresAnswers(url, timeoutMs = 2_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export class PostgresDidNotAnswer extends Error {
  constructor(url, timeoutMs, hint) {
    super(`PostgreSQL at ${redactPassword(url)} did not answer within ${timeoutMs} ms${hint ? `; ${hint}` : ''}`);
    this.name = 'PostgresDidNotAnswer';
  }
}

/** Resolves once `url` answers; rejects with PostgresDidNotAnswer after `timeoutMs`. */
export async function waitForPostgres(url, { timeoutMs = 30_000, hint } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await postgresAnswers(url)) return;
    if (Date.now() >= deadline) throw new PostgresDidNotAnswer(url, timeoutMs, hint);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The URL with any password replaced, fit for a log line. */
export function redactPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}
