import type { CloudEvent, RecordProvenance, RegistryEventType } from '@wildlife/contracts';
import { recordDataOfFact, RegistryRecordIsMalformed, registryFactOfRecord, type RegistryFact, type RegistryFactType } from '@wildlife/registry';

// The bridge between the registry's facts (`@wildlife/registry`) and their public events
// (`@wildlife/contracts`): which event type states which fact. The data mapping (the fact's fields
// without `type`, plus `provenance`) is the registry's own `registryFactOfRecord` / `recordDataOfFact`.

/** The public event type of each kind of registry fact. */
export const REGISTRY_EVENT_TYPES: { readonly [T in RegistryFactType]: RegistryEventType } = {
  AgencyRegistered: 'ncb-endorsement.AgencyRegistered.v1',
  AgencyAccredited: 'ncb-endorsement.AgencyAccredited.v1',
  AccreditationSuspended: 'ncb-endorsement.AccreditationSuspended.v1',
  AccreditationReinstated: 'ncb-endorsement.AccreditationReinstated.v1',
  AccreditationRevoked: 'ncb-endorsement.AccreditationRevoked.v1',
  KeyRotated: 'ncb-endorsement.KeyRotated.v1',
  KeyRevoked: 'ncb-endorsement.KeyRevoked.v1',
  ExternalSourceRegistered: 'ncb-endorsement.ExternalSourceRegistered.v1',
  AuditorRegistered: 'ncb-endorsement.AuditorRegistered.v1',
};

const FACT_TYPES_BY_EVENT_TYPE = new Map<string, RegistryFactType>(
  Object.entries(REGISTRY_EVENT_TYPES).map(([factType, eventType]) => [eventType, factType as RegistryFactType]),
);

/**
 * The fact a registry event states, or undefined for an event of another type. Expects an event
 * `contracts.decodeEvent` validated (the pipeline's reactions receive only such events): its schema
 * requires every field the fact needs, so a validated event always states its fact; data that does
 * not is ignored like an event of another type.
 */
export function registryFactOf(event: CloudEvent<unknown>): RegistryFact | undefined {
  const type = FACT_TYPES_BY_EVENT_TYPE.get(event.type);
  if (type === undefined) return undefined;
  const fact = registryFactOfRecord(type, event.data);
  return fact instanceof RegistryRecordIsMalformed ? undefined : fact;
}

/** The data of the public event stating `fact`, signed as `provenance` says. */
export function registryEventDataOf(fact: RegistryFact, provenance: RecordProvenance): Record<string, unknown> {
  return { ...recordDataOfFact(fact), provenance };
}
