import type { JsonObject, JsonValue } from '@wildlife/provenance-log';

// What the classification rules read from a logged record's data, whatever its type: the fields
// every record contract names the same way (requestId, requestingAgency.country, ncb.country,
// country, capabilities).

const memberOf = (value: JsonValue | undefined, name: string): JsonValue | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject)[name] : undefined;

const textOf = (value: JsonValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** The support request the record is about. */
export function requestIdOf(data: JsonObject | undefined): string | undefined {
  return textOf(data?.requestId);
}

/** The requesting agency's country, on a support request. */
export function requestingCountryOf(data: JsonObject | undefined): string | undefined {
  return textOf(memberOf(data?.requestingAgency, 'country'));
}

/** The country the record states for itself: its requesting agency's, its NCB's, or a plain `country`. */
export function statedCountryOf(data: JsonObject | undefined): string | undefined {
  return requestingCountryOf(data) ?? textOf(memberOf(data?.ncb, 'country')) ?? textOf(data?.country);
}

/** The capabilities the record asks for, when it lists them as strings. */
export function capabilitiesOf(data: JsonObject | undefined): readonly string[] | undefined {
  const list = data?.capabilities;
  return Array.isArray(list) && list.every((item) => typeof item === 'string') ? (list as string[]) : undefined;
}

const EVENT_TYPE = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.([A-Z][A-Za-z0-9]*)\.v[1-9][0-9]*$/;

/** `<producer>.<Name>` and `<Name>` of a CloudEvent type `<producer>.<Name>.v<N>`; undefined for any other text. */
export function eventNameOf(type: string): { readonly family: string; readonly name: string } | undefined {
  const match = EVENT_TYPE.exec(type);
  return match === null ? undefined : { family: `${match[1]}.${match[2]}`, name: match[2]! };
}
