import type pg from 'pg';
import { AdvisoryLockClass } from './advisory-locks.js';
import { AppliedMigrationWasChanged, MigrationFileFailedToApply } from './migration.errors.js';
import { readMigrationFiles, type MigrationFile, type MigrationSource } from './migration-files.js';

export interface AppliedMigration {
  readonly namespace: string;
  readonly version: number;
  readonly name: string;
}

const CREATE_SCHEMA_MIGRATIONS = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    namespace  text        NOT NULL,
    version    integer     NOT NULL,
    name       text        NOT NULL,
    checksum   text        NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (namespace, version)
  )`;

/**
 * Brings the database up to date with the given migration folders, at start-up.
 *
 * Guarantees:
 * - Concurrent callers (several instances starting at once) run one after another: the whole run holds
 *   a session advisory lock, so each file is applied once.
 * - Before anything is applied, every already-applied file is checked against its recorded sha-256;
 *   an edited file throws `AppliedMigrationWasChanged` naming it, and nothing runs.
 * - Pending files run in source order, then version order, each in its own transaction together with
 *   its `schema_migrations` row: a failing file (`MigrationFileFailedToApply`) leaves no trace and
 *   stops the run, files before it stay applied.
 * - A version recorded in the database with no file on disk (a newer release migrated it) is accepted.
 *
 * Files must not contain their own BEGIN/COMMIT, nor statements that refuse to run in a transaction
 * (CREATE INDEX CONCURRENTLY). Returns what this call applied.
 */
export async function migrate(pool: pg.Pool, sources: readonly MigrationSource[]): Promise<AppliedMigration[]> {
  const wanted = await Promise.all(sources.map(readMigrationFiles));
  const client = await pool.connect();
  let unlocked = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, 0)', [AdvisoryLockClass.migrations]);
    try {
      await client.query(CREATE_SCHEMA_MIGRATIONS);
      const pending = await refuseChangedFiles(client, wanted.flat());
      for (const file of pending) await applyFile(client, file);
      return pending.map(({ namespace, version, name }) => ({ namespace, version, name }));
    } finally {
      unlocked = await client.query('SELECT pg_advisory_unlock($1, 0)', [AdvisoryLockClass.migrations]).then(
        () => true,
        () => false,
      );
    }
  } finally {
    // A connection that may still hold the lock is closed rather than pooled: closing frees the lock.
    client.release(!unlocked);
  }
}

/** Throws on the first applied file whose checksum differs; returns the files not yet applied. */
async function refuseChangedFiles(client: pg.PoolClient, files: readonly MigrationFile[]): Promise<MigrationFile[]> {
  const { rows } = await client.query<{ namespace: string; version: number; checksum: string }>(
    'SELECT namespace, version, checksum FROM schema_migrations',
  );
  const applied = new Map(rows.map((r) => [`${r.namespace}\u0000${r.version}`, r.checksum]));
  const pending: MigrationFile[] = [];
  for (const file of files) {
    const checksum = applied.get(`${file.namespace}\u0000${file.version}`);
    if (checksum === undefined) pending.push(file);
    else if (checksum !== file.checksum) {
      throw new AppliedMigrationWasChanged(file.namespace, file.fileName, checksum, file.checksum);
    }
  }
  return pending;
}

async function applyFile(client: pg.PoolClient, file: MigrationFile): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(file.sql);
    await client.query('INSERT INTO schema_migrations (namespace, version, name, checksum) VALUES ($1, $2, $3, $4)', [
      file.namespace,
      file.version,
      file.name,
      file.checksum,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationFileFailedToApply(file.namespace, file.fileName, error);
  }
}
