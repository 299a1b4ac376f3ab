import { createHash } from 'node:crypto';
import { EVENT_TYPE_PATTERN, type ContractRegistry } from '@wildlife/contracts';
import { fromKafkaMessage, UndecodableCloudEvent, type IncomingKafkaMessage } from '@wildlife/messaging';
import type { JsonObject } from '@wildlife/provenance-log';
import type { ReceivedRecord } from './received-record.js';

const eventType = new RegExp(EVENT_TYPE_PATTERN);
const MAX_VIOLATIONS_REPORTED = 5;
/** The envelope's `type` is at most 200 characters (cloudEventAttributesSchema). */
const MAX_EVENT_TYPE_LENGTH = 200;

/**
 * Reads a consumed message as a record. Never throws for anything about the message: a message that
 * is not a CloudEvent is `unparsed`; an event of a known contract is checked against that contract
 * (its own version; data is logged as sent, never upcast); an event of a known contract without
 * `provenance` in its schema is `not-a-record`; any other event must carry `data.provenance`.
 */
export function readReceivedRecord(message: IncomingKafkaMessage, contracts: ContractRegistry<object>): ReceivedRecord {
  let event;
  try {
    event = fromKafkaMessage(message);
  } catch (error) {
    if (!(error instanceof UndecodableCloudEvent)) throw error;
    return { kind: 'unparsed', id: unparsedIdOf(message.value), type: claimedTypeOf(message), problem: error.message };
  }
  const contract = contracts.has(event.type) ? contracts.contractFor(event.type) : undefined;
  if (contract !== undefined && !schemaHasProvenance(contract.schema)) return { kind: 'not-a-record', type: event.type };

  const identity = { kind: 'record', id: event.id, type: event.type, subject: event.subject!, time: event.time!, valueSha256: sha256Hex(message.value) } as const;
  if (!isJsonObject(event.data)) return { ...identity, problem: 'the event data is not a JSON object' };
  const { provenance, ...data } = event.data;
  const violations = contract?.violationsOf(event.data) ?? [];
  const problem =
    violations.length > 0
      ? `the record breaks its contract: ${violations.slice(0, MAX_VIOLATIONS_REPORTED).map((v) => `${v.path} ${v.reason}`).join('; ')}`
      : provenance === undefined
        ? 'the record carries no signature material (no provenance)'
        : undefined;
  return { ...identity, data, provenance, ...(problem !== undefined && { problem }) };
}

function unparsedIdOf(value: Buffer | string | null): string {
  return `unparsed:${sha256Hex(value)}`;
}

function sha256Hex(value: Buffer | string | null): string {
  return createHash('sha256').update(value ?? '').digest('hex');
}

function claimedTypeOf(message: IncomingKafkaMessage): string {
  const header = message.headers?.ce_type;
  const text = typeof header === 'string' ? header : Buffer.isBuffer(header) ? header.toString('utf8') : undefined;
  // No longer than the contract's event types, so that the entry of any message stays small.
  return text !== undefined && text.length <= MAX_EVENT_TYPE_LENGTH && eventType.test(text) ? text : 'unknown';
}

function schemaHasProvenance(schema: unknown): boolean {
  const properties = (schema as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null && 'provenance' in properties;
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
