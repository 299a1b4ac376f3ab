/**
 * Header fields as Node and most frameworks hand them over: any name case, a value or the list of a
 * repeated field's values. Names are matched case-insensitively.
 */
export type HeaderFields = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The parts of an HTTP request a signature can cover. `url` is the absolute target URI, exactly as sent. */
export interface HttpRequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: HeaderFields;
}

/** A request with its body bytes, as signed by a client or received by a service. */
export interface HttpRequestWithBody extends HttpRequestView {
  readonly body?: Uint8Array;
}

/**
 * The values of one field: every field line whose name matches `lowerCaseName`, each trimmed, joined
 * with ", " (RFC 9421 §2.1). Undefined when the field is absent.
 */
export function fieldValue(headers: HeaderFields, lowerCaseName: string): string | undefined {
  let joined: string | undefined;
  for (const name in headers) {
    if (name.length !== lowerCaseName.length || name.toLowerCase() !== lowerCaseName) continue;
    const value = headers[name];
    if (value === undefined) continue;
    for (const line of typeof value === 'string' ? [value] : value) {
      joined = joined === undefined ? line.trim() : `${joined}, ${line.trim()}`;
    }
  }
  return joined;
}
