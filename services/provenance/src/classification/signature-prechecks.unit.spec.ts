import { describe, expect, it } from '@jest/globals';
import { contracts, type CloudEvent } from '@wildlife/contracts';
import { readReceivedRecord } from '../records/read-received-record.js';
import { messageOf, newCast, supportRequestEvent, trustRootsOf } from '../testing/signed-records.examples.spec.js';
import { publicKeyObject } from './imported-public-keys.js';
import type { LoggableRecord } from './log-entry-of.js';
import { planEntries } from './plan-entries.js';
import { ProvenanceLogState } from './provenance-log-state.js';
import { SignaturePrechecks } from './signature-prechecks.js';
import { signedProvenanceOf } from './signed-provenance.js';

const received = (event: CloudEvent) => readReceivedRecord(messageOf(event), contracts) as LoggableRecord;

describe('signatures checked ahead of the log write', () => {
  it('classify records into the very same entry bytes as signatures checked when classified', async () => {
    // Given two logs of the same trust roots and the same NCB records, one checked ahead
    const cast = newCast();
    const records = await Promise.all([cast.ncbFr, cast.ncbKe, cast.ofb].map(async (signer) => received(await supportRequestEvent(signer, cast.ofb.principal))));
    const [ahead, plain] = [new ProvenanceLogState(trustRootsOf(cast)), new ProvenanceLogState(trustRootsOf(cast))];
    const prechecks = new SignaturePrechecks();
    await prechecks.precheck(ahead.registry, records);
    // When both classify them at the same instant
    const now = new Date();
    const checkedAhead = planEntries(ahead, records, now, new Map(), prechecks);
    const checkedLate = planEntries(plain, records, now, new Map());
    // Then the entries are byte for byte the same (FR's NCB official; KE's NCB outside its country and the unregistered agency rejected)
    expect(checkedAhead.map((p) => Buffer.from(p.bytes).toString())).toEqual(checkedLate.map((p) => Buffer.from(p.bytes).toString()));
    expect(checkedAhead.map((p) => p.entry.classification)).toEqual(['official', 'rejected', 'rejected']);
  });

  it('answers with the outcome checked ahead once, under the same registered key only', async () => {
    // Given FR's NCB's records checked ahead with FR's registered key
    const cast = newCast();
    const records = await Promise.all([1, 2].map(async () => received(await supportRequestEvent(cast.ncbFr, cast.ofb.principal))));
    const prechecks = new SignaturePrechecks();
    await prechecks.precheck(new ProvenanceLogState(trustRootsOf(cast)).registry, records);
    const materialOf = (record: LoggableRecord) => signedProvenanceOf(record.kind === 'record' ? record.provenance : undefined).evidence;
    const kenyanKey = publicKeyObject(cast.ncbKe.publicKey);
    // When asked under the same registered key: the outcome checked ahead (the key object is not used)
    expect(prechecks.reverify(records[0]!, cast.ncbFr.publicKey, materialOf(records[0]!), kenyanKey).ok).toBe(true);
    // Then a second ask checks again
    expect(prechecks.reverify(records[0]!, cast.ncbFr.publicKey, materialOf(records[0]!), kenyanKey).ok).toBe(false);
    // And under another registered key (the registry changed meanwhile) it checks with that key
    expect(prechecks.reverify(records[1]!, cast.ncbKe.publicKey, materialOf(records[1]!), kenyanKey).ok).toBe(false);
  });
});
