#!/usr/bin/env node
// Prints the plain closing line CI reads, `N passed, N failed`, from jest's JSON results and the
// test command's steps (see scripts/ci-tally.mjs for what counts as a failure: an unreadable report
// counts as a crashed run). It always prints that line, whatever it finds. Exits non-zero on any
// failure or when no test passed.
import { existsSync, readFileSync } from 'node:fs';
import { exitCodeOf, parseJestReport, parseSteps, summaryLine, tally } from './ci-tally.mjs';

const textOf = (file) => {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

let counts;
try {
  const runs = ['reports/jest.json', 'reports/jest-fault-injection.json'].map((file) => parseJestReport(textOf(file)));
  counts = tally(runs, parseSteps(textOf('reports/steps.json')));
} catch (e) {
  // Never a stack trace instead of the line: whatever went wrong here counts as a failure.
  console.error(`ci-summary: could not count the results (${e instanceof Error ? e.message : String(e)})`);
  counts = { passed: 0, failed: 1 };
}
console.log(summaryLine(counts));
process.exit(exitCodeOf(counts));
