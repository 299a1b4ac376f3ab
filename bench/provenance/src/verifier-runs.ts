import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AuditDepth } from '../../../libs/auditor/dist/index.js';
import { perSecond, round } from './figures.js';

export interface VerifierRun {
  readonly depth: AuditDepth;
  readonly entries: number;
  readonly entriesPerSecond: number;
  readonly peakRssMb: number;
  readonly peakHeapMb: number;
  /** With `liveHeap`: the largest heap right after a full collection, sampled every 100 ms: what the audit holds. */
  readonly peakLiveHeapMb: number;
}

const runner = fileURLToPath(new URL('./verify-run.js', import.meta.url));

/**
 * Runs `verify-run.js` in a fresh process and reads its figures. Rejects when the audit fails (or,
 * with `maxOldSpaceMb`, when it needs a larger heap than that: V8 aborts the process).
 */
export function runVerifier(file: string, trustRootsFile: string, depth: AuditDepth, options: { maxOldSpaceMb?: number; liveHeap?: boolean } = {}): Promise<VerifierRun> {
  const heapCap = options.maxOldSpaceMb === undefined ? [] : [`--max-old-space-size=${options.maxOldSpaceMb}`];
  const collections = options.liveHeap === true ? ['--expose-gc'] : [];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...collections, ...heapCap, runner, file, trustRootsFile, depth], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error !== null) return reject(new Error(`the verifier failed (${depth}): ${stderr || error.message}`));
      const run = JSON.parse(stdout) as { entries: number; elapsedMs: number; peakRssBytes: number; peakHeapBytes: number; peakLiveHeapBytes: number };
      resolve({
        depth,
        entries: run.entries,
        entriesPerSecond: perSecond(run.entries, run.elapsedMs),
        peakRssMb: round(run.peakRssBytes / 2 ** 20, 1),
        peakHeapMb: round(run.peakHeapBytes / 2 ** 20, 1),
        peakLiveHeapMb: round(run.peakLiveHeapBytes / 2 ** 20, 1),
      });
    });
  });
}
