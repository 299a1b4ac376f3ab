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
 * A field line's value without its leading and trailing whitespace as HTTP defines it: SP and HTAB
 * only (RFC 9110 §5.5 OWS; RFC 9421 §2.1). Not `String#trim()`, which also strips NBSP, VT, FF and
 * other Unicode spaces: a value that starts or ends with one of those is signed with it, so whatever
 * acts on the value must read it the same way, or it would act on a value the signer never signed.
 */
export function trimFieldLine(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isOptionalWhitespace(line.charCodeAt(start))) start += 1;
  while (end > start && isOptionalWhitespace(line.charCodeAt(end - 1))) end -= 1;
  return line.slice(start, end);
}

const SP = 0x20;
const HTAB = 0x09;

function isOptionalWhitespace(code: number): boolean {
  return code === SP || code === HTAB;
}

/**
 * The values of one field: every field line whose name matches `lowerCaseName`, each stripped of
 * leading and trailing SP and HTAB (`trimFieldLine`), joined with ", " (RFC 9421 §2.1). Undefined when
 * the field is absent.
 */
export function fieldValue(headers: HeaderFields, lowerCaseName: string): string | undefined {
  let joined: string | undefined;
  for (const name in headers) {
    if (name.length !== lowerCaseName.length || name.toLowerCase() !== lowerCaseName) continue;
    const value = headers[name];
    if (value === undefined) continue;
    for (const line of typeof value === 'string' ? [value] : value) {
      joined = joined === undefined ? trimFieldLine(line) : `${joined}, ${trimFieldLine(line)}`;
    }
  }
  return joined;
}
