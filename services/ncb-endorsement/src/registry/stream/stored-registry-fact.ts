import type { RecordProvenance } from '@wildlife/contracts';
import type { EventMetadata, NewEvent, RecordedEvent } from '@wildlife/event-store';
import type { RegistryFact } from '@wildlife/registry';
import { registryEventDataOf } from '@wildlife/service-kit';

// How the facts of the `registry` stream are stored: the fact's type as the row's type, and as data
// exactly the public event's data (the fact's fields and the signed call's provenance), so the
// stream itself keeps the evidence of who decided each fact. Schema version 1 for every type.

const SCHEMA_VERSION = 1;

/** A fact decided on a signed call, with what is needed to re-verify that call later. */
export interface SignedRegistryFact {
  readonly fact: RegistryFact;
  readonly provenance: RecordProvenance;
}

export function toStoredFact({ fact, provenance }: SignedRegistryFact, eventId: string, metadata: EventMetadata): NewEvent {
  return { eventId, type: fact.type, schemaVersion: SCHEMA_VERSION, data: registryEventDataOf(fact, provenance), metadata };
}

/** The fact a row of the `registry` stream holds. */
export function factOfStored(recorded: RecordedEvent): RegistryFact {
  const { provenance: _provenance, ...fields } = recorded.data as Record<string, unknown>;
  return { ...fields, type: recorded.type } as RegistryFact;
}

