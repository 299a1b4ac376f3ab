import { compileSchema } from '../schema/schema-validator.js';
import { describeViolations, type SchemaViolation } from '../schema/schema-violation.js';
import { cloudEventAttributesSchema } from './cloud-event.schema.js';

export class EventAttributesAreInvalid extends Error {
  constructor(readonly violations: readonly SchemaViolation[]) {
    super(`CloudEvent attributes are invalid: ${describeViolations(violations)}`);
    this.name = 'EventAttributesAreInvalid';
  }
}

const validateAttributes = compileSchema(cloudEventAttributesSchema);

/** Checks the context attributes of an event (any `data` property is ignored); empty when valid. */
export function eventAttributeViolations(event: object): readonly SchemaViolation[] {
  const { data: _data, ...attributes } = event as { data?: unknown };
  return validateAttributes(attributes);
}

/** Throws EventAttributesAreInvalid unless the context attributes of `event` are valid. */
export function assertValidEventAttributes(event: object): void {
  const violations = eventAttributeViolations(event);
  if (violations.length > 0) throw new EventAttributesAreInvalid(violations);
}
