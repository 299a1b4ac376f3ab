import { EventSchemaViolation } from '../registry/contract-registry.errors.js';
import type { EventContract } from '../registry/event-contract.js';
import type { CloudEvent } from './cloud-event.js';
import type { EventTypeName } from './event-type.js';
import { assertValidEventAttributes } from './event-attributes.validation.js';
import type { Principal } from './principal.js';
import { timestamp } from '../schema/schema-fragments.js';
import { compileSchema } from '../schema/schema-validator.js';

/** What the producer supplies besides the data. Ids and times are given, never invented here, so
 * that a retried publication (from an outbox) produces the very same event. */
export interface EventAttributesInput {
  readonly id: string;
  readonly source: string;
  /** The case id (request or report id). */
  readonly subject: string;
  readonly time: string | Date;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly traceparent?: string;
  readonly tracestate?: string;
  /** The record's source principal; must be the signer when the data carries `provenance`. */
  readonly principal: Principal;
}

export class EventPrincipalDisagreesWithProvenance extends Error {
  constructor(
    readonly principalId: string,
    readonly signerId: string,
  ) {
    super(`the event names principal "${principalId}" but its record was signed by "${signerId}"`);
    this.name = 'EventPrincipalDisagreesWithProvenance';
  }
}

/**
 * Builds a CloudEvent for `contract`. Guarantees, or throws:
 * - the data matches the contract's schema (EventSchemaViolation);
 * - every attribute matches the envelope schema (EventAttributesAreInvalid);
 * - when the data carries signature material (`provenance`), the principal attributes name its
 *   signer (EventPrincipalDisagreesWithProvenance).
 * `time` is normalised to UTC with milliseconds (`Date#toISOString`), the form every CloudEvents
 * SDK reads back unchanged.
 */
export function createEvent<TData>(
  contract: EventContract<EventTypeName, TData>,
  data: TData,
  attributes: EventAttributesInput,
): CloudEvent<TData> {
  const violations = contract.violationsOf(data);
  if (violations.length > 0) throw new EventSchemaViolation(contract.type, violations);
  const event: CloudEvent<TData> = {
    specversion: '1.0',
    id: attributes.id,
    source: attributes.source,
    type: contract.type,
    subject: attributes.subject,
    time: normalisedTime(attributes.time),
    datacontenttype: 'application/json',
    dataschema: contract.dataschema,
    ...(attributes.traceparent !== undefined && { traceparent: attributes.traceparent }),
    ...(attributes.tracestate !== undefined && { tracestate: attributes.tracestate }),
    correlationid: attributes.correlationId,
    ...(attributes.causationId !== undefined && { causationid: attributes.causationId }),
    principalid: attributes.principal.id,
    principalkind: attributes.principal.kind,
    ...(attributes.principal.country !== undefined && { principalcountry: attributes.principal.country }),
    data,
  };
  assertValidEventAttributes(event);
  assertPrincipalIsSigner(attributes.principal, data);
  return event;
}

const timestampViolations = compileSchema(timestamp);

function normalisedTime(time: string | Date): string {
  // A time that is not RFC 3339 is left as given, for the envelope schema to report it.
  if (typeof time === 'string' && timestampViolations(time).length > 0) return time;
  const instant = time instanceof Date ? time : new Date(time);
  return Number.isNaN(instant.getTime()) ? String(time) : instant.toISOString();
}

function assertPrincipalIsSigner(principal: Principal, data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const signer = (data as { provenance?: { principal?: Principal } }).provenance?.principal;
  if (!signer) return;
  if (signer.id !== principal.id || signer.kind !== principal.kind || signer.country !== principal.country) {
    throw new EventPrincipalDisagreesWithProvenance(principal.id, signer.id);
  }
}
