import type { JsonSchema } from './json-schema.js';

// Building blocks shared by the envelope and the event schemas. Every string has a length limit
// so a hostile or broken producer cannot make consumers hold unbounded data.

/** ISO 3166-1 alpha-2, upper case (`FR`, `KE`). */
export const countryCode: JsonSchema = { type: 'string', pattern: '^[A-Z]{2}$' };

export const uuid: JsonSchema = { type: 'string', format: 'uuid', maxLength: 36 };

/**
 * RFC 3339 date-time with a time zone, at an instant a record can hold: UTC years 0001–9999, an
 * offset within ±15:59, no second 60, a date that exists (`recordableInstantProblem`, the format
 * `date-time` of our ajv). Every `Date#toISOString()` of those years passes.
 */
export const timestamp: JsonSchema = {
  type: 'string',
  format: 'date-time',
  maxLength: 40,
  description: 'RFC 3339 date-time with a time zone (Z or ±HH:MM): a date that exists, no second 60, an offset within ±15:59, a UTC year from 0001 to 9999',
};

/**
 * The most characters (code points, as JSON Schema counts them) an id in a contract has: a CloudEvent's
 * id, subject, correlation and causation id, a principal id, a record id. Services route by such ids
 * (`GET /v1/log/records/{recordId}`), so their routers take path parameters this long (service-kit).
 */
export const MAX_ID_LENGTH = 200;

export const principalId: JsonSchema = text(1, MAX_ID_LENGTH);

export function text(minLength: number, maxLength: number): JsonSchema {
  return { type: 'string', minLength, maxLength };
}

/** An array of distinct values taken from `values`. */
export function setOf(values: readonly string[], minItems = 0): JsonSchema {
  return { type: 'array', items: { enum: [...values] }, uniqueItems: true, minItems, maxItems: values.length };
}

export function listOf(items: JsonSchema, maxItems: number, minItems = 0): JsonSchema {
  return { type: 'array', items, minItems, maxItems };
}

/** A closed object: every listed property is required unless named in `optional`. */
export function record(properties: Record<string, JsonSchema>, optional: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
  };
}
