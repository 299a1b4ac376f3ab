import { parseEventType } from '@wildlife/contracts';
import type { JsonObject } from '@wildlife/provenance-log';
import {
  REGISTRY_FACT_TYPES,
  principal as registeredPrincipal,
  type Action,
  type RegistryFact,
  type RegistryFactType,
  type RegistryState,
  type ResourceTies,
} from '@wildlife/registry';

// A registry record is an event named after a registry fact (`<producer>.AgencyRegistered.v1`, …)
// whose data is that fact's fields (without `type`) beside its `provenance`.

type FieldKind = 'text' | 'key' | 'list';
const FACT_FIELDS: Readonly<Record<RegistryFactType, Readonly<Record<string, FieldKind>>>> = {
  AgencyRegistered: { agencyId: 'text', country: 'text', name: 'text', key: 'key', registeredBy: 'text', at: 'text' },
  AgencyAccredited: { agencyId: 'text', accreditationId: 'text', scope: 'list', validFrom: 'text', validUntil: 'text', by: 'text', at: 'text' },
  AccreditationSuspended: { agencyId: 'text', accreditationId: 'text', reason: 'text', by: 'text', at: 'text' },
  AccreditationReinstated: { agencyId: 'text', accreditationId: 'text', by: 'text', at: 'text' },
  AccreditationRevoked: { agencyId: 'text', accreditationId: 'text', reason: 'text', by: 'text', at: 'text' },
  KeyRotated: { principalId: 'text', newKey: 'key', retiredKeyId: 'text', by: 'text', at: 'text' },
  KeyRevoked: { principalId: 'text', keyId: 'text', reason: 'text', by: 'text', at: 'text' },
  ExternalSourceRegistered: { sourceId: 'text', name: 'text', key: 'key', by: 'text', at: 'text' },
  AuditorRegistered: { auditorId: 'text', name: 'text', key: 'key', by: 'text', at: 'text' },
};

/** The registry fact type a record type names, if it names one. */
export function registryFactTypeOf(recordType: string): RegistryFactType | undefined {
  let name: string;
  try {
    name = parseEventType(recordType).name;
  } catch {
    return undefined;
  }
  return (REGISTRY_FACT_TYPES as readonly string[]).includes(name) ? (name as RegistryFactType) : undefined;
}

/** The fact a registry record states, or the reason its data does not state one. */
export function registryFactOf(factType: RegistryFactType, data: JsonObject | undefined): RegistryFact | { problem: string } {
  for (const [name, kind] of Object.entries(FACT_FIELDS[factType])) {
    const value = data?.[name];
    const ok =
      kind === 'text'
        ? typeof value === 'string'
        : kind === 'list'
          ? Array.isArray(value) && value.every((item) => typeof item === 'string')
          : typeof value === 'object' && value !== null && typeof (value as JsonObject).keyId === 'string' && typeof (value as JsonObject).publicKey === 'string';
    if (!ok) return { problem: `the ${factType} record lacks a well-formed "${name}"` };
  }
  return { type: factType, ...data } as unknown as RegistryFact;
}

/** The principal a fact says made it (`registeredBy` or `by`). */
export function authorOf(fact: RegistryFact): string {
  return fact.type === 'AgencyRegistered' ? fact.registeredBy : fact.by;
}

/** The policy action a registry fact exercises and the resource it touches, for `authorize`. */
export function registryActOf(fact: RegistryFact, state: RegistryState): { action: Action; ties: ResourceTies } {
  const countryOf = (id: string) => registeredPrincipal(state, id)?.country;
  const tiesOf = (id: string): ResourceTies => {
    const country = countryOf(id);
    return { ownerId: id, ...(country !== undefined && { country }) };
  };
  switch (fact.type) {
    case 'AgencyRegistered':
      return { action: 'registry:register-agency', ties: { ownerId: fact.agencyId, country: fact.country } };
    case 'AgencyAccredited':
      return { action: 'registry:accredit-agency', ties: tiesOf(fact.agencyId) };
    case 'AccreditationSuspended':
      return { action: 'registry:suspend-accreditation', ties: tiesOf(fact.agencyId) };
    case 'AccreditationReinstated':
      return { action: 'registry:reinstate-accreditation', ties: tiesOf(fact.agencyId) };
    case 'AccreditationRevoked':
      return { action: 'registry:revoke-accreditation', ties: tiesOf(fact.agencyId) };
    case 'KeyRotated':
      return { action: 'registry:rotate-key', ties: tiesOf(fact.principalId) };
    case 'KeyRevoked':
      return { action: 'registry:revoke-key', ties: tiesOf(fact.principalId) };
    case 'ExternalSourceRegistered':
      return { action: 'registry:register-external-source', ties: { ownerId: fact.sourceId } };
    case 'AuditorRegistered':
      return { action: 'registry:register-auditor', ties: { ownerId: fact.auditorId } };
  }
}
