import { cloudEventAttributesSchema, isUnstorableText } from '@wildlife/contracts';

/** The contract's longest record id (a CloudEvent `id`), in characters: code points, as JSON Schema counts. */
export const MAX_RECORD_ID_LENGTH = (cloudEventAttributesSchema.properties as Record<string, { maxLength: number }>).id!.maxLength;

/**
 * Whether `text` could be the id of a logged record: no longer than the contract allows, and
 * storable (no U+0000, no half of a surrogate pair: PostgreSQL refuses those in a query's text
 * parameter, so looking one up would be a 500, not a 404).
 */
export function couldBeRecordId(text: string): boolean {
  return [...text].length <= MAX_RECORD_ID_LENGTH && !isUnstorableText(text);
}
