import { parseArgs } from 'node:util';
import { openCheckpoint, parseVerifierKey } from '@wildlife/provenance-log';
import { writeExportFile } from '../sources/export-file.io.js';
import type { AuditCliIo } from './audit-cli-io.js';
import { parsedCommandLine, required } from './command-line.errors.js';
import { signedApi } from './source-options.js';

const OPTIONS = {
  api: { type: 'string' },
  key: { type: 'string' },
  out: { type: 'string' },
  'verifier-key': { type: 'string' },
} as const;

/**
 * `audit export`: writes the log's latest checkpoint and every entry it covers to a file (see
 * `EXPORT_FORMAT`), streaming. Checks only that the checkpoint is signed by the verifier key it
 * records, so the file is worth auditing; `audit verify --file` does the audit.
 */
export async function exportLog(args: readonly string[], io: AuditCliIo): Promise<number> {
  const { values } = parsedCommandLine('export', () => parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  const out = required('export', values.out, '--out <file>');
  const source = signedApi(values, io);
  const head = await source.head();
  const verifierKey = values['verifier-key'] ?? head.verifierKey ?? required('export', undefined, '--verifier-key <vkey>');
  const { checkpoint } = openCheckpoint(head.checkpoint, verifierKey);
  const origin = parseVerifierKey(verifierKey).name;
  const written = await writeExportFile(out, { origin, verifierKey, checkpoint: head.checkpoint, size: checkpoint.size }, source.entries(0, checkpoint.size));
  io.stdout(`audit: exported ${written} of the ${checkpoint.size} entries of ${origin} to ${out}\n`);
  return 0;
}
