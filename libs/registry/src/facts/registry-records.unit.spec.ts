import { describe, expect, it } from '@jest/globals';
import {
  recordDataOfFact,
  REGISTRY_FACT_TYPES,
  RegistryRecordIsMalformed,
  registryFactOfRecord,
  registryFactTypeOf,
  type RegistryFact,
} from '../index.js';

const key = { keyId: 'fr-ofb-k1', publicKey: 'MCowBQYDK2VwAyEA' };
const provenance = { signer: 'ncb-fr', keyId: 'ncb-fr-k1', signature: 'sig' };

const facts: readonly RegistryFact[] = [
  { type: 'AgencyRegistered', agencyId: 'fr-ofb', country: 'FR', name: 'OFB', key, registeredBy: 'ncb-fr', at: '2026-03-01T00:00:00.000Z' },
  {
    type: 'AgencyAccredited',
    agencyId: 'fr-ofb',
    accreditationId: 'acc-1',
    scope: ['information-sharing', 'expert-network'],
    validFrom: '2026-03-01T00:00:00.000Z',
    validUntil: '2027-03-01T00:00:00.000Z',
    by: 'ncb-fr',
    at: '2026-03-01T00:00:00.000Z',
  },
  { type: 'AccreditationSuspended', agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'audit', by: 'ncb-fr', at: '2026-03-02T00:00:00.000Z' },
  { type: 'AccreditationReinstated', agencyId: 'fr-ofb', accreditationId: 'acc-1', note: 'cleared', by: 'ncb-fr', at: '2026-03-03T00:00:00.000Z' },
  { type: 'AccreditationRevoked', agencyId: 'fr-ofb', accreditationId: 'acc-1', reason: 'closed', by: 'ncb-fr', at: '2026-03-04T00:00:00.000Z' },
  { type: 'KeyRotated', principalId: 'fr-ofb', newKey: { ...key, keyId: 'fr-ofb-k2' }, retiredKeyId: 'fr-ofb-k1', by: 'ncb-fr', at: '2026-03-05T00:00:00.000Z' },
  {
    type: 'KeyRevoked',
    principalId: 'fr-ofb',
    keyId: 'fr-ofb-k2',
    reason: 'compromised',
    compromisedSince: '2026-03-05T12:00:00.000Z',
    by: 'ncb-fr',
    at: '2026-03-06T00:00:00.000Z',
  },
  { type: 'ExternalSourceRegistered', sourceId: 'ngo-watch', name: 'Watch', key, by: 'gs', at: '2026-03-01T00:00:00.000Z' },
  { type: 'AuditorRegistered', auditorId: 'auditor-1', name: 'Auditor', key, by: 'gs', at: '2026-03-01T00:00:00.000Z' },
];

describe('the fact type a record type names', () => {
  it('is the name of a registry fact, whatever the producer and version', () => {
    expect(registryFactTypeOf('ncb-endorsement.AgencyRegistered.v1')).toBe('AgencyRegistered');
    expect(registryFactTypeOf('other-producer.KeyRevoked.v12')).toBe('KeyRevoked');
  });

  it('is none for a record of another kind or a malformed type', () => {
    expect(registryFactTypeOf('ncb-endorsement.RequestEndorsed.v1')).toBeUndefined();
    expect(registryFactTypeOf('AgencyRegistered')).toBeUndefined();
    expect(registryFactTypeOf('ncb-endorsement.AgencyRegistered.v0')).toBeUndefined();
    expect(registryFactTypeOf('NCB.AgencyRegistered.v1')).toBeUndefined();
  });

  it('covers every kind of fact', () => {
    expect(REGISTRY_FACT_TYPES.map((type) => registryFactTypeOf(`p.${type}.v1`))).toEqual([...REGISTRY_FACT_TYPES]);
  });
});

describe('reading a registry record as the fact it states', () => {
  it.each(facts.map((fact) => [fact.type, fact] as const))('reads a %s record back as its fact, without the provenance, and writes it again unchanged', (type, fact) => {
    const data = { ...recordDataOfFact(fact), provenance };

    const read = registryFactOfRecord(type, data);

    expect(read).toEqual(fact);
    expect({ ...recordDataOfFact(read as RegistryFact), provenance }).toEqual(data);
    expect(recordDataOfFact(fact)).not.toHaveProperty('type');
  });

  it('takes the type from the record type, not from the data', () => {
    const data = { ...recordDataOfFact(facts[2]!), type: 'AccreditationRevoked' };

    expect(registryFactOfRecord('AccreditationSuspended', data)).toMatchObject({ type: 'AccreditationSuspended' });
  });

  it('refuses a record lacking a required field, naming it', () => {
    const { reason: _reason, ...data } = recordDataOfFact(facts[2]!);

    const read = registryFactOfRecord('AccreditationSuspended', data);

    expect(read).toBeInstanceOf(RegistryRecordIsMalformed);
    expect(read).toMatchObject({ factType: 'AccreditationSuspended', field: 'reason' });
    expect((read as RegistryRecordIsMalformed).message).toBe('the AccreditationSuspended record lacks a well-formed "reason"');
  });

  it('refuses fields of the wrong shape: a number for text, a list with a non-text, a key without its public key', () => {
    const accredited = recordDataOfFact(facts[1]!);
    const registered = recordDataOfFact(facts[0]!);

    expect(registryFactOfRecord('AgencyAccredited', { ...accredited, by: 7 })).toMatchObject({ field: 'by' });
    expect(registryFactOfRecord('AgencyAccredited', { ...accredited, scope: ['information-sharing', 1] })).toMatchObject({ field: 'scope' });
    expect(registryFactOfRecord('AgencyRegistered', { ...registered, key: { keyId: 'k' } })).toMatchObject({ field: 'key' });
  });

  it('refuses data that is no object, at its first required field', () => {
    expect(registryFactOfRecord('AuditorRegistered', undefined)).toMatchObject({ field: 'auditorId' });
    expect(registryFactOfRecord('AuditorRegistered', ['auditor-1'])).toMatchObject({ field: 'auditorId' });
  });
});
