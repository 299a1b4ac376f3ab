import { REGISTRY_FACT_TYPES, type RegistryFact, type RegistryFactType } from './registry-facts.js';

// A registry record is a public event named after a registry fact (`<producer>.AgencyRegistered.v1`,
// …) whose data is that fact's fields, without `type`, beside the record's `provenance`. This is the
// one mapping between the two; it reads the type string itself so the registry stays independent of
// `@wildlife/contracts`.

type FieldKind = 'text' | 'key' | 'list';

/** The fields each fact must state, and their shape; optional fields (`note`, `compromisedSince`) are carried as given. */
const REQUIRED_FIELDS: { readonly [T in RegistryFactType]: Readonly<Record<string, FieldKind>> } = {
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

/** `<producer>.<Name>.v<N>`: a kebab-case producer, a PascalCase name, a version from 1. */
const RECORD_TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.([A-Z][A-Za-z0-9]*)\.v[1-9][0-9]*$/;

/**
 * A registry record whose data does not state its fact: `field` is missing or of the wrong shape.
 * Returned, never thrown; the message is the reason callers report.
 */
export class RegistryRecordIsMalformed extends Error {
  override readonly name = 'RegistryRecordIsMalformed' as const;

  constructor(
    readonly factType: RegistryFactType,
    readonly field: string,
  ) {
    super(`the ${factType} record lacks a well-formed "${field}"`);
  }
}

/** The fact type a record type `<producer>.<Name>.v<N>` names, whatever its producer and version; undefined for any other type. */
export function registryFactTypeOf(recordType: string): RegistryFactType | undefined {
  const name = RECORD_TYPE.exec(recordType)?.[1];
  return name !== undefined && (REGISTRY_FACT_TYPES as readonly string[]).includes(name) ? (name as RegistryFactType) : undefined;
}

/**
 * The fact a registry record of `factType` states, or why it states none. Checks every required
 * field's shape (text, list of texts, `{ keyId, publicKey }` key); not the values (ids, times, key
 * bytes), which `evolve` judges. The fact carries every field of `data` but `provenance`, with
 * `factType` as its `type` whatever `data` says. Pure; never throws.
 */
export function registryFactOfRecord(factType: RegistryFactType, data: unknown): RegistryFact | RegistryRecordIsMalformed {
  const fields: Readonly<Record<string, unknown>> = isObject(data) ? data : {};
  for (const [name, kind] of Object.entries(REQUIRED_FIELDS[factType])) {
    if (!hasKind(fields[name], kind)) return new RegistryRecordIsMalformed(factType, name);
  }
  const { provenance: _provenance, ...factFields } = fields;
  return { ...factFields, type: factType } as unknown as RegistryFact;
}

/** The data of the record stating `fact`, before its provenance: the fact's fields without `type`. Inverse of `registryFactOfRecord`. */
export function recordDataOfFact(fact: RegistryFact): Record<string, unknown> {
  const { type: _type, ...fields } = fact;
  return fields;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'key':
      return isObject(value) && typeof value.keyId === 'string' && typeof value.publicKey === 'string';
  }
}
