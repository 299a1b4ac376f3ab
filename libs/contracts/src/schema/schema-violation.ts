import type { ErrorObject } from 'ajv';
import { recordableInstantProblem } from './recordable-instant.js';

/** One reason a value does not match its schema: where (a JSON Pointer into the value) and why. */
export interface SchemaViolation {
  readonly path: string;
  readonly reason: string;
}

/**
 * Turns ajv's errors into violations that name the offending property itself: a missing or
 * unexpected property is reported at its own path, not at its parent's. The `if` summary errors
 * are dropped because the `then` errors beside them already say what is wrong. A `date-time` that
 * fails its format says why (read from `value`, the value validated): it is what a dead letter shows.
 */
export function violationsFrom(errors: readonly ErrorObject[] | null | undefined, value?: unknown): SchemaViolation[] {
  return (errors ?? [])
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      if (error.keyword === 'required') {
        return { path: childPath(error.instancePath, String(error.params.missingProperty)), reason: 'is required' };
      }
      if (error.keyword === 'additionalProperties') {
        return { path: childPath(error.instancePath, String(error.params.additionalProperty)), reason: 'is not allowed' };
      }
      if (error.keyword === 'format' && error.params.format === 'date-time') {
        const problem = recordableInstantProblem(String(valueAt(value, error.instancePath)));
        if (problem !== undefined) return { path: error.instancePath || '/', reason: `must match format "date-time": it ${problem}` };
      }
      return { path: error.instancePath || '/', reason: error.message ?? error.keyword };
    });
}

/** The member of `value` at `pointer` (a JSON Pointer as ajv writes instance paths). */
function valueAt(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  return pointer
    .slice(1)
    .split('/')
    .reduce<unknown>((at, token) => (at as Record<string, unknown> | undefined)?.[token.replaceAll('~1', '/').replaceAll('~0', '~')], value);
}

export function describeViolations(violations: readonly SchemaViolation[]): string {
  return violations.map((violation) => `${violation.path} ${violation.reason}`).join('; ');
}

function childPath(parent: string, property: string): string {
  return `${parent}/${property.replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
