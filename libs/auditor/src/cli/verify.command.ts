import { parseArgs } from 'node:util';
import { loadTrustRoots } from '@wildlife/registry';
import { auditLog, type AuditReport } from '../audit/audit-log.js';
import { readAuditState, writeAuditState } from '../state/audit-state.io.js';
import { describeFinding } from '../verification/audit-finding.js';
import type { AuditDepth } from '../verification/verify-log.js';
import type { AuditCliIo } from './audit-cli-io.js';
import { CommandLineIsInvalid, parsedCommandLine, required } from './command-line.errors.js';
import { sourceOf } from './source-options.js';

const OPTIONS = {
  'trust-roots': { type: 'string' },
  file: { type: 'string' },
  api: { type: 'string' },
  key: { type: 'string' },
  kafka: { type: 'string' },
  topic: { type: 'string' },
  checkpoint: { type: 'string' },
  'verifier-key': { type: 'string' },
  state: { type: 'string' },
  'no-signatures': { type: 'boolean' },
  'tree-only': { type: 'boolean' },
} as const;

/**
 * `audit verify`: audits the log from the source given (`auditLog`), with the state file's last
 * checkpoint; on success writes the new checkpoint back and prints one summary line (exit 0); on a
 * fault prints the first bad entry and the problem (exit 1) and leaves the state as it was.
 */
export async function verify(args: readonly string[], io: AuditCliIo): Promise<number> {
  const { values } = parsedCommandLine('verify', () => parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  const trustRootsFile = required('verify', values['trust-roots'], '--trust-roots <file>');
  if (values['no-signatures'] === true && values['tree-only'] === true) throw new CommandLineIsInvalid('verify: --no-signatures and --tree-only exclude each other');
  const depth: AuditDepth = values['tree-only'] === true ? 'tree' : values['no-signatures'] === true ? 'entries' : 'signatures';
  const source = sourceOf(values, io);
  const statePath = values.state ?? io.defaultStatePath;
  const started = performance.now();
  const report = await auditLog({
    source,
    trustRoots: await loadTrustRoots(trustRootsFile),
    state: await readAuditState(statePath),
    depth,
    ...(values['verifier-key'] !== undefined && { verifierKey: values['verifier-key'] }),
  });
  if (!report.ok) {
    io.stderr(`audit: ${report.origin ?? source.description}: ${describeFinding(report.finding)}\n`);
    return 1;
  }
  await writeAuditState(statePath, report.state);
  io.stdout(`${summaryOf(report, depth, performance.now() - started)}\n`);
  return 0;
}

function summaryOf(report: Extract<AuditReport, { ok: true }>, depth: AuditDepth, elapsedMs: number): string {
  const { checkpoint, counts, previousSize } = report;
  const checked = { tree: 'tree and checkpoints', entries: 'entries, keys and sources (signatures not re-verified)', signatures: 'entries, keys, sources and signatures' }[depth];
  const tally = counts === undefined ? '' : ` (${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')})`;
  const history = previousSize === undefined ? 'first audit of this log' : `consistent with the ${previousSize} entries verified before`;
  return `audit: ${report.origin} verified: ${checkpoint.size} entries${tally}, root ${Buffer.from(checkpoint.rootHash).toString('base64')}; checked ${checked}; ${history}; ${Math.round(elapsedMs)} ms`;
}
