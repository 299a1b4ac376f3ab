import { compileSchema } from '../../schema/schema-validator.js';
import type { SchemaViolation } from '../../schema/schema-violation.js';
import { recordDefs } from './record-provenance.js';

const validateProvenance = compileSchema({ $defs: recordDefs, $ref: '#/$defs/recordProvenance' });

/**
 * Why `provenance` could not be the provenance of any record event (the `recordProvenance` schema
 * they all embed: its fields, their bounds and forms), whoever signed it; empty when it could. So a
 * service can refuse a signed request whose signature material no record could keep before it acts
 * on it, by the contract's own schema rather than a copy of its limits.
 */
export function recordProvenanceViolations(provenance: unknown): readonly SchemaViolation[] {
  return validateProvenance(provenance);
}
