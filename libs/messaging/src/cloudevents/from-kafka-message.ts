import {
  eventAttributeViolations,
  isUnstorableText,
  MAX_JSON_NESTING,
  tooDeeplyNestedAt,
  unstorableTextIn,
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
  CloudEventValueHoldsUnstorableText,
  CloudEventValueIsNestedTooDeeply,
  CloudEventValueIsNotJson,
} from './undecodable-cloud-event.errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a Kafka message written in the CloudEvents Kafka binding, binary content mode, into an
 * event whose attributes satisfy our envelope schema; its data is parsed JSON, not yet validated
 * against the event's own schema (that is `contracts.decode`). Throws, in this order of checks:
 * CloudEventSpecVersionIsUnsupported, CloudEventContentTypeIsUnsupported, CloudEventAttributeIsInvalid (a
 * repeated or non-UTF-8 header, or one holding text no record can store), CloudEventAttributeIsMissing,
 * CloudEventAttributeIsInvalid (a value our envelope refuses), CloudEventValueIsNotJson,
 * CloudEventValueIsNestedTooDeeply, CloudEventValueHoldsUnstorableText: all UndecodableCloudEvent,
 * permanent. (PostgreSQL stores no U+0000 nor half of a surrogate pair in text or jsonb: an event
 * carrying one could never be recorded, and retrying it would hold its partition. A value nested
 * deeper than MAX_JSON_NESTING could overflow the stack of whatever walks it next, as it once did
 * the search for such text: a RangeError, retried for ever too.)
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
  if (isUnstorableText(text)) {
    problems.push(`header ${header} holds a character no record can store (U+0000, or half of a surrogate pair)`);
    return undefined;
  }
  return text;
}

/** The only way valid UTF-8 JSON text can spell unstorable text: the escape of U+0000 or of a surrogate. */
const UNSTORABLE_ESCAPE = /\\u(0000|[dD][89a-fA-F])/;

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
  const tooDeep = tooDeeplyNestedAt(data);
  if (tooDeep !== undefined) throw new CloudEventValueIsNestedTooDeeply(tooDeep, MAX_JSON_NESTING);
  // Most values spell no such escape, and skip the walk.
  const unstorable = UNSTORABLE_ESCAPE.test(text) ? unstorableTextIn(data)[0] : undefined;
  if (unstorable !== undefined) throw new CloudEventValueHoldsUnstorableText(unstorable.pointer);
  return data;
}
