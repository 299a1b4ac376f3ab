// @wildlife/contracts: the public contract between services. The CloudEvents envelope, one
// contract (type, JSON Schema, topic, upcaster) per public event and version, the topics, and the
// registry that validates and upcasts what consumers read. Depends on nothing but ajv.

export type { CloudEvent, CloudEventAttributes, CloudEventAttributeName } from './envelope/cloud-event.js';
export { EVENT_ATTRIBUTE_NAMES, REQUIRED_EVENT_ATTRIBUTES } from './envelope/cloud-event.js';
export { cloudEventAttributesSchema } from './envelope/cloud-event.schema.js';
export { createEvent, EventPrincipalDisagreesWithProvenance, type EventAttributesInput } from './envelope/create-event.js';
export {
  assertValidEventAttributes,
  eventAttributeViolations,
  EventAttributesAreInvalid,
} from './envelope/event-attributes.validation.js';
export {
  dataschemaFor,
  EVENT_TYPE_PATTERN,
  EventTypeIsMalformed,
  parseEventType,
  type EventTypeName,
  type EventTypeParts,
} from './envelope/event-type.js';
export { PRINCIPAL_KINDS, type Principal, type PrincipalKind } from './envelope/principal.js';

export type { JsonSchema } from './schema/json-schema.js';
export { MAX_ID_LENGTH } from './schema/schema-fragments.js';
export type { SchemaViolation } from './schema/schema-violation.js';
export { isUnstorableText, unstorableTextIn, type UnstorableText } from './schema/unstorable-text.js';
export { MAX_JSON_NESTING, tooDeeplyNestedAt } from './schema/json-nesting.js';
export { isRecordableInstant, recordableInstantMillis, recordableInstantProblem } from './schema/recordable-instant.js';

export { ContractRegistry } from './registry/contract-registry.js';
export {
  ContractIsAlreadyRegistered,
  EventSchemaViolation,
  UnknownEventType,
  UpcastBrokeTheNextContract,
  UpcastChainIsBroken,
} from './registry/contract-registry.errors.js';
export { defineContract, type EventContract, type EventContractDefinition } from './registry/event-contract.js';

export {
  DEFAULT_PARTITIONS,
  RETAIN_FOREVER,
  type TopicDefinition,
} from './topics/topic-definition.js';
export {
  ConsumerGroupCannotNameATopic,
  CountryCodeIsInvalid,
  deadLetterTopic,
  deadLetterTopicDefinition,
  ncbTopic,
  ncbTopicDefinition,
} from './topics/topic-names.js';
export { REGISTRY_MESSAGE_KEY, staticTopics, topics, type StaticTopicId } from './topics/topics.js';

export { contracts, publicContracts, type DecodedPublicEventData, type PublicEventType } from './events/public-contracts.js';
export type { RecordProvenance } from './events/shared/record-provenance.js';
export { recordProvenanceViolations } from './events/shared/record-provenance.validation.js';
export type {
  AgencyReference,
  CitesAppendix,
  EvidenceReference,
  NcbReference,
  PlatformConcerned,
  SpeciesConcerned,
} from './events/shared/case-facts.js';
export * from './events/request-intake/support-request-submitted.v1.js';
export * from './events/request-intake/external-information-received.v1.js';
export * from './events/ncb-endorsement/request-acknowledged.v1.js';
export * from './events/ncb-endorsement/request-endorsed.v1.js';
export * from './events/ncb-endorsement/request-declined.v1.js';
export * from './events/ncb-endorsement/direct-contact-permit-issued.v1.js';
export * from './events/ncb-endorsement/direct-contact-permit-revoked.v1.js';
export * from './events/ncb-endorsement/decision-set-aside.v1.js';
export * from './events/provenance/record-verified.v1.js';
export * from './events/provenance/record-rejected.v1.js';
export * from './events/registry/agency-registered.v1.js';
export * from './events/registry/agency-accredited.v1.js';
export * from './events/registry/accreditation-suspended.v1.js';
export * from './events/registry/accreditation-reinstated.v1.js';
export * from './events/registry/accreditation-revoked.v1.js';
export * from './events/registry/key-rotated.v1.js';
export * from './events/registry/key-revoked.v1.js';
export * from './events/registry/external-source-registered.v1.js';
export * from './events/registry/auditor-registered.v1.js';
export { registryContracts, type DecodedRegistryEventData, type RegistryEventType } from './events/registry/registry-contracts.js';
export type { RegistryPublicKey } from './events/registry/registry-fields.js';
export * from './events/public-examples.js';

export { buildAsyncApiDocument, DEAD_LETTER_CONSUMER_GROUPS, type AsyncApiDocument } from './asyncapi/asyncapi-document.js';
