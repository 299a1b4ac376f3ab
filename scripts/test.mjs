#!/usr/bin/env node
// The one test command (`npm test`): brings up the real infrastructure the integration tests need
// (idempotent), then lint, type-check, and every jest project (unit and integration). Every step
// runs even when an earlier one fails, so one run reports everything; the exit code is non-zero if
// any step failed. Jest's results are written to reports/jest.json; reports/steps.json lists the steps.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ensureInfrastructure } from '../infra/index.mjs';

const jestArgs = process.argv.slice(2);
rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const infra = await ensureInfrastructure({ log: (line) => console.log(`  infra: ${line}`) });
const env = { ...process.env, KAFKA_BROKERS: infra.kafkaBrokers, DATABASE_URL: infra.databaseUrl, NX_DAEMON: 'false' };

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${status === 0 ? '✔' : '✘'} ${name} (${seconds} s)`);
  return { name, ok: status === 0, seconds: Number(seconds) };
}

const steps = [
  step('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
  step('type-check', 'npx', ['tsc', '-b', 'tsconfig.build.json', 'tsconfig.spec.json']),
  step('jest (unit and integration)', process.execPath, [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '--selectProjects',
    'unit',
    'integration',
    '--json',
    '--outputFile=reports/jest.json',
    ...jestArgs,
  ]),
  // Kills and restarts the broker, so it runs alone, after everything that needs the broker up.
  step('jest (fault injection)', process.execPath, [
    '--experimental-vm-modules',
    'node_modules/jest/bin/jest.js',
    '--selectProjects',
    'fault-injection',
    '--runInBand',
    '--passWithNoTests',
    '--json',
    '--outputFile=reports/jest-fault-injection.json',
    ...jestArgs,
  ]),
];
writeFileSync('reports/steps.json', JSON.stringify(steps, null, 2));
process.exitCode = steps.every((s) => s.ok) ? 0 : 1;
