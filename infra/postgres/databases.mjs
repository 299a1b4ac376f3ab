// One database per service on a shared server: each service owns its schema and nothing reads another
// service's tables.
import pg from 'pg';

export const serviceDatabases = Object.freeze([
  'wildlife_request_intake',
  'wildlife_ncb_endorsement',
  'wildlife_provenance',
  'wildlife_intelligence_dissemination',
  'wildlife_notification',
]);

export class DatabaseNameIsNotPlain extends Error {
  constructor(name) {
    super(`database name "${name}" must be lower-case letters, digits and underscores, starting with a letter or underscore`);
    this.name = 'DatabaseNameIsNotPlain';
  }
}

const duplicateDatabase = '42P04';
// Two concurrent CREATE DATABASE of one name can also collide on pg_database's unique index.
const uniqueViolation = '23505';

/** The same server as `adminUrl`, database `name`. */
export function databaseUrlFor(adminUrl, name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates database `name` on the server of `adminUrl` unless it exists. Guarantees: idempotent and safe
 * when several processes call it at once (losing a creation race counts as success); returns true only
 * when this call created it.
 */
export async function ensureDatabase(adminUrl, name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new DatabaseNameIsNotPlain(name);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount > 0) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } catch (error) {
    if (error.code === duplicateDatabase || error.code === uniqueViolation) return false;
    throw error;
  } finally {
    await client.end();
  }
}
