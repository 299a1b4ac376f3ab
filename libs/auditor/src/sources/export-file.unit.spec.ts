import { describe, expect, it } from '@jest/globals';
import { exportEntryLine, exportHeaderLine, ExportLineIsMalformed, parseExportEntry, parseExportHeader } from './export-file.js';

describe('the export file format', () => {
  it('reads back the header and entry lines it writes', () => {
    const header = { origin: 'log.example/one', verifierKey: 'log.example/one+01234567+AQ==', checkpoint: 'log.example/one\n1\nAA==\n', size: 1 };
    expect(parseExportHeader(exportHeaderLine(header))).toEqual({ format: 'wildlife-provenance-log', version: 1, ...header });
    const leaf = { sequence: 7, leafBytes: new Uint8Array([123, 125]), leafHash: new Uint8Array(32).fill(9) };
    const read = parseExportEntry(exportEntryLine(leaf), 2);
    expect({ sequence: read.sequence, leafBytes: [...read.leafBytes], leafHash: [...read.leafHash!] }).toEqual({ sequence: 7, leafBytes: [123, 125], leafHash: [...leaf.leafHash] });
  });

  it('refuses a header of another format and names the line of a malformed entry', () => {
    expect(() => parseExportHeader('{"format":"other","version":1}')).toThrow(ExportLineIsMalformed);
    expect(() => parseExportEntry('{"sequence":"7","leafBytes":"e30="}', 12)).toThrow(/^line 12 of the export: "sequence" is not an integer$/);
    expect(() => parseExportEntry('not json', 3)).toThrow(/line 3/);
  });
});
