#!/usr/bin/env node
// Prints the plain closing line CI reads, `N passed, N failed`, from jest's JSON results and the
// test command's steps: a failed lint or type-check counts as one failure, a test file that could not
// run counts as one failure. Exits non-zero on any failure or when no test ran.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
const runs = ['reports/jest.json', 'reports/jest-fault-injection.json'].map(read);
const steps = read('reports/steps.json') ?? [];

let passed = 0;
let failed = 0;
for (const jest of runs) {
  // A jest run that left no results (it crashed) counts as one failure.
  if (!jest) failed += 1;
  passed += jest?.numPassedTests ?? 0;
  failed += (jest?.numFailedTests ?? 0) + (jest?.numRuntimeErrorTestSuites ?? 0);
}
for (const step of steps) if (!step.ok && !step.name.startsWith('jest')) failed += 1;

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
