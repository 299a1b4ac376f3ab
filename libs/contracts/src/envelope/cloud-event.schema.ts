import { JSON_SCHEMA_DIALECT, type JsonSchema } from '../schema/json-schema.js';
import { countryCode, MAX_ID_LENGTH, principalId, record, text, timestamp } from '../schema/schema-fragments.js';
import { EVENT_TYPE_PATTERN } from './event-type.js';
import { PRINCIPAL_KINDS } from './principal.js';
import { REQUIRED_EVENT_ATTRIBUTES, EVENT_ATTRIBUTE_NAMES } from './cloud-event.js';

// W3C Trace Context, version 00; an all-zero trace id or parent id is invalid.
const TRACEPARENT_PATTERN = '^00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$';

const attributes: Record<string, JsonSchema> = {
  specversion: { const: '1.0' },
  id: text(1, MAX_ID_LENGTH),
  source: { type: 'string', format: 'uri-reference', minLength: 1, maxLength: 500 },
  type: { type: 'string', pattern: EVENT_TYPE_PATTERN, maxLength: 200 },
  subject: text(1, MAX_ID_LENGTH),
  time: timestamp,
  datacontenttype: { const: 'application/json' },
  dataschema: { type: 'string', format: 'uri', pattern: '^urn:wildlife:schema:', maxLength: 300 },
  traceparent: { type: 'string', pattern: TRACEPARENT_PATTERN },
  tracestate: text(1, 512),
  correlationid: text(1, MAX_ID_LENGTH),
  causationid: text(1, MAX_ID_LENGTH),
  principalid: principalId,
  principalkind: { enum: [...PRINCIPAL_KINDS] },
  principalcountry: countryCode,
};

/** The context attributes of a CloudEvent (without `data`), as our envelope constrains them. */
export const cloudEventAttributesSchema: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: 'urn:wildlife:schema:cloudevent-attributes',
  ...record(
    attributes,
    EVENT_ATTRIBUTE_NAMES.filter((name) => !REQUIRED_EVENT_ATTRIBUTES.includes(name)),
  ),
};
