import { describe, expect, it } from '@jest/globals';
import { contracts } from '@wildlife/contracts';
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

  it('gives the same event id for the same entry, and none for an entry without a source', () => {
    const idOf = (leafHash: Uint8Array) => publicOutcomeOf(officialEntryForTests, leafHash, '')!.headers!.ce_id;
    expect(idOf(leaf)).toBe(idOf(leaf));
    expect(idOf(new Uint8Array(32))).not.toBe(idOf(leaf));
    expect(publicOutcomeOf({ ...rejectedEntryForTests, source: null }, leaf, '')).toBeUndefined();
  });
});
