import { contracts, createEvent, REGISTRY_MESSAGE_KEY, topics, type CloudEvent } from '@wildlife/contracts';
import type { OutboxMessage } from '@wildlife/event-store';
import type { RegistryFact } from '@wildlife/registry';
import { outboxMessageFor, REGISTRY_EVENT_TYPES, registryEventDataOf } from '@wildlife/service-kit';
import type { SignedRegistryFact } from '../stream/stored-registry-fact.js';

const SOURCE = '/wildlife/ncb-endorsement';

/**
 * The Kafka key of every registry fact (`REGISTRY_MESSAGE_KEY` of contracts, which the AsyncAPI
 * document states): one key for them all, so that they stay on one partition, in the order they were
 * recorded, even on a registry topic created with several partitions. Facts about different
 * principals depend on one another (an agency registered with the NCB key a rotation introduced): a
 * consumer that read them out of order (provenance classifying the registration before the rotation)
 * would judge them against the wrong registry.
 */
export { REGISTRY_MESSAGE_KEY };

/** The principal a fact is about: the public event's subject. */
export function subjectOf(fact: RegistryFact): string {
  switch (fact.type) {
    case 'AgencyRegistered':
    case 'AgencyAccredited':
    case 'AccreditationSuspended':
    case 'AccreditationReinstated':
    case 'AccreditationRevoked':
      return fact.agencyId;
    case 'KeyRotated':
    case 'KeyRevoked':
      return fact.principalId;
    case 'ExternalSourceRegistered':
      return fact.sourceId;
    case 'AuditorRegistered':
      return fact.auditorId;
  }
}

/**
 * The public event announcing a registry fact: it takes the stream event's id (a retried append
 * publishes the same id), the fact's time, and the signer as its principal. Throws
 * EventSchemaViolation rather than publish what its contract refuses.
 */
export function registryPublicEventOf(signed: SignedRegistryFact, eventId: string): CloudEvent {
  const subject = subjectOf(signed.fact);
  return createEvent(contracts.contractFor(REGISTRY_EVENT_TYPES[signed.fact.type]), registryEventDataOf(signed.fact, signed.provenance), {
    id: eventId,
    source: SOURCE,
    subject,
    time: signed.fact.at,
    correlationId: subject,
    principal: signed.provenance.principal,
  });
}

/** The outbox row of that event on `wildlife.registry.events` (with the service's topic prefix), keyed `REGISTRY_MESSAGE_KEY`. */
export function registryOutboxMessage(signed: SignedRegistryFact, eventId: string, topicPrefix: string): OutboxMessage {
  return { ...outboxMessageFor(registryPublicEventOf(signed, eventId), topicPrefix + topics.registryEvents.name), key: REGISTRY_MESSAGE_KEY };
}
