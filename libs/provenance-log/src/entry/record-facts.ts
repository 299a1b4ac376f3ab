import type { JsonObject, JsonValue } from './log-entry.js';

// What the classification rules read from a logged record's data, whatever its type: the fields
// every record contract names the same way (case-facts.ts of @wildlife/contracts). One reading for
// the provenance service, which classifies the records, and the auditor, which replays it.

const memberOf = (value: JsonValue | undefined, name: string): JsonValue | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject)[name] : undefined;

const textOf = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** The support request the record is about (`requestId`), if it names one. */
export function requestIdOf(data: JsonObject | undefined): string | undefined {
  return textOf(data?.requestId);
}

/** The requesting agency's country, on a support request (`requestingAgency.country`). */
export function requestingCountryOf(data: JsonObject | undefined): string | undefined {
  return textOf(memberOf(data?.requestingAgency, 'country'));
}

/** The country the record states for itself: its requesting agency's, its NCB's, or a plain `country`. */
export function statedCountryOf(data: JsonObject | undefined): string | undefined {
  return requestingCountryOf(data) ?? textOf(memberOf(data?.ncb, 'country')) ?? textOf(data?.country);
}

/** The capabilities the record asks for (`capabilities`), when it lists them as strings. */
export function capabilitiesOf(data: JsonObject | undefined): readonly string[] | undefined {
  const list = data?.capabilities;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? (list as string[]) : undefined;
}
