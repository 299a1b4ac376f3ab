import type { JsonObject, JsonValue } from '@wildlife/provenance-log';

// What the classification reads from a record's data, whatever its type: the fields every record
// contract names the same way (case-facts.ts of @wildlife/contracts).

const field = (value: JsonValue | undefined, name: string): JsonValue | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject)[name] : undefined;

const textOf = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** The support request a record is about (`requestId`), if it names one. */
export function requestIdOf(data: JsonObject | undefined): string | undefined {
  return textOf(data?.requestId);
}

/** The requesting agency's country of a support request (`requestingAgency.country`). */
export function requestingCountryOf(data: JsonObject | undefined): string | undefined {
  return textOf(field(data?.requestingAgency, 'country'));
}

/** The country a record names for itself: its requesting agency's, its NCB's, or a plain `country`. */
export function statedCountryOf(data: JsonObject | undefined): string | undefined {
  return requestingCountryOf(data) ?? textOf(field(data?.ncb, 'country')) ?? textOf(data?.country);
}

/** The capabilities a record asks for (`capabilities`), when it lists them. */
export function capabilitiesOf(data: JsonObject | undefined): readonly string[] | undefined {
  const list = data?.capabilities;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? (list as string[]) : undefined;
}
