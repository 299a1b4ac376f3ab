import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { adminDatabaseUrl, buildProject, databaseUrlFor, eventually, withAdmin } from '@wildlife/testing';

const entry = fileURLToPath(new URL('../dist/service-process/main.js', import.meta.url));

/**
 * Compiles the service process to `tests/dist/` (with the libraries it imports, which it loads from
 * their `dist/` as a deployed service does) and copies its migrations beside the compiled service.
 */
export async function buildServiceProcess(): Promise<void> {
  await buildProject('libs/service-kit');
  await buildProject('tests/service-process/tsconfig.json');
  cpSync(new URL('../spine/effect-recording/migrations/', import.meta.url), new URL('../dist/spine/effect-recording/migrations/', import.meta.url), {
    recursive: true,
  });
}

export interface ServiceProcess {
  readonly pid: number;
  /** Resolves with the exit code, or the signal that ended it. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** What it wrote to stdout and stderr so far, for a failing test's message. */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts the effect-recording service (see effectRecordingService) as a child process with `env`
 * (a service test environment's). Its Kafka clients live and die with it: a client that a broker
 * restart leaves behind cannot keep the test runner alive.
 */
export function startServiceProcess(env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  return { pid: child.pid!, exited, output: () => output.join(''), kill: (signal) => void child.kill(signal) };
}

/** A pool on the database of the service started with `env` (which the service creates and migrates). */
export function serviceDatabasePool(env: NodeJS.ProcessEnv): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrlFor(adminDatabaseUrl(), env.DATABASE_NAME!), max: 4 });
  // The database does not exist until the service has created it (wait with serviceDatabaseIsMigrated
  // before querying), and cleanup drops it under us.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * True once the service started with `env` has migrated its database (its own tables and the event
 * store's exist). Asks the admin database first whether the service has created it yet, so that the
 * polling does not fill PostgreSQL's log with failed connections to a database that does not exist.
 */
export async function serviceDatabaseIsMigrated(pool: pg.Pool, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!(await databaseExists(env.DATABASE_NAME!))) return false;
  try {
    const { rows } = await pool.query<{ ready: boolean }>(
      "SELECT to_regclass('public.effects') IS NOT NULL AND to_regclass('public.outbox') IS NOT NULL AS ready",
    );
    return rows[0]!.ready;
  } catch {
    return false;
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const { rowCount } = await withAdmin(adminDatabaseUrl(), (admin) => admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
  return rowCount === 1;
}

/** The base URL the service logs once it listens (at LOG_LEVEL info or lower). */
export async function listeningUrl(service: ServiceProcess, timeoutMs = 60_000): Promise<string> {
  return eventually('the service listens', () => /listening on (http:\/\/[^"\s]+)/.exec(service.output())?.[1], {
    timeoutMs,
    progress: () => service.output().slice(-2_000),
  });
}
