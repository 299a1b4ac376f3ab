import { describe, expect, it } from '@jest/globals';
import { exitCodeOf, parseJestReport, parseSteps, summaryLine, tally } from '../../scripts/ci-tally.mjs';

/** A jest `--json` report as jest writes it (the fields the tally reads, and a few it does not). */
const jestReport = (fields: Record<string, unknown>) => JSON.stringify({ numTotalTests: 0, numPendingTests: 0, testResults: [], success: true, ...fields });
const stepsFile = (steps: unknown) => JSON.stringify(steps);
const okSteps = stepsFile([
  { name: 'lint', ok: true, seconds: 1 },
  { name: 'type-check', ok: true, seconds: 1 },
  { name: 'jest (unit and integration)', ok: true, seconds: 1 },
]);

/** The closing line `.ci/run` prints, and the summary's exit code, for these report and steps files. */
function summary(reports: readonly (string | undefined)[], steps: string | undefined) {
  const counts = tally(reports.map(parseJestReport), parseSteps(steps));
  return { line: summaryLine(counts), exitCode: exitCodeOf(counts) };
}

describe('the closing line of a CI run', () => {
  it('adds up the passed and failed tests of both jest runs', () => {
    const main = jestReport({ numPassedTests: 40, numFailedTests: 2, numRuntimeErrorTestSuites: 1, success: false });
    const faults = jestReport({ numPassedTests: 3, numFailedTests: 0, numRuntimeErrorTestSuites: 0 });

    expect(summary([main, faults], okSteps)).toEqual({ line: '43 passed, 3 failed', exitCode: 1 });
    expect(summary([faults, faults], okSteps)).toEqual({ line: '6 passed, 0 failed', exitCode: 0 });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', jestReport({ numPassedTests: 40, numFailedTests: 0 }).slice(0, 30)],
    ['JSON but no jest report', '[1, 2]'],
    ['a report with no counts', '{"success": true}'],
  ])('counts a run whose report is %s as one failure, and still ends with the line', (_case, report) => {
    const faults = jestReport({ numPassedTests: 3, numFailedTests: 0, numRuntimeErrorTestSuites: 0 });

    expect(summary([report, faults], okSteps)).toEqual({ line: '3 passed, 1 failed', exitCode: 1 });
  });

  it('counts a run that did not succeed with no failed test (a failing global setup, say) as one failure', () => {
    const failedOutsideTests = jestReport({ numPassedTests: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 0, success: false });
    const faults = jestReport({ numPassedTests: 3, numFailedTests: 0, numRuntimeErrorTestSuites: 0 });

    expect(summary([failedOutsideTests, faults], okSteps)).toEqual({ line: '3 passed, 1 failed', exitCode: 1 });
  });

  it('counts each failed step other than jest as one failure, and an unreadable list of steps as one', () => {
    const faults = jestReport({ numPassedTests: 3, numFailedTests: 0, numRuntimeErrorTestSuites: 0 });
    const lintFailed = stepsFile([
      { name: 'lint', ok: false },
      { name: 'type-check', ok: true },
      { name: 'jest (unit and integration)', ok: false },
    ]);

    expect(summary([faults, faults], lintFailed).line).toBe('6 passed, 1 failed');
    expect(summary([faults, faults], '{"lint": false}').line).toBe('6 passed, 1 failed');
    expect(summary([faults, faults], '[{"name":').line).toBe('6 passed, 1 failed');
    expect(summary([faults, faults], undefined).line).toBe('6 passed, 1 failed');
    expect(summary([faults, faults], stepsFile([null, { ok: true }])).line).toBe('6 passed, 1 failed');
  });

  it('fails a run in which no test passed, even with nothing failed', () => {
    const empty = jestReport({ numPassedTests: 0, numFailedTests: 0, numRuntimeErrorTestSuites: 0 });

    expect(summary([empty, empty], okSteps)).toEqual({ line: '0 passed, 0 failed', exitCode: 1 });
  });
});
