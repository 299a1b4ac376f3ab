import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './json-schema.js';
import { violationsFrom, type SchemaViolation } from './schema-violation.js';

/** Checks a value against one compiled schema; an empty list means the value is valid. */
export type SchemaValidator = (value: unknown) => readonly SchemaViolation[];

// One ajv instance for the process. `addUsedSchema: false` keeps compiled schemas out of its
// registry, so two registries (or two tests) may compile schemas with the same $id.
// Strict mode turns a typo in a schema keyword into an error at compile time instead of a
// keyword silently ignored; allErrors lists every violation, not the first one.
const ajv = new Ajv2020({ strict: true, allErrors: true, addUsedSchema: false });
addFormatsModule.default(ajv);

/**
 * Compiles `schema` once and returns its validator. Validation never changes the value: no
 * defaults, no coercion, no removal of extra properties.
 */
export function compileSchema(schema: JsonSchema): SchemaValidator {
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : violationsFrom(validate.errors));
}
