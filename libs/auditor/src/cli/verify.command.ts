import { parseArgs } from 'node:util';
import { ConsistencyProofDoesNotVerify, verifyConsistency } from '@wildlife/provenance-log';
import { loadTrustRoots } from '@wildlife/registry';
import { auditLog, VerifierKeyIsUnknown, type AuditReport } from '../audit/audit-log.js';
import type { LogSource } from '../sources/log-source.js';
import type { AuditedLog } from '../state/audit-state.js';
import { readAuditState, recordAudit } from '../state/audit-state.io.js';
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
  timeout: { type: 'string' },
  'kafka-wait': { type: 'string' },
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
  const source = await sourceOf(values, io);
  const statePath = values.state ?? io.defaultStatePath;
  const started = performance.now();
  const report = await auditLog({
    source,
    trustRoots: await loadTrustRoots(trustRootsFile),
    state: await readAuditState(statePath),
    depth,
    ...(values['verifier-key'] !== undefined && { verifierKey: values['verifier-key'] }),
  }).catch((error: unknown) => {
    // Only the command line can supply the key then: a usage error, not a fault of the log.
    if (error instanceof VerifierKeyIsUnknown) throw new CommandLineIsInvalid(`verify needs --verifier-key <vkey>: ${error.message}`);
    throw error;
  });
  if (!report.ok) {
    io.stderr(`audit: ${report.origin ?? source.description}: ${describeFinding(report.finding)}\n`);
    return 1;
  }
  const recorded = await recordAudit(statePath, report.audited, { ...(source.consistencyProof !== undefined && { proveConsistency: provenBy(source) }) });
  if (recorded.outcome === 'finding') {
    io.stderr(`audit: ${report.origin}: ${describeFinding(recorded.finding)}\n`);
    return 1;
  }
  if (recorded.outcome === 'unknown') throw new StateMovedDuringAudit(statePath, report.origin, recorded.onDisk.size);
  const kept = recorded.kept === undefined ? '' : `; the state file keeps the ${recorded.kept} entries another audit verified meanwhile`;
  io.stdout(`${summaryOf(report, depth, performance.now() - started)}${kept}\n`);
  return 0;
}

/** Another audit recorded a checkpoint of the log while this one ran, which it can neither prove nor refute its own consistent with. */
export class StateMovedDuringAudit extends Error {
  constructor(path: string, origin: string, size: number) {
    super(`while this audit ran, another one recorded ${size} entries of ${origin} in ${path}, which this source gives no consistency proof against: nothing recorded; run the audit again`);
    this.name = 'StateMovedDuringAudit';
  }
}

/** The source's consistency proof between two checkpoints of the log, verified. */
function provenBy(source: LogSource): (older: AuditedLog, newer: AuditedLog) => Promise<boolean> {
  return async (older, newer) => {
    if (older.size === 0) return true;
    try {
      verifyConsistency({ size1: older.size, root1: older.rootHash, size2: newer.size, root2: newer.rootHash, proof: await source.consistencyProof!(older.size, newer.size) });
      return true;
    } catch (error) {
      if (error instanceof ConsistencyProofDoesNotVerify) return false;
      throw error;
    }
  };
}

function summaryOf(report: Extract<AuditReport, { ok: true }>, depth: AuditDepth, elapsedMs: number): string {
  const { checkpoint, counts, previousSize } = report;
  const checked = { tree: 'tree and checkpoints', entries: 'entries, keys and sources (signatures not re-verified)', signatures: 'entries, keys, sources and signatures' }[depth];
  const tally = counts === undefined ? '' : ` (${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')})`;
  const history = previousSize === undefined ? 'first audit of this log' : `consistent with the ${previousSize} entries verified before`;
  return `audit: ${report.origin} verified: ${checkpoint.size} entries${tally}, root ${Buffer.from(checkpoint.rootHash).toString('base64')}; checked ${checked}; ${history}; ${Math.round(elapsedMs)} ms`;
}
