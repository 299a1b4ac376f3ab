import { EVENT_TYPE_PATTERN } from '../../envelope/event-type.js';
import type { JsonSchema } from '../../schema/json-schema.js';
import { MAX_ID_LENGTH, text } from '../../schema/schema-fragments.js';

// A record is identified by the event that published it: its CloudEvent `id` (stable across
// re-deliveries, since the outbox keeps it) and its CloudEvent `type`. A pattern rather than an
// enum of types, so that a new record event does not break consumers holding an older schema.
export const recordId: JsonSchema = text(1, MAX_ID_LENGTH);

export const recordType: JsonSchema = { type: 'string', pattern: EVENT_TYPE_PATTERN, maxLength: 200 };

/** The index of the record's entry in the provenance log (0-based, below 2^53). */
export const logIndex: JsonSchema = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
