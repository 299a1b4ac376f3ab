import { describe, expect, it } from '@jest/globals';
import {
  KEY_REVOCATION_REASON_CODES,
  registryContracts,
  registryEventExamples,
  requestDeclinedV1Example,
  type RecordProvenance,
} from '@wildlife/contracts';
import { evolveAll, KEY_REVOCATION_REASONS, REGISTRY_FACT_TYPES, registryFromTrustRoots } from '@wildlife/registry';
import { exportPublicKey, generateSigningKeyPair } from '@wildlife/signatures';
import { REGISTRY_EVENT_TYPES, registryEventDataOf, registryFactOf } from './registry-fact-events.js';

describe('registry facts as public events', () => {
  it('give every kind of fact its own registry event type', () => {
    expect(Object.keys(REGISTRY_EVENT_TYPES).sort()).toEqual([...REGISTRY_FACT_TYPES].sort());
    expect(Object.values(REGISTRY_EVENT_TYPES).sort()).toEqual(registryContracts.map((contract) => contract.type).sort());
  });

  it('share the key revocation reasons of the registry', () => {
    expect([...KEY_REVOCATION_REASON_CODES]).toEqual([...KEY_REVOCATION_REASONS]);
  });

  it.each(registryEventExamples.map((event) => [event.type, event] as const))('read %s back as the fact it states, and write it again unchanged', (_type, event) => {
    const fact = registryFactOf(event);

    expect(fact).toBeDefined();
    expect(REGISTRY_EVENT_TYPES[fact!.type]).toBe(event.type);
    const { provenance } = event.data as { provenance: RecordProvenance };
    expect(registryEventDataOf(fact!, provenance)).toEqual(event.data);
  });

  it('state facts the registry applies: the examples, one agency’s life, all apply over the trust roots', () => {
    const origin = registryFromTrustRoots({
      version: 1,
      generalSecretariat: { principalId: 'gs', keys: [{ keyId: 'gs-2025-01', publicKey: exportPublicKey(generateSigningKeyPair().publicKey) }] },
      ncbs: [{ country: 'FR', principalId: 'ncb-fr', keys: [{ keyId: 'ncb-fr-2025-01', publicKey: exportPublicKey(generateSigningKeyPair().publicKey) }] }],
    });

    const state = evolveAll(origin, registryEventExamples.map((event) => registryFactOf(event)!));

    expect(state.inapplicable).toEqual([]);
    expect([...state.principals.keys()].sort()).toEqual(['auditor-1', 'fr-ofb', 'gs', 'ncb-fr', 'ngo-traffic-watch']);
  });

  it('ignore an event that states no registry fact', () => {
    expect(registryFactOf(requestDeclinedV1Example)).toBeUndefined();
  });
});
