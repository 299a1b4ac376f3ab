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
import { eventNameOf } from './record-fields.js';

// A registry record is a record whose type names a registry fact (`<producer>.AgencyRegistered.v1`,
// …) and whose data is that fact's fields, without `type` (ENTRY-FORMAT.md, "How an auditor
// replays the classification").

type FieldKind = 'text' | 'key' | 'list';

const REQUIRED_FIELDS: Readonly<Record<RegistryFactType, Readonly<Record<string, FieldKind>>>> = {
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

/** The registry fact a record type names, if it names one. */
export function registryFactTypeOf(recordType: string): RegistryFactType | undefined {
  const name = eventNameOf(recordType)?.name;
  return name !== undefined && (REGISTRY_FACT_TYPES as readonly string[]).includes(name) ? (name as RegistryFactType) : undefined;
}

/** The fact a registry record's data states, or why it states none (a required field missing or of the wrong type). */
export function registryFactOf(factType: RegistryFactType, data: JsonObject | undefined): RegistryFact | { readonly problem: string } {
  for (const [name, kind] of Object.entries(REQUIRED_FIELDS[factType])) {
    if (!hasKind(data?.[name], kind)) return { problem: `the ${factType} record lacks a well-formed "${name}"` };
  }
  return { type: factType, ...data } as unknown as RegistryFact;
}

function hasKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'key': {
      const key = value as { keyId?: unknown; publicKey?: unknown } | null;
      return typeof key === 'object' && key !== null && typeof key.keyId === 'string' && typeof key.publicKey === 'string';
    }
  }
}

/** The principal the fact names as the one who made it. */
export function authorOf(fact: RegistryFact): string {
  return fact.type === 'AgencyRegistered' ? fact.registeredBy : fact.by;
}

/** The policy action a fact exercises and the resource it touches, for `authorize`. */
export function registryActOf(fact: RegistryFact, state: RegistryState): { readonly action: Action; readonly ties: ResourceTies } {
  const tiesOf = (id: string): ResourceTies => {
    const country = registeredPrincipal(state, id)?.country;
    return country === undefined ? { ownerId: id } : { ownerId: id, country };
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
