import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './json-schema.js';
import { isRecordableInstant } from './recordable-instant.js';
import { violationsFrom, type SchemaViolation } from './schema-violation.js';

/** Checks a value against one compiled schema; an empty list means the value is valid. */
export type SchemaValidator = (value: unknown) => readonly SchemaViolation[];

// One ajv instance for the process. `addUsedSchema: false` keeps compiled schemas out of its
// registry, so two registries (or two tests) may compile schemas with the same $id.
// Strict mode turns a typo in a schema keyword into an error at compile time instead of a
// keyword silently ignored; allErrors lists every violation, not the first one.
const ajv = new Ajv2020({ strict: true, allErrors: true, addUsedSchema: false });
addFormatsModule.default(ajv);
// `date-time` is ours, not ajv-formats': RFC 3339 as written, and only instants a record can hold
// (PostgreSQL stores them, Date reads them back). ajv-formats takes offsets up to ±23:59, years
// 0000 and 9999 at any offset, and a leap second: events their contract accepted and no consumer
// could ever record, each retried for ever.
ajv.addFormat('date-time', { type: 'string', validate: isRecordableInstant });

/**
 * Compiles `schema` once and returns its validator. Validation never changes the value: no
 * defaults, no coercion, no removal of extra properties.
 */
export function compileSchema(schema: JsonSchema): SchemaValidator {
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : violationsFrom(validate.errors, value));
}
