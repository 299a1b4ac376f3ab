import { describe, expect, it } from '@jest/globals';
import { leafHash } from '../merkle/hashing.js';
import type { LogEntry } from './log-entry.js';
import { entryBytes, parseEntry } from './log-entry.bytes.js';
import { LogEntryIsMalformed } from './log-entry.errors.js';
import { officialEntry, unparsedEntry } from './log-entry.examples.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
const bytesOf = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'));

/** The same JSON value with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
}

describe('log entry bytes', () => {
  it('writes RFC 8785 canonical JSON: sorted keys, no whitespace', () => {
    expect(text(entryBytes(unparsedEntry))).toBe(
      '{"classification":"rejected","evidence":null,' +
        '"reason":{"code":"record-malformed","text":"the message is not a CloudEvent: not JSON"},' +
        `"record":{"id":"unparsed:${'ab'.repeat(32)}","subject":null,"time":null,"type":"unknown"},` +
        '"sequence":8,"source":null,"time":"2025-03-01T10:00:03.000Z","v":1}',
    );
  });

  it('gives the same bytes, and so the same leaf hash, whatever order the keys were built in', () => {
    const reordered = reversedKeys(officialEntry) as LogEntry;
    expect(Object.keys(reordered)[0]).toBe('recordData');
    expect(text(entryBytes(reordered))).toBe(text(entryBytes(officialEntry)));
    expect(leafHash(entryBytes(reordered))).toEqual(leafHash(entryBytes(officialEntry)));
  });

  it('reads back exactly the entry it wrote', () => {
    for (const entry of [officialEntry, unparsedEntry]) {
      expect(parseEntry(entryBytes(entry))).toEqual(entry);
    }
    const superseding: LogEntry = { ...officialEntry, sequence: 12, supersedes: 9, basis: [11] };
    expect(parseEntry(entryBytes(superseding))).toEqual(superseding);
  });

  it('sorts a record data member named toJSON like any other key, reads it back, and refuses the same data with its keys as sent', () => {
    const recordData = JSON.parse('{"summary":"x","toJSON":{"z":1,"y":2}}') as LogEntry['recordData'];
    const entry: LogEntry = { ...officialEntry, recordData };

    expect(text(entryBytes(entry))).toContain('"recordData":{"summary":"x","toJSON":{"y":2,"z":1}}');
    expect(parseEntry(entryBytes(entry))).toEqual(entry);
    const asSent = text(entryBytes(entry)).replace('{"y":2,"z":1}', '{"z":1,"y":2}');
    expect(() => parseEntry(bytesOf(asSent))).toThrow(LogEntryIsMalformed);
  });

  it('keeps non-ASCII text as UTF-8 through the round trip', () => {
    const entry: LogEntry = { ...officialEntry, recordData: { note: 'ivoire – 象牙 🐘' } };
    expect(text(entryBytes(entry))).toContain('"note":"ivoire – 象牙 🐘"');
    expect(parseEntry(entryBytes(entry))).toEqual(entry);
  });
});

describe('parsing log entry bytes', () => {
  const canonical = text(entryBytes(unparsedEntry));

  it('refuses bytes that are the entry but not its canonical form', () => {
    const spaced = canonical.replace('"v":1', '"v": 1');
    const reordered = JSON.stringify(reversedKeys(JSON.parse(canonical)));
    const duplicated = canonical.replace('{"classification":"rejected",', '{"classification":"official","classification":"rejected",');
    for (const variant of [spaced, reordered, duplicated, `\uFEFF${canonical}`]) {
      expect(() => parseEntry(bytesOf(variant))).toThrow(LogEntryIsMalformed);
    }
  });

  it('takes a change of classification that leaves its evidence in the entry it supersedes (an accreditation fact reaching back)', () => {
    const change = { ...officialEntry, classification: 'pending-ncb', evidence: null, supersedes: officialEntry.sequence - 1 } as LogEntry;
    expect(parseEntry(entryBytes(change))).toEqual(change);
  });

  it('refuses bytes that are not UTF-8 JSON', () => {
    expect(() => parseEntry(new Uint8Array([0x7b, 0xff, 0x7d]))).toThrow('not UTF-8 JSON');
    expect(() => parseEntry(bytesOf('{"v":1'))).toThrow('not UTF-8 JSON');
  });

  it.each([
    ['an unknown field', { ...unparsedEntry, extra: true }, 'unknown field "extra"'],
    ['another version', { ...unparsedEntry, v: 2 }, 'v is not 1'],
    ['a local time', { ...unparsedEntry, time: '2025-03-01T12:00:03.000+02:00' }, 'time is not'],
    ['an official entry without evidence', { ...officialEntry, evidence: null }, 'must carry its evidence'],
    ['an official entry without a source', { ...officialEntry, source: null }, 'must name its source'],
    ['a supersedes that is not earlier', { ...officialEntry, supersedes: 7 }, 'supersedes'],
    ['an unsorted basis', { ...officialEntry, basis: [3, 2] }, 'strictly ascending'],
    ['a lone surrogate', { ...officialEntry, recordData: { note: '\uD800' } }, 'lone surrogate'],
    ['a source of unknown kind', { ...officialEntry, source: { id: 'x', kind: 'robot' } }, 'source.kind'],
    ['evidence with an extra field', { ...officialEntry, evidence: { ...officialEntry.evidence, principal: {} } }, 'evidence has'],
  ])('refuses %s, naming the problem', (_, value, reason) => {
    const bytes = bytesOf(JSON.stringify(value));
    expect(() => parseEntry(bytes)).toThrow(reason);
    expect(() => entryBytes(value as LogEntry)).toThrow(LogEntryIsMalformed);
  });
});
