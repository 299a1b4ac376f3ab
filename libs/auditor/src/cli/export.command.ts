import { parseArgs } from 'node:util';
import { openCheckpoint, parseVerifierKey } from '@wildlife/provenance-log';
import { writeExportFile } from '../sources/export-file.io.js';
import type { LogSource } from '../sources/log-source.js';
import type { LeafRecord } from '../verification/leaf-record.js';
import type { AuditCliIo } from './audit-cli-io.js';
import { parsedCommandLine, required } from './command-line.errors.js';
import { signedApi } from './source-options.js';

const OPTIONS = {
  api: { type: 'string' },
  key: { type: 'string' },
  out: { type: 'string' },
  'verifier-key': { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** The API served fewer entries than its checkpoint covers: the export would not be the log it signed. */
class ExportIsIncomplete extends Error {
  constructor(readonly served: number, readonly size: number) {
    super(`entry ${served}: entry-missing: the API served ${served} of the ${size} entries its checkpoint covers`);
    this.name = 'ExportIsIncomplete';
  }
}

/**
 * `audit export`: writes the log's latest checkpoint and every entry it covers to a file (see
 * `EXPORT_FORMAT`), streaming. Checks only that the checkpoint is signed by the verifier key it
 * records, and that the API served as many entries as it covers (else exit 1 and no file: an export
 * short of entries is not the log the checkpoint signs); `audit verify --file` does the audit.
 */
export async function exportLog(args: readonly string[], io: AuditCliIo): Promise<number> {
  const { values } = parsedCommandLine('export', () => parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }));
  const out = required('export', values.out, '--out <file>');
  const source = await signedApi(values, io);
  const head = await source.head();
  const verifierKey = values['verifier-key'] ?? head.verifierKey ?? required('export', undefined, '--verifier-key <vkey>');
  const { checkpoint } = openCheckpoint(head.checkpoint, verifierKey);
  const origin = parseVerifierKey(verifierKey).name;
  try {
    const written = await writeExportFile(out, { origin, verifierKey, checkpoint: head.checkpoint, size: checkpoint.size }, allEntries(source, checkpoint.size));
    io.stdout(`audit: exported ${written} of the ${checkpoint.size} entries of ${origin} to ${out}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ExportIsIncomplete)) throw error;
    io.stderr(`audit: ${origin}: ${error.message}; nothing written to ${out}\n`);
    return 1;
  }
}

/** Entries [0, size) as the source gives them, failing at the end when it gave fewer. */
async function* allEntries(source: LogSource, size: number): AsyncIterable<LeafRecord> {
  let served = 0;
  for await (const leaf of source.entries(0, size)) {
    served += 1;
    yield leaf;
  }
  if (served < size) throw new ExportIsIncomplete(served, size);
}
