// Types for ci-tally.mjs, for its TypeScript test.

export interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  success?: boolean;
}

export interface Step {
  name: string;
  ok: boolean;
}

export interface Counts {
  passed: number;
  failed: number;
}

export declare function parseJestReport(text: string | undefined): JestReport | undefined;
export declare function parseSteps(text: string | undefined): Step[] | undefined;
export declare function tally(runs: readonly (JestReport | undefined)[], steps: readonly Step[] | undefined): Counts;
export declare function summaryLine(counts: Counts): string;
export declare function exitCodeOf(counts: Counts): 0 | 1;
