// The counting behind `.ci/run`'s closing line (scripts/ci-summary.mjs), apart from the files so that
// it can be tested with made-up reports (tests/ci/ci-tally.unit.spec.ts).

/**
 * A jest `--json` report from its file's text, or undefined when there is nothing readable: no file,
 * an empty or truncated one, or JSON that is no jest report. Jest writes its report at the end, so an
 * unreadable one means the run crashed, or never ran.
 * @param {string | undefined} text
 * @returns {{ numPassedTests: number, numFailedTests: number, numRuntimeErrorTestSuites: number, success?: boolean } | undefined}
 */
export function parseJestReport(text) {
  const report = parseJson(text);
  if (report === null || typeof report !== 'object' || Array.isArray(report)) return undefined;
  const count = (value) => (Number.isInteger(value) && value >= 0 ? value : undefined);
  const passed = count(report.numPassedTests);
  const failed = count(report.numFailedTests);
  if (passed === undefined || failed === undefined) return undefined;
  return { numPassedTests: passed, numFailedTests: failed, numRuntimeErrorTestSuites: count(report.numRuntimeErrorTestSuites) ?? 0, success: report.success };
}

/**
 * The test command's steps (`reports/steps.json`, written by scripts/test.mjs once every step ran),
 * or undefined when there is no readable list: the command did not get to its end.
 * @param {string | undefined} text
 * @returns {{ name: string, ok: boolean }[] | undefined}
 */
export function parseSteps(text) {
  const steps = parseJson(text);
  if (!Array.isArray(steps)) return undefined;
  return steps.map((step) => ({ name: typeof step?.name === 'string' ? step.name : '(unnamed step)', ok: step?.ok === true }));
}

/**
 * Tests passed and failed over the jest runs and the steps. A run with no readable report counts as
 * one failure (it crashed); so does a run that says it did not succeed (`success: false`) with no
 * failed test (an error outside any test: a failing global setup, a coverage threshold). Each failed
 * step other than jest's (lint, type-check) counts one; no readable list of steps counts one.
 * @param {readonly (ReturnType<typeof parseJestReport>)[]} runs
 * @param {ReturnType<typeof parseSteps>} steps
 * @returns {{ passed: number, failed: number }}
 */
export function tally(runs, steps) {
  let passed = 0;
  let failed = 0;
  for (const run of runs) {
    if (run === undefined) {
      failed += 1;
      continue;
    }
    const runFailures = run.numFailedTests + run.numRuntimeErrorTestSuites;
    passed += run.numPassedTests;
    failed += run.success === false && runFailures === 0 ? 1 : runFailures;
  }
  if (steps === undefined) failed += 1;
  else for (const step of steps) if (!step.ok && !step.name.startsWith('jest')) failed += 1;
  return { passed, failed };
}

/** The closing line CI reads. */
export function summaryLine({ passed, failed }) {
  return `${passed} passed, ${failed} failed`;
}

/** The summary's exit code: non-zero on any failure, or when no test passed. */
export function exitCodeOf({ passed, failed }) {
  return failed > 0 || passed === 0 ? 1 : 0;
}

function parseJson(text) {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
