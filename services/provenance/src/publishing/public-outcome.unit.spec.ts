import { describe, expect, it } from '@jest/globals';
import { contracts } from '@wildlife/contracts';
import type { LogEntry } from '@wildlife/provenance-log';
import { officialEntryForTests, rejectedEntryForTests } from './public-outcome.examples.spec.js';
import { publicOutcomeOf } from './public-outcome.js';

const leaf = new Uint8Array(32).fill(7);
const dataOf = (message: { value: Buffer | null }) => JSON.parse(message.value!.toString('utf8')) as unknown;

describe('the public outcome of a log entry', () => {
  it('announces a classified record as RecordVerified, naming its source and log index', () => {
    const message = publicOutcomeOf(officialEntryForTests, leaf, 't1.')!;
    expect(message.topic).toBe('t1.wildlife.provenance.events');
    expect(message.headers).toMatchObject({ ce_type: 'provenance.RecordVerified.v1', ce_principalid: 'fr-ofb', ce_subject: officialEntryForTests.record.subject });
    expect(message.key).toBe(officialEntryForTests.record.subject);
    expect(contracts.decode('provenance.RecordVerified.v1', dataOf(message))).toMatchObject({ recordId: officialEntryForTests.record.id, classification: 'official', logIndex: 7 });
  });

  it('announces a rejection as RecordRejected with its reason', () => {
    const message = publicOutcomeOf(rejectedEntryForTests, leaf, '')!;
    expect(message.headers!.ce_type).toBe('provenance.RecordRejected.v1');
    expect(dataOf(message)).toMatchObject({ reason: { code: 'signature-invalid' }, logIndex: 8 });
  });

  it('announces a change that makes an official record pending as RecordVerified pending-ncb, at the change\'s log index', () => {
    const { basis: _pendingRestsOnItsRegistration, ...first } = officialEntryForTests;
    const pending: LogEntry = {
      ...first,
      sequence: 12,
      time: '2025-03-14T09:30:00.000Z',
      classification: 'pending-ncb',
      reason: { code: 'agency-not-accredited', text: '"fr-ofb" was not accredited by its NCB at that time. (Classified again at its time after entry 11.)' },
      basis: [0, 1],
      supersedes: officialEntryForTests.sequence,
      evidence: null,
    };
    const message = publicOutcomeOf(pending, leaf, '')!;
    expect(message.headers).toMatchObject({ ce_type: 'provenance.RecordVerified.v1', ce_principalid: 'fr-ofb', ce_subject: officialEntryForTests.record.subject });
    expect(contracts.decode('provenance.RecordVerified.v1', dataOf(message))).toEqual({
      recordId: officialEntryForTests.record.id,
      recordType: officialEntryForTests.record.type,
      classification: 'pending-ncb',
      reason: pending.reason.text,
      logIndex: 12,
      verifiedAt: pending.time,
    });
  });

  it('gives the same event id for the same entry, and none for an entry without a source', () => {
    const idOf = (leafHash: Uint8Array) => publicOutcomeOf(officialEntryForTests, leafHash, '')!.headers!.ce_id;
    expect(idOf(leaf)).toBe(idOf(leaf));
    expect(idOf(new Uint8Array(32))).not.toBe(idOf(leaf));
    expect(publicOutcomeOf({ ...rejectedEntryForTests, source: null }, leaf, '')).toBeUndefined();
  });
});
