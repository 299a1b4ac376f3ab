import { EVENT_ATTRIBUTE_NAMES, REQUIRED_EVENT_ATTRIBUTES } from '../envelope/cloud-event.js';
import { cloudEventAttributesSchema } from '../envelope/cloud-event.schema.js';
import { contracts } from '../events/public-contracts.js';
import type { ContractRegistry } from '../registry/contract-registry.js';
import type { EventContract } from '../registry/event-contract.js';
import type { JsonSchema } from '../schema/json-schema.js';
import type { TopicDefinition } from '../topics/topic-definition.js';
import { deadLetterTopicDefinition, ncbTopicDefinition } from '../topics/topic-names.js';
import { topics } from '../topics/topics.js';

export type AsyncApiDocument = { readonly [field: string]: unknown };

const KAFKA_BINDING_VERSION = '0.5.0';
// AsyncAPI 3.0 lists JSON Schema draft-07 only; it allows custom formats, and our schemas are
// draft 2020-12 (`$defs`, `dependentSchemas`), so they are declared as such rather than mislabelled.
const PAYLOAD_SCHEMA_FORMAT = 'application/schema+json;version=2020-12';

interface ChannelSpec {
  readonly id: string;
  readonly topic: TopicDefinition;
  readonly address: string;
  readonly description?: string;
  readonly parameters?: Record<string, { description: string }>;
}

/**
 * The AsyncAPI 3.0 document of every topic and public event, derived from the registry and the
 * topic definitions so it cannot drift from them. Messages are CloudEvents in Kafka binary mode:
 * attributes in `ce_*` headers, data as the JSON value, the case id as the key.
 */
export function buildAsyncApiDocument(registry: ContractRegistry<object> = contracts): AsyncApiDocument {
  const channels: ChannelSpec[] = [
    ...Object.entries(topics).map(([id, topic]) => ({ id, topic, address: topic.name })),
    {
      id: 'ncbInbox',
      topic: ncbTopicDefinition('xx'),
      address: 'wildlife.ncb.{countryCode}.inbox',
      description: 'What one NCB must receive: copies, requests to act on, intelligence to route. One topic per NCB.',
      parameters: { countryCode: { description: 'ISO 3166-1 alpha-2 code of the NCB, lower case.' } },
    },
    {
      id: 'deadLetters',
      topic: deadLetterTopicDefinition('group'),
      address: 'wildlife.dlq.{consumerGroup}',
      description: 'Messages one consumer group could never process (undecodable or refused), kept for inspection and replay.',
      parameters: { consumerGroup: { description: 'The consumer group that could not process the messages.' } },
    },
  ];
  const messagesOf = (channel: ChannelSpec) => registry.list().filter((contract) => contract.topic === channel.address);
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Wildlife cybercrime support: topics and public events',
      version: '1.0.0',
      description:
        'Every message is a CloudEvent 1.0 in the Kafka protocol binding, binary mode: context attributes in ' +
        '`ce_<attribute>` headers, `content-type: application/json`, the event data as the JSON value, and the ' +
        'case id (the `subject` attribute) as the key, so that one case keeps its order on one partition. ' +
        'An event type reads `<producer>.<EventName>.v<N>`; a version once published stays readable.',
    },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(channels.map((channel) => [channel.id, channelObject(channel, messagesOf(channel))])),
    operations: Object.fromEntries(
      channels
        .filter((channel) => messagesOf(channel).length > 0)
        .map((channel) => [`send${channel.id[0]!.toUpperCase()}${channel.id.slice(1)}`, sendOperation(channel, messagesOf(channel))]),
    ),
    components: {
      messages: Object.fromEntries(registry.list().map((contract) => [contract.type, messageObject(contract)])),
    },
  };
}

function channelObject(channel: ChannelSpec, contracts: readonly EventContract[]): AsyncApiDocument {
  return {
    address: channel.address,
    description: channel.description ?? channel.topic.description,
    ...(channel.parameters && { parameters: channel.parameters }),
    messages: Object.fromEntries(contracts.map((contract) => [contract.type, { $ref: `#/components/messages/${contract.type}` }])),
    bindings: {
      kafka: {
        partitions: channel.topic.partitions,
        topicConfiguration: {
          'cleanup.policy': [channel.topic.cleanupPolicy ?? 'delete'],
          'retention.ms': channel.topic.retentionMs,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function sendOperation(channel: ChannelSpec, contracts: readonly EventContract[]): AsyncApiDocument {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${channel.id}` },
    messages: contracts.map((contract) => ({ $ref: `#/channels/${channel.id}/messages/${contract.type}` })),
  };
}

function messageObject(contract: EventContract): AsyncApiDocument {
  return {
    name: contract.type,
    title: contract.name,
    summary: contract.summary,
    contentType: 'application/json',
    headers: ceHeadersSchema(contract),
    payload: { schemaFormat: PAYLOAD_SCHEMA_FORMAT, schema: contract.schema },
    correlationId: { location: '$message.header#/ce_correlationid' },
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The case id, equal to the ce_subject header.' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function ceHeadersSchema(contract: EventContract): JsonSchema {
  const attributeSchemas = cloudEventAttributesSchema.properties as Record<string, JsonSchema>;
  const headerOf = (attribute: string) => (attribute === 'datacontenttype' ? 'content-type' : `ce_${attribute}`);
  const fixed: Record<string, JsonSchema> = { type: { const: contract.type }, dataschema: { const: contract.dataschema } };
  return {
    type: 'object',
    required: REQUIRED_EVENT_ATTRIBUTES.map(headerOf),
    properties: Object.fromEntries(
      EVENT_ATTRIBUTE_NAMES.map((attribute) => [headerOf(attribute), fixed[attribute] ?? attributeSchemas[attribute]]),
    ),
  };
}
