// One `audit verify` of an exported file, alone in its process so that its memory is the verifier's:
//   node bench/provenance/dist/verify-run.js <export file> <trust roots file> <tree|entries|signatures>
// Prints one JSON line: entries verified, elapsed and CPU time, peak RSS and peak heap.
import { readFile } from 'node:fs/promises';
import { parseTrustRoots } from '@wildlife/registry';
import { auditLog, EMPTY_AUDIT_STATE, exportFileSource, type AuditDepth } from '../../../libs/auditor/dist/index.js';

const [file, trustRootsFile, depth] = process.argv.slice(2) as [string, string, AuditDepth];
const trustRoots = parseTrustRoots(await readFile(trustRootsFile, 'utf8'));
let peakHeap = 0;
const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 25);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const report = await auditLog({ source: exportFileSource(file), trustRoots, state: EMPTY_AUDIT_STATE, depth });
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
if (!report.ok) {
  console.error(JSON.stringify(report.finding));
  process.exit(1);
}
console.log(JSON.stringify({ entries: report.checkpoint.size, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1_000, peakRssBytes: process.resourceUsage().maxRSS * 1024, peakHeapBytes: peakHeap }));
