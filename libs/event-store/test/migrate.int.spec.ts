import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@wildlife/testing';
import {
  AppliedMigrationWasChanged,
  eventStoreMigrations,
  migrate,
  MigrationFileFailedToApply,
  type MigrationSource,
} from '@wildlife/event-store';

const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  await Promise.all(cleanups.map((c) => c()));
});

async function freshDatabase(): Promise<pg.Pool> {
  const db: TestDatabase = await createTestDatabase('event-store-migrate');
  cleanups.push(() => db.drop());
  const pool = db.pool();
  pool.on('error', () => undefined); // see event-store.fixtures.ts
  return pool;
}

/** A service's migrations folder with the given files. */
async function serviceFolder(files: Record<string, string>): Promise<MigrationSource & { directory: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'migrations-'));
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  await Promise.all(Object.entries(files).map(([name, sql]) => writeFile(join(directory, name), sql)));
  return { namespace: 'intake', directory };
}

async function tables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return rows.map((r) => r.tablename);
}

async function recorded(pool: pg.Pool) {
  const { rows } = await pool.query('SELECT namespace, version, name, checksum FROM schema_migrations ORDER BY namespace, version');
  return rows as { namespace: string; version: number; name: string; checksum: string }[];
}

describe('migrating a database at start-up', () => {
  it('applies the event store’s files in order and records each with its checksum', async () => {
    const pool = await freshDatabase();

    const applied = await migrate(pool, [eventStoreMigrations]);

    expect(applied.map((m) => `${m.namespace}/${m.version}_${m.name}`)).toEqual([
      'event-store/1_event_store',
      'event-store/2_outbox',
      'event-store/3_inbox',
      'event-store/4_projection_checkpoints',
      'event-store/5_append_events_function',
      'event-store/6_relay_woken_in_process',
      'event-store/7_outbox_rows_uncompressed',
      'event-store/8_appends_together_set_based',
      'event-store/9_inbox_keyed_by_source',
    ]);
    expect(await tables(pool)).toEqual(['events', 'inbox', 'outbox', 'projection_checkpoints', 'schema_migrations']);
    for (const row of await recorded(pool)) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('applies nothing on a second run', async () => {
    const pool = await freshDatabase();
    const service = await serviceFolder({ '0001_requests.sql': 'CREATE TABLE requests (id uuid PRIMARY KEY);' });
    await migrate(pool, [eventStoreMigrations, service]);
    const before = await recorded(pool);

    const again = await migrate(pool, [eventStoreMigrations, service]);

    expect(again).toEqual([]);
    expect(await recorded(pool)).toEqual(before);
  });

  it('applies each file once when several instances start at the same time', async () => {
    const pool = await freshDatabase();
    const service = await serviceFolder({
      '0001_requests.sql': 'CREATE TABLE requests (id uuid PRIMARY KEY);',
      '0002_status.sql': 'ALTER TABLE requests ADD COLUMN status text;',
    });

    const runs = await Promise.all([1, 2, 3, 4].map(() => migrate(pool, [eventStoreMigrations, service])));

    expect(runs.flat()).toHaveLength(11);
    expect((await recorded(pool)).map((r) => `${r.namespace}/${r.version}`)).toEqual([
      'event-store/1',
      'event-store/2',
      'event-store/3',
      'event-store/4',
      'event-store/5',
      'event-store/6',
      'event-store/7',
      'event-store/8',
      'event-store/9',
      'intake/1',
      'intake/2',
    ]);
  });

  it('refuses to start when an applied file was changed, naming it, and applies nothing new', async () => {
    const pool = await freshDatabase();
    const service = await serviceFolder({ '0001_requests.sql': 'CREATE TABLE requests (id uuid PRIMARY KEY);' });
    await migrate(pool, [eventStoreMigrations, service]);
    await writeFile(join(service.directory, '0001_requests.sql'), 'CREATE TABLE requests (id uuid PRIMARY KEY, x int);');
    await writeFile(join(service.directory, '0002_more.sql'), 'CREATE TABLE more (id int);');

    const refusal = await migrate(pool, [eventStoreMigrations, service]).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(AppliedMigrationWasChanged);
    expect(refusal).toMatchObject({ namespace: 'intake', fileName: '0001_requests.sql' });
    expect((refusal as Error).message).toContain('intake/0001_requests.sql');
    expect(await tables(pool)).not.toContain('more');
  });

  it('rolls back a failing file whole, keeps the files before it, and stops there', async () => {
    const pool = await freshDatabase();
    const service = await serviceFolder({
      '0001_good.sql': 'CREATE TABLE good (id int);',
      '0002_bad.sql': 'CREATE TABLE half (id int);\nCREATE TABLE broken (id no_such_type);',
      '0003_after.sql': 'CREATE TABLE after_bad (id int);',
    });

    const failure = await migrate(pool, [service]).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(MigrationFileFailedToApply);
    expect(failure).toMatchObject({ namespace: 'intake', fileName: '0002_bad.sql' });
    expect(await tables(pool)).toEqual(['good', 'schema_migrations']);
    expect((await recorded(pool)).map((r) => r.name)).toEqual(['good']);
  });
});
