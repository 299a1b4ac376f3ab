#!/usr/bin/env node
// `npm start`: the whole system on local defaults, no configuration. Installs dependencies if they are
// missing or older than the lock file (which also applies `patches/`), builds, generates the
// development principals on first start (`.local/dev-principals/`: trust roots, registry seed, key
// files), brings up Kafka and PostgreSQL (`infra/`) with the cast's own databases, runs the five
// services with those trust roots, waits until each is ready, seeds the registry through
// ncb-endorsement and prints the URLs and the principals. With TRUST_ROOTS_FILE set, no fixture is
// generated or seeded, and the services use their default databases. The services inherit this
// shell's settings (LOG_LEVEL, KAFKA_BROKERS, DATABASE_URL, …) except those that belong to one
// service each (PORT, DATABASE_NAME, KAFKA_CLIENT_ID, PUBLIC_ORIGINS: see scripts/service-environment.mjs).
// Ctrl-C (or SIGTERM) stops the services gracefully; the broker keeps running (`npm run infra:down`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { castDatabaseName, perServiceSettingsIn, SERVICES, serviceEnvironment } from './service-environment.mjs';

function run(command, args) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`✘ ${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}

// npm writes node_modules/.package-lock.json at each install: older than the lock file means the lock
// changed since (a pull), and what is installed may not be what it says.
const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs) run('npm', ['ci', '--no-audit', '--no-fund']);
run('npm', ['run', '-s', 'build']);
// The development fixture, unless the deployment names its own trust roots.
const { ensureDevFixture } = await import('@wildlife/registry');
const fixture = process.env.TRUST_ROOTS_FILE ? undefined : await ensureDevFixture(fileURLToPath(new URL('../.local/dev-principals', import.meta.url)));
if (fixture?.created) console.log(`  registry: generated the development principals in ${fixture.dir}`);

// With the development cast, each service's database is the cast's own (see castDatabaseName).
const databaseNameOf = (name) => castDatabaseName(name, fixture.castTag);
const castDatabases = fixture ? SERVICES.map(([name]) => databaseNameOf(name)) : undefined;

const { ensureInfrastructure } = await import('../infra/index.mjs');
const infra = await ensureInfrastructure({ log: (line) => console.log(`  infra: ${line}`), databases: castDatabases });

const ignored = perServiceSettingsIn(process.env);
if (ignored.length > 0) console.log(`  ignoring ${ignored.join(', ')} from the environment: each service has its own`);
const children = SERVICES.map(([name, port]) => {
  const env = serviceEnvironment({
    parentEnv: process.env,
    kafkaBrokers: infra.kafkaBrokers,
    databaseUrl: infra.databaseUrl,
    port,
    databaseName: fixture && databaseNameOf(name),
    trustRootsFile: fixture?.trustRootsPath,
  });
  const child = spawn(process.execPath, [`services/${name}/dist/main.js`], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`✘ ${name} exited (${signal ?? code}); stopping the others`);
    stop();
  });
  return { name, port: Number(env.PORT), child };
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

async function waitReady({ name, port }) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not become ready on port ${port}`);
}

try {
  await Promise.all(children.map(waitReady));
  if (fixture) {
    const { seedDevRegistry, printFixturePrincipals } = await import('./seed-dev-registry.mjs');
    const endorsement = children.find((child) => child.name === 'ncb-endorsement');
    await seedDevRegistry({ fixtureDir: fixture.dir, endorsementUrl: `http://127.0.0.1:${endorsement.port}` });
    await printFixturePrincipals(fixture.dir);
  }
  console.log('\nAll five services are up:');
  for (const { name, port } of children) console.log(`  ${name.padEnd(28)} http://127.0.0.1:${port}   (docs: /docs)`);
  console.log(`\nKAFKA_BROKERS=${infra.kafkaBrokers}\nDATABASE_URL=${infra.databaseUrl}`);
  if (castDatabases) console.log(`databases: ${databaseNameOf('<service>')} (the development cast's own)`);
  console.log('Ctrl-C stops the services.');
} catch (e) {
  console.error(`✘ ${e.message}`);
  stop();
  process.exitCode = 1;
}
