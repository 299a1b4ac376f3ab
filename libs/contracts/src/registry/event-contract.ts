import { dataschemaFor, parseEventType, type EventTypeName, type EventTypeParts } from '../envelope/event-type.js';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from '../schema/json-schema.js';
import { compileSchema, type SchemaValidator } from '../schema/schema-validator.js';
import type { SchemaViolation } from '../schema/schema-violation.js';

/** What an event file declares about one event type and version. */
export interface EventContractDefinition<TType extends EventTypeName, TData> {
  readonly type: TType;
  /** The Kafka topic the event is published on. */
  readonly topic: string;
  /** One sentence for humans and the AsyncAPI document. */
  readonly summary: string;
  /** The data's JSON Schema without `$schema` and `$id`, which the contract adds. */
  readonly schema: JsonSchema;
  /**
   * Turns valid data of this version into data of the next version (vN to vN+1). Required as soon as
   * a next version exists; must be pure and must not modify its argument.
   */
  upcast?(data: TData): unknown;
}

export interface EventContract<TType extends EventTypeName = EventTypeName, TData = unknown>
  extends EventContractDefinition<TType, TData>, EventTypeParts {
  /** `urn:wildlife:schema:<type>`, also the schema's `$id`. */
  readonly dataschema: string;
  /** Checks data against the schema (compiled on first use, once); empty when valid. */
  violationsOf(data: unknown): readonly SchemaViolation[];
}

/**
 * Declares the contract of one event type and version. The schema is completed into a standalone
 * draft 2020-12 document whose `$id` is the event's `dataschema`. Throws EventTypeIsMalformed for
 * a type not of the form `<producer>.<EventName>.v<N>`.
 */
export function defineContract<TType extends EventTypeName, TData>(
  definition: EventContractDefinition<TType, TData>,
): EventContract<TType, TData> {
  const parts = parseEventType(definition.type);
  const dataschema = dataschemaFor(definition.type);
  const schema: JsonSchema = { $schema: JSON_SCHEMA_DIALECT, $id: dataschema, title: definition.type, ...definition.schema };
  let validator: SchemaValidator | undefined;
  return Object.freeze({
    ...definition,
    ...parts,
    schema,
    dataschema,
    violationsOf(data: unknown) {
      validator ??= compileSchema(schema);
      return validator(data);
    },
  });
}
