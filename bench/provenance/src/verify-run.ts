// One `audit verify` of an exported file, alone in its process so that its memory is the verifier's:
//   node [--expose-gc] bench/provenance/dist/verify-run.js <export file> <trust roots file> <tree|entries|signatures>
// Prints one JSON line: entries verified, elapsed and CPU time, peak RSS (its own) and peak heap.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseTrustRoots } from '@wildlife/registry';
import { auditLog, EMPTY_AUDIT_STATE, exportFileSource, type AuditDepth } from '../../../libs/auditor/dist/index.js';

const [file, trustRootsFile, depth] = process.argv.slice(2) as [string, string, AuditDepth];
const trustRoots = parseTrustRoots(await readFile(trustRootsFile, 'utf8'));
let peakHeap = 0;
let sampledPeakRss = 0;
const sample = () => {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  sampledPeakRss = Math.max(sampledPeakRss, rss);
};
const sampler = setInterval(sample, 25);
// What the audit holds, without its garbage: the heap right after a full collection, every 100 ms
// (only when run with --expose-gc: the collections cost time, so timed runs go without). Peaks of
// `heapUsed` and RSS follow the collector's timing as much as the log.
let peakLiveHeap = 0;
const collect = globalThis.gc;
const liveSampler =
  collect === undefined
    ? undefined
    : setInterval(() => {
        collect();
        peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
      }, 100);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const report = await auditLog({ source: exportFileSource(file), trustRoots, state: EMPTY_AUDIT_STATE, depth });
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
if (liveSampler !== undefined) clearInterval(liveSampler);
sample();
if (!report.ok) {
  console.error(JSON.stringify(report.finding));
  process.exit(1);
}
console.log(JSON.stringify({ entries: report.checkpoint.size, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1_000, peakRssBytes: peakRss(), peakHeapBytes: peakHeap, peakLiveHeapBytes: peakLiveHeap }));

/**
 * This process's peak resident memory: Linux's high-water mark of its own address space (`VmHWM`),
 * else the peak of the samples. Not `process.resourceUsage().maxRSS`: on Linux a child keeps the
 * high-water mark of the process it was forked from, so it reported the bench process's memory.
 */
function peakRss(): number {
  try {
    const kB = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kB !== undefined) return Number(kB) * 1024;
  } catch {
    // Not Linux: the samples are what there is.
  }
  return sampledPeakRss;
}
