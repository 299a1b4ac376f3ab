import type { ErrorObject } from 'ajv';

/** One reason a value does not match its schema: where (a JSON Pointer into the value) and why. */
export interface SchemaViolation {
  readonly path: string;
  readonly reason: string;
}

/**
 * Turns ajv's errors into violations that name the offending property itself: a missing or
 * unexpected property is reported at its own path, not at its parent's. The `if` summary errors
 * are dropped because the `then` errors beside them already say what is wrong.
 */
export function violationsFrom(errors: readonly ErrorObject[] | null | undefined): SchemaViolation[] {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      if (error.keyword === 'required') {
        return { path: childPath(error.instancePath, String(error.params.missingProperty)), reason: 'is required' };
      }
      if (error.keyword === 'additionalProperties') {
        return { path: childPath(error.instancePath, String(error.params.additionalProperty)), reason: 'is not allowed' };
      }
      return { path: error.instancePath || '/', reason: error.message ?? error.keyword };
    });
}

export function describeViolations(violations: readonly SchemaViolation[]): string {
  return violations.map((violation) => `${violation.path} ${violation.reason}`).join('; ');
}

function childPath(parent: string, property: string): string {
  return `${parent}/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
