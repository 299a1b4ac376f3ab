import { describe, expect, it } from '@jest/globals';
import { entryBytes, parseEntry } from '@wildlife/provenance-log';
import type { SignedRecordCandidate } from '../records/received-record.js';
import { logEntryOf, MAX_ENTRY_BYTES, MAX_RECORD_ENTRY_BYTES } from './log-entry-of.js';
import { vouchedEntry } from './classification-changes.js';
import type { Verdict } from './verdict.js';

const record: SignedRecordCandidate = {
  kind: 'record',
  id: 'b2c1e0f4-5d6a-4b7c-8d9e-0f1a2b3c4d5e',
  type: 'request-intake.SupportRequestSubmitted.v1',
  subject: '6f1c2a9e-4b7d-4c1e-9a2f-3d5e8b7c1a04',
  time: '2025-03-14T09:26:53.000Z',
  data: { caseSummary: 'Parrots offered online' },
};
const pending: Verdict = {
  classification: 'pending-ncb',
  reason: { code: 'agency-not-accredited', text: 'Not accredited.' },
  source: { id: 'fr-douane', kind: 'agency', country: 'FR' },
  evidence: {
    label: 'sig1',
    keyId: 'fr-douane-k1',
    signatureInput: '("@method");created=1;keyid="fr-douane-k1";nonce="n"',
    signature: 'AA==',
    coveredComponents: ['"@method"'],
    componentValues: { '"@method"': 'POST' },
    method: 'POST',
    targetUri: 'https://intake.example/v1/support-requests',
    bodyBase64: '',
    created: 1,
    nonce: 'n',
  },
  basis: [2],
};

describe('the log entry of a record', () => {
  it('carries the record, its verdict and its data without provenance', () => {
    const entry = logEntryOf(9, '2025-03-14T09:27:00.000Z', record, pending);
    expect(entry).toEqual({ v: 1, sequence: 9, time: '2025-03-14T09:27:00.000Z', record: { id: record.id, type: record.type, subject: record.subject, time: record.time }, ...pending, recordData: record.data });
    expect(parseEntry(entryBytes(entry))).toEqual(entry);
  });

  it('falls back to a rejection keeping only what is well-formed when the record cannot be logged as received', () => {
    const strange = { ...record, data: { caseSummary: 'half a surrogate \uD800' } };
    const entry = logEntryOf(9, '2025-03-14T09:27:00.000Z', strange, pending);
    expect(entry).toMatchObject({ classification: 'rejected', reason: { code: 'record-malformed' }, source: null, evidence: null, record: { id: record.id } });
    expect(entry).not.toHaveProperty('recordData');
    expect(() => entryBytes(entry)).not.toThrow();
  });

  it('drops even the record time when that is what cannot be logged', () => {
    const entry = logEntryOf(9, '2025-03-14T09:27:00.000Z', { ...record, time: 'yesterday' }, pending);
    expect(entry.record).toEqual({ id: record.id, type: record.type, subject: null, time: null });
    expect(entry.classification).toBe('rejected');
  });

  describe('when the entry would be larger than the log takes', () => {
    const digest = 'a'.repeat(64);
    /** The record with a `padding` string that makes its full entry exactly `bytes` long. */
    const recordOfEntrySize = (bytes: number): SignedRecordCandidate => {
      const without = entryBytes(logEntryOf(9, '2025-03-14T09:27:00.000Z', { ...record, data: { padding: '' } }, pending)).length;
      return { ...record, valueSha256: digest, data: { padding: 'p'.repeat(bytes - without) } };
    };

    it('logs an entry of exactly the bound in full, and rejects one a byte larger as record-too-large', () => {
      const atBound = logEntryOf(9, '2025-03-14T09:27:00.000Z', recordOfEntrySize(MAX_RECORD_ENTRY_BYTES), pending);
      expect([atBound.classification, entryBytes(atBound).length]).toEqual(['pending-ncb', MAX_RECORD_ENTRY_BYTES]);
      const above = logEntryOf(9, '2025-03-14T09:27:00.000Z', recordOfEntrySize(MAX_RECORD_ENTRY_BYTES + 1), pending);
      expect(above).toMatchObject({ classification: 'rejected', reason: { code: 'record-too-large' }, source: pending.source, evidence: null, record: { id: record.id } });
      expect(above).not.toHaveProperty('recordData');
      expect(above).not.toHaveProperty('basis');
    });

    it('names the size and the SHA-256 of the message as received, and stays well within the bound', () => {
      // Canonical JSON writes 1e20 out in full: 4 characters become 21.
      const numbers = { ...record, valueSha256: digest, data: { x: Array<number>(60_000).fill(1e20) } };
      const entry = logEntryOf(9, '2025-03-14T09:27:00.000Z', numbers, pending);
      expect(entry.reason.code).toBe('record-too-large');
      expect(entry.reason.text).toContain(`SHA-256 of the message as received is ${digest}`);
      expect(entry.reason.text).toMatch(/would be 13\d{5} bytes/);
      expect(parseEntry(entryBytes(entry))).toEqual(entry);
      expect(entryBytes(entry).length).toBeLessThan(2_000);
    });

    it('drops a claimed source that is itself too large', () => {
      const hugeSource = { ...pending, source: { id: 'x'.repeat(MAX_RECORD_ENTRY_BYTES), kind: 'agency' as const } };
      const entry = logEntryOf(9, '2025-03-14T09:27:00.000Z', { ...record, valueSha256: digest }, hugeSource);
      expect(entry).toMatchObject({ classification: 'rejected', reason: { code: 'record-too-large' }, source: null, evidence: null });
    });

    it('keeps a malformed record’s rejection within the bound however long its fault’s name', () => {
      const entry = logEntryOf(9, '2025-03-14T09:27:00.000Z', { ...record, data: { ['k'.repeat(MAX_ENTRY_BYTES)]: '\uD800' } }, pending);
      expect(entry.reason.code).toBe('record-malformed');
      expect(entryBytes(entry).length).toBeLessThan(2_000);
    });

    it('leaves room for the change that makes a pending record of the largest size official', () => {
      const atBound = logEntryOf(9, '2025-03-14T09:27:00.000Z', recordOfEntrySize(MAX_RECORD_ENTRY_BYTES), pending);
      const vouched = vouchedEntry(Number.MAX_SAFE_INTEGER - 1, '2025-03-14T09:28:00.000Z', atBound, Number.MAX_SAFE_INTEGER - 2);
      expect(entryBytes(vouched).length).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    });
  });
});
