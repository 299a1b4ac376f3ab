import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { entryBytes, LogEntryIsMalformed, parseEntry, type LogEntry } from '@wildlife/provenance-log';
import { readLeaf } from './leaf-reading.js';

const entry: LogEntry = {
  v: 1,
  sequence: 3,
  time: '2025-03-01T10:00:02.000Z',
  record: { id: 'r-1', type: 'request-intake.SupportRequestSubmitted.v1', subject: 's-1', time: '2025-03-01T10:00:01.000Z' },
  source: null,
  classification: 'rejected',
  reason: { code: 'record-malformed', text: 'Not a record: "quoted", ünïcödé, \u2028.' },
  evidence: null,
  recordData: { '10': 'ten', '9': 'nine', b: [1, 2.5, -0, 1e21], a: { z: null, y: true } },
};
const canonical = entryBytes(entry);

function parseEntryVerdict(bytes: Uint8Array): LogEntry | { malformed: string } {
  try {
    return parseEntry(bytes);
  } catch (error) {
    if (error instanceof LogEntryIsMalformed) return { malformed: error.reason };
    throw error;
  }
}

describe('reading leaf bytes as an entry', () => {
  it('accepts canonical bytes, integer-like keys included, as parseEntry does', () => {
    expect(readLeaf(canonical)).toEqual(parseEntry(canonical));
  });

  it('refuses the same entry spelt with whitespace or another key order', () => {
    const spaced = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(canonical)), null, 1));
    expect(readLeaf(spaced)).toEqual({ malformed: expect.stringContaining('canonical') });
    const reordered = new TextEncoder().encode(`{"v":1,${new TextDecoder().decode(canonical).slice(1).replace(/,"v":1/, '')}`);
    expect(readLeaf(reordered)).toHaveProperty('malformed');
  });

  it('gives parseEntry\'s verdict on any single changed byte', () => {
    fc.assert(
      fc.property(fc.nat(canonical.length - 1), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const changed = Uint8Array.from(canonical);
        changed[at] = byte;
        const ours = readLeaf(changed);
        const theirs = parseEntryVerdict(changed);
        expect('malformed' in ours).toBe('malformed' in theirs);
        if (!('malformed' in ours)) expect(ours).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });
});
