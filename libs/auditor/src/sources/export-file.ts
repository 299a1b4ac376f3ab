import type { LeafRecord } from '../verification/leaf-record.js';
import type { LogHead } from './log-source.js';

/**
 * The export format, JSON Lines: a header line, then one line per entry in order.
 *   {"format":"wildlife-provenance-log","version":1,"origin":…,"verifierKey":…,"checkpoint":<signed note>,"size":N}
 *   {"sequence":0,"leafBytes":<base64 of the exact leaf bytes>,"leafHash":<base64, as the log stored it>}
 * Everything an offline audit needs but the trust roots, which the auditor brings.
 */
export const EXPORT_FORMAT = 'wildlife-provenance-log';

export interface ExportHeader {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: 1;
  readonly origin: string;
  readonly verifierKey: string;
  readonly checkpoint: string;
  readonly size: number;
}

/** A line of an export file that is not what `exportHeaderLine` / `exportEntryLine` write. */
export class ExportLineIsMalformed extends Error {
  constructor(readonly lineNumber: number, readonly reason: string) {
    super(`line ${lineNumber} of the export: ${reason}`);
    this.name = 'ExportLineIsMalformed';
  }
}

export function exportHeaderLine(header: Omit<ExportHeader, 'format' | 'version'>): string {
  const full: ExportHeader = { format: EXPORT_FORMAT, version: 1, ...header };
  return `${JSON.stringify(full)}\n`;
}

export function exportEntryLine(leaf: LeafRecord): string {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const hash = leaf.leafHash === undefined ? {} : { leafHash: b64(leaf.leafHash) };
  return `${JSON.stringify({ sequence: leaf.sequence, leafBytes: b64(leaf.leafBytes), ...hash })}\n`;
}

export function parseExportHeader(line: string): ExportHeader & LogHead {
  const header = parseLine(line, 1) as Partial<ExportHeader>;
  if (header.format !== EXPORT_FORMAT || header.version !== 1) throw new ExportLineIsMalformed(1, `not a version 1 ${EXPORT_FORMAT} export`);
  for (const field of ['origin', 'verifierKey', 'checkpoint'] as const) {
    if (typeof header[field] !== 'string') throw new ExportLineIsMalformed(1, `"${field}" is not a string`);
  }
  if (!Number.isSafeInteger(header.size)) throw new ExportLineIsMalformed(1, '"size" is not an integer');
  return header as ExportHeader;
}

/** An entry line; its fields are checked for type only (the audit judges the content). */
export function parseExportEntry(line: string, lineNumber: number): LeafRecord {
  const entry = parseLine(line, lineNumber) as { sequence?: unknown; leafBytes?: unknown; leafHash?: unknown };
  if (!Number.isSafeInteger(entry.sequence)) throw new ExportLineIsMalformed(lineNumber, '"sequence" is not an integer');
  if (typeof entry.leafBytes !== 'string') throw new ExportLineIsMalformed(lineNumber, '"leafBytes" is not base64 text');
  if (entry.leafHash !== undefined && typeof entry.leafHash !== 'string') throw new ExportLineIsMalformed(lineNumber, '"leafHash" is not base64 text');
  const leafBytes = Buffer.from(entry.leafBytes, 'base64');
  const sequence = entry.sequence as number;
  return entry.leafHash === undefined ? { sequence, leafBytes } : { sequence, leafBytes, leafHash: Buffer.from(entry.leafHash, 'base64') };
}

function parseLine(line: string, lineNumber: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new ExportLineIsMalformed(lineNumber, 'not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ExportLineIsMalformed(lineNumber, 'not a JSON object');
  return value as Record<string, unknown>;
}
