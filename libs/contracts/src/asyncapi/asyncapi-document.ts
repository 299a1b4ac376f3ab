import { EVENT_ATTRIBUTE_NAMES, REQUIRED_EVENT_ATTRIBUTES } from '../envelope/cloud-event.js';
import { cloudEventAttributesSchema } from '../envelope/cloud-event.schema.js';
import { contracts } from '../events/public-contracts.js';
import type { ContractRegistry } from '../registry/contract-registry.js';
import type { EventContract } from '../registry/event-contract.js';
import type { JsonSchema } from '../schema/json-schema.js';
import type { TopicDefinition } from '../topics/topic-definition.js';
import { deadLetterTopicDefinition, ncbTopicDefinition } from '../topics/topic-names.js';
import { REGISTRY_MESSAGE_KEY, topics, type StaticTopicId } from '../topics/topics.js';

export type AsyncApiDocument = { readonly [field: string]: unknown };

const KAFKA_BINDING_VERSION = '0.5.0';
// AsyncAPI 3.0 lists JSON Schema draft-07 only; it allows custom formats, and our schemas are
// draft 2020-12 (`$defs`, `dependentSchemas`), so they are declared as such rather than mislabelled.
const PAYLOAD_SCHEMA_FORMAT = 'application/schema+json;version=2020-12';

/** What the Kafka key of a channel's CloudEvents holds. */
interface KeySpec {
  readonly description: string;
  /** The one key every message of the channel carries. */
  readonly const?: string;
}

interface ChannelSpec {
  readonly id: string;
  readonly topic: TopicDefinition;
  readonly address: string;
  readonly description?: string;
  readonly parameters?: Record<string, AsyncApiDocument>;
  /** The key of the channel's CloudEvents (its public contracts). */
  readonly key?: KeySpec;
  /** Messages that are not CloudEvents of the registry, by component name. */
  readonly messages?: Record<string, AsyncApiDocument>;
  /** Declared in code but created and produced by no service yet. */
  readonly reserved?: boolean;
}

const CASE_KEY: KeySpec = { description: 'The case id (the support request id), equal to the ce_subject header.' };

/** How each static topic's CloudEvents are keyed; a topic with none of them needs no entry. */
const KEYS: Partial<Record<StaticTopicId, KeySpec>> = {
  requestIntakeEvents: {
    description:
      'The case id, equal to the ce_subject header: the support request id; for external information, the request it relates to, or else the information id.',
  },
  ncbEndorsementEvents: CASE_KEY,
  provenanceEvents: {
    description:
      'Equal to the ce_subject header, the subject of the record the outcome is about: the case id for a case record, the principal id for a registry record.',
  },
  registryEvents: {
    const: REGISTRY_MESSAGE_KEY,
    description: `Always \`${REGISTRY_MESSAGE_KEY}\`, whatever principal the fact is about (the ce_subject header names it): all facts share one key, so they stay on one partition in the order they were recorded, even on a topic created with more.`,
  },
};

/**
 * Topics declared in code that no service creates or produces to yet: the notification and
 * intelligence-dissemination services are placeholders, and nothing routes copies to the GS or an NCB
 * inbox. Kept in the document, marked `x-status: reserved`, as the planned interface.
 */
const RESERVED: ReadonlySet<string> = new Set(['disseminationEvents', 'notificationEvents', 'gsInbox', 'ncbInbox']);

/**
 * The consumer groups that may dead-letter, so the dead-letter topics that exist: every service's
 * registry projection (`<service>.registry`, the kit's reaction), the reactions services declare, and
 * provenance's two record feeds.
 */
export const DEAD_LETTER_CONSUMER_GROUPS: readonly string[] = [
  ...['request-intake', 'ncb-endorsement', 'provenance', 'intelligence-dissemination', 'notification'].map((service) => `${service}.registry`),
  'request-intake.support-request-status',
  'ncb-endorsement.support-requests-submitted',
  'ncb-endorsement.provenance-rejections',
  'provenance.records',
  'provenance.registry-records',
];

const LOG_ENTRY_MESSAGE = 'provenance.LogEntry';
const DEAD_LETTER_MESSAGE = 'DeadLetter';
/** `dlq-detail` is cut to this many characters. */
const DEAD_LETTER_DETAIL_LIMIT = 2_000;

/**
 * The AsyncAPI 3.0 document of every topic and public event, derived from the registry and the
 * topic definitions so it cannot drift from them. Public events are CloudEvents in Kafka binary mode
 * (attributes in `ce_*` headers, data as the JSON value), keyed as each channel says; the provenance
 * log and the dead letters carry messages of their own.
 */
export function buildAsyncApiDocument(registry: ContractRegistry<object> = contracts): AsyncApiDocument {
  const channels: ChannelSpec[] = [
    ...Object.entries(topics).map(([id, topic]) => ({
      id,
      topic,
      address: topic.name,
      key: KEYS[id as StaticTopicId],
      reserved: RESERVED.has(id),
      ...(id === 'provenanceLog' && { messages: { [LOG_ENTRY_MESSAGE]: logEntryMessage() } }),
    })),
    {
      id: 'ncbInbox',
      topic: ncbTopicDefinition('xx'),
      address: 'wildlife.ncb.{countryCode}.inbox',
      description: 'What one NCB must receive: copies, requests to act on, intelligence to route. One topic per NCB.',
      parameters: { countryCode: { description: 'ISO 3166-1 alpha-2 code of the NCB, lower case.' } },
      reserved: RESERVED.has('ncbInbox'),
    },
    {
      id: 'deadLetters',
      topic: deadLetterTopicDefinition('group'),
      address: 'wildlife.dlq.{consumerGroup}',
      description:
        'Messages one consumer group could never process (undecodable or refused), kept for inspection and replay: one topic per ' +
        'consumer group `<service>.<reaction>`, created by the service that owns the group.',
      parameters: {
        consumerGroup: {
          description: 'The consumer group that could not process the messages, `<service>.<reaction>` (without the topic prefix).',
          enum: [...DEAD_LETTER_CONSUMER_GROUPS],
        },
      },
      messages: { [DEAD_LETTER_MESSAGE]: deadLetterMessage() },
    },
  ];
  const contractsOf = (channel: ChannelSpec) => registry.list().filter((contract) => contract.topic === channel.address);
  const messageNamesOf = (channel: ChannelSpec) => [...contractsOf(channel).map((contract) => contract.type), ...Object.keys(channel.messages ?? {})];
  const keyOf = (contract: EventContract): KeySpec => channels.find((channel) => channel.address === contract.topic)?.key ?? CASE_KEY;
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Wildlife cybercrime support: topics and public events',
      version: '1.0.0',
      description:
        'Every public event is a CloudEvent 1.0 in the Kafka protocol binding, binary mode: context attributes in ' +
        '`ce_<attribute>` headers, `content-type: application/json`, the event data as the JSON value. Its key is ' +
        'given per channel: the case id (the `subject` attribute) on the case topics, so that one case keeps its order ' +
        `on one partition; the constant \`${REGISTRY_MESSAGE_KEY}\` on the registry topic (one partition, the facts in ` +
        'the order they were recorded); on the provenance outcomes, the subject of the record (a principal id for a ' +
        'registry record). An event type reads `<producer>.<EventName>.v<N>`; a version once published stays readable. ' +
        'Two channels carry other messages: the provenance log (each entry\'s exact leaf bytes, keyed by its sequence, on ' +
        'partition 0) and the dead letters (the original message with `dlq-*` headers). Channels marked ' +
        '`x-status: reserved` are declared but not yet created or produced to by any service.',
    },
    defaultContentType: 'application/json',
    channels: Object.fromEntries(channels.map((channel) => [channel.id, channelObject(channel, messageNamesOf(channel))])),
    operations: Object.fromEntries(
      channels
        .filter((channel) => messageNamesOf(channel).length > 0)
        .map((channel) => [`send${channel.id[0]!.toUpperCase()}${channel.id.slice(1)}`, sendOperation(channel, messageNamesOf(channel))]),
    ),
    components: {
      messages: {
        ...Object.fromEntries(registry.list().map((contract) => [contract.type, messageObject(contract, keyOf(contract))])),
        ...Object.fromEntries(channels.flatMap((channel) => Object.entries(channel.messages ?? {}))),
      },
    },
  };
}

function channelObject(channel: ChannelSpec, messageNames: readonly string[]): AsyncApiDocument {
  const description = channel.description ?? channel.topic.description;
  return {
    address: channel.address,
    description: channel.reserved ? `Reserved: declared, but no service creates this topic or produces to it yet. ${description}` : description,
    ...(channel.reserved && { 'x-status': 'reserved' }),
    ...(channel.parameters && { parameters: channel.parameters }),
    messages: Object.fromEntries(messageNames.map((name) => [name, { $ref: `#/components/messages/${name}` }])),
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

function sendOperation(channel: ChannelSpec, messageNames: readonly string[]): AsyncApiDocument {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${channel.id}` },
    messages: messageNames.map((name) => ({ $ref: `#/channels/${channel.id}/messages/${name}` })),
  };
}

function messageObject(contract: EventContract, key: KeySpec): AsyncApiDocument {
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
        key: { type: 'string', ...(key.const !== undefined && { const: key.const }), description: key.description },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/** An entry of the provenance log as provenance publishes it (`LogPublisher`): not a CloudEvent. */
function logEntryMessage(): AsyncApiDocument {
  return {
    name: LOG_ENTRY_MESSAGE,
    title: 'Provenance log entry',
    summary: 'One entry of the append-only provenance log, as its exact leaf bytes, in sequence order. Not a CloudEvent.',
    description:
      'The value is the entry\'s leaf bytes: the RFC 8785 (JCS) canonical JSON, in UTF-8, of a log entry of version 1, ' +
      'byte for byte as the log hashed it (SHA-256(0x00 ‖ leaf bytes) is the Merkle leaf hash). Its fields are defined in ' +
      '`libs/provenance-log/src/entry/ENTRY-FORMAT.md`; `parseEntry` of `@wildlife/provenance-log` accepts only such bytes. ' +
      'Every entry goes to partition 0, so the topic replays in log order; delivery is at least once, so a consumer keeps ' +
      'the first message of each sequence.',
    contentType: 'application/json',
    headers: {
      type: 'object',
      required: ['log-sequence', 'log-leaf-hash', 'log-origin'],
      properties: {
        'log-sequence': { type: 'string', pattern: '^(0|[1-9][0-9]*)$', description: 'The entry\'s sequence (its leaf index), in decimal.' },
        'log-leaf-hash': { type: 'string', contentEncoding: 'base64', description: 'The entry\'s Merkle leaf hash, SHA-256(0x00 ‖ value), in base64.' },
        'log-origin': { type: 'string', description: 'The origin of the log, as its checkpoints name it.' },
      },
    },
    payload: {
      type: 'object',
      description: 'A provenance log entry, version 1, in RFC 8785 canonical JSON: see libs/provenance-log/src/entry/ENTRY-FORMAT.md.',
      required: ['v', 'sequence', 'time', 'record', 'source', 'classification', 'reason', 'evidence'],
      properties: { v: { const: 1 }, sequence: { type: 'integer', minimum: 0 } },
    },
    bindings: {
      kafka: {
        key: { type: 'string', pattern: '^(0|[1-9][0-9]*)$', description: 'The entry\'s sequence in decimal, equal to the log-sequence header.' },
        'x-partition': 0,
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/** What a consumer parks on its dead-letter topic (`deadLetterMessage` of `@wildlife/messaging`). */
function deadLetterMessage(): AsyncApiDocument {
  const header = (description: string, schema: JsonSchema = {}): JsonSchema => ({ type: 'string', ...schema, description });
  return {
    name: DEAD_LETTER_MESSAGE,
    title: 'Dead letter',
    summary: 'A message its consumer group could never process: the original key, value and headers unchanged, plus `dlq-*` headers.',
    description:
      'Replayable as it was: the key, the value and every original header (the `ce_*` headers of a CloudEvent) are kept ' +
      'unchanged, and the `dlq-*` headers say where the message came from and why it failed.',
    headers: {
      type: 'object',
      description: 'The original message\'s headers, plus these.',
      required: [
        'dlq-original-topic',
        'dlq-original-partition',
        'dlq-original-offset',
        'dlq-reason',
        'dlq-detail',
        'dlq-consumer-group',
        'dlq-failed-at',
      ],
      properties: {
        'dlq-original-topic': header('The topic the message was consumed from (with the topic prefix).'),
        'dlq-original-partition': header('Its partition, in decimal.', { pattern: '^[0-9]+$' }),
        'dlq-original-offset': header('Its offset, in decimal.', { pattern: '^[0-9]+$' }),
        'dlq-original-key': header('Its key; absent when it had none.'),
        'dlq-reason': header('Why it failed: the class name of the error (e.g. EventSchemaViolation).'),
        'dlq-detail': header(`The error's message, cut to ${DEAD_LETTER_DETAIL_LIMIT} characters.`, { maxLength: DEAD_LETTER_DETAIL_LIMIT }),
        'dlq-consumer-group': header('The consumer group that could not process it.'),
        'dlq-failed-at': header('When it was dead-lettered, RFC 3339 UTC.', { format: 'date-time' }),
      },
      additionalProperties: true,
    },
    payload: { description: 'The original value, byte for byte (for a public event, its CloudEvent data as JSON; possibly not JSON at all).' },
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The original key, unchanged (absent when it had none).' },
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
