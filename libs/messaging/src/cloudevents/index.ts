// CloudEvents 1.0 over Kafka, binary content mode: the one codec between our events and Kafka
// messages. Decoding errors are permanent (UndecodableCloudEvent): dead-letter, do not retry.
export { fromKafkaMessage } from './from-kafka-message.js';
export type { IncomingHeaderValue, IncomingKafkaMessage, OutgoingKafkaMessage } from './kafka-message.js';
export { toKafkaHeaders, toKafkaMessage } from './to-kafka-message.js';
export {
  CloudEventAttributeIsInvalid,
  CloudEventAttributeIsMissing,
  CloudEventContentTypeIsUnsupported,
  CloudEventSpecVersionIsUnsupported,
  CloudEventValueHoldsUnstorableText,
  CloudEventValueIsNestedTooDeeply,
  CloudEventValueIsNotJson,
  UndecodableCloudEvent,
} from './undecodable-cloud-event.errors.js';
