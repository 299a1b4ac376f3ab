import type { CloudEvent, RecordProvenance, RegistryEventType } from '@wildlife/contracts';
import type { RegistryFact, RegistryFactType } from '@wildlife/registry';

// The bridge between the registry's facts (`@wildlife/registry`) and their public events
// (`@wildlife/contracts`): an event's data is the fact's fields without `type`, plus `provenance`.

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
 * `contracts.decodeEvent` validated (the pipeline's reactions receive only such events).
 */
export function registryFactOf(event: CloudEvent<unknown>): RegistryFact | undefined {
  const type = FACT_TYPES_BY_EVENT_TYPE.get(event.type);
  if (type === undefined) return undefined;
  const { provenance: _provenance, ...fields } = event.data as Record<string, unknown>;
  return { ...fields, type } as RegistryFact;
}

/** The data of the public event stating `fact`, signed as `provenance` says. */
export function registryEventDataOf(fact: RegistryFact, provenance: RecordProvenance): Record<string, unknown> {
  const { type: _type, ...fields } = fact;
  return { ...fields, provenance };
}
