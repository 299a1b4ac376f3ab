import {
  eventAttributeViolations,
  EVENT_ATTRIBUTE_NAMES,
  REQUIRED_EVENT_ATTRIBUTES,
  type CloudEvent,
  type CloudEventAttributeName,
} from '@wildlife/contracts';
import { CONTENT_TYPE_HEADER, headerNameOf } from './cloud-event-headers.js';
import type { IncomingHeaderValue, IncomingKafkaMessage } from './kafka-message.js';
import {
  CloudEventAttributeIsInvalid,
  CloudEventAttributeIsMissing,
  CloudEventContentTypeIsUnsupported,
  CloudEventSpecVersionIsUnsupported,
  CloudEventValueHoldsNul,
  CloudEventValueIsNotJson,
} from './undecodable-cloud-event.errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a Kafka message written in the CloudEvents Kafka binding, binary content mode, into an
 * event whose attributes satisfy our envelope schema; its data is parsed JSON, not yet validated
 * against the event's own schema (that is `contracts.decode`). Throws, in this order of checks:
 * CloudEventSpecVersionIsUnsupported, CloudEventContentTypeIsUnsupported, CloudEventAttributeIsInvalid (a
 * repeated or non-UTF-8 header, or one holding U+0000), CloudEventAttributeIsMissing,
 * CloudEventAttributeIsInvalid (a value our envelope refuses), CloudEventValueIsNotJson,
 * CloudEventValueHoldsNul: all UndecodableCloudEvent, permanent. (PostgreSQL stores no U+0000 in text
 * or jsonb: an event carrying one could never be recorded, and retrying it would hold its partition.)
 * `ce_*` headers that are not attributes of our envelope are ignored, and the key is not read.
 */
export function fromKafkaMessage(message: IncomingKafkaMessage): CloudEvent<unknown> {
  const problems: string[] = [];
  const read = (header: string) => headerText(header, message.headers?.[header], problems);

  const specversion = read('ce_specversion');
  if (specversion !== undefined && specversion !== '1.0') throw new CloudEventSpecVersionIsUnsupported(specversion);

  // The SDKs also write `ce_datacontenttype`; the binding's `content-type` header wins.
  const contentType = read(CONTENT_TYPE_HEADER) ?? read('ce_datacontenttype');
  if (contentType !== undefined && mediaTypeOf(contentType) !== 'application/json') {
    throw new CloudEventContentTypeIsUnsupported(contentType);
  }

  const attributes: Partial<Record<CloudEventAttributeName, string>> = {};
  for (const attribute of EVENT_ATTRIBUTE_NAMES) {
    // A JSON content type with parameters (`; charset=utf-8`) is recorded as plain application/json.
    const value = attribute === 'datacontenttype' ? contentType === undefined ? undefined : 'application/json' : read(headerNameOf(attribute));
    if (value !== undefined) attributes[attribute] = value;
  }
  // A repeated or non-UTF-8 header reads as absent: report that first, not as a missing attribute.
  if (problems.length > 0) throw new CloudEventAttributeIsInvalid([...new Set(problems)]);

  const missing = REQUIRED_EVENT_ATTRIBUTES.filter((attribute) => attributes[attribute] === undefined);
  if (missing.length > 0) throw new CloudEventAttributeIsMissing(missing);
  const violations = eventAttributeViolations(attributes);
  if (violations.length > 0) {
    throw new CloudEventAttributeIsInvalid(violations.map((violation) => `${violation.path} ${violation.reason}`));
  }

  return { ...(attributes as Omit<CloudEvent, 'data'>), data: parseJson(message.value) };
}

function headerText(header: string, value: IncomingHeaderValue, problems: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' && !Buffer.isBuffer(value)) {
    if (value.length === 1) return headerText(header, value[0], problems);
    problems.push(`header ${header} occurs ${value.length} times`);
    return undefined;
  }
  let text: string;
  try {
    text = typeof value === 'string' ? value : strictUtf8.decode(value);
  } catch {
    problems.push(`header ${header} is not UTF-8`);
    return undefined;
  }
  if (text.includes(NUL)) {
    problems.push(`header ${header} holds a U+0000 character, which no record can store`);
    return undefined;
  }
  return text;
}

const NUL = '\u0000';

function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

function parseJson(value: Buffer | string | null): unknown {
  if (value === null || value.length === 0) throw new CloudEventValueIsNotJson('the value is empty');
  let text: string;
  try {
    text = typeof value === 'string' ? value : strictUtf8.decode(value);
  } catch {
    throw new CloudEventValueIsNotJson('the value is not UTF-8');
  }
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (error) {
    throw new CloudEventValueIsNotJson((error as Error).message);
  }
  // JSON text can carry U+0000 only escaped; most values never spell the escape, and skip the walk.
  const nulAt = text.includes('\\u0000') ? pathOfNul(data, '$') : undefined;
  if (nulAt !== undefined) throw new CloudEventValueHoldsNul(nulAt);
  return data;
}

/** Where the first U+0000 in a parsed JSON value is (a JSONPath-like path), if it holds one. */
function pathOfNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, member] of Object.entries(value)) {
    if (key.includes(NUL)) return `${path} (a key)`;
    const found = pathOfNul(member, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
