import { describe, expect, it } from '@jest/globals';
import { entryBytes, parseEntry } from '@wildlife/provenance-log';
import type { SignedRecordCandidate } from '../records/received-record.js';
import { logEntryOf } from './log-entry-of.js';
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
});
