import { randomUUID } from 'node:crypto';

/** A resource version as the services hand it out: in the body's `version` and, quoted, in the ETag. */
export type ResourceVersion = number | string;

/**
 * The If-Match value for `version`: a bare version becomes the strong entity tag `"<version>"`; a
 * strong entity tag (an ETag read back from a response) is sent unchanged. A weak one (`W/"3"`) is
 * refused with a TypeError rather than sent or stripped: the services compare If-Match strongly, so
 * it could only earn a 412, and the services hand out strong tags only, so a weak one came from
 * somewhere else (a proxy or cache), which says nothing of the version the caller read.
 */
export function ifMatch(version: ResourceVersion): string {
  const text = String(version);
  if (text.startsWith('W/')) {
    throw new TypeError(`${text} is a weak entity tag, which the services never match: send the version, or the strong ETag they answered`);
  }
  if (/^"[\x21\x23-\x7e]*"$/.test(text)) return text;
  if (text === '' || /["\s]/.test(text)) throw new TypeError(`Version ${JSON.stringify(text)} cannot be sent as an entity tag`);
  return `"${text}"`;
}

/** The caller's Idempotency-Key, or a fresh random UUID when none is given. */
export function idempotencyKeyOrNew(given: string | undefined): string {
  return given ?? randomUUID();
}

/** `?a=1&b=2` from the defined members of `query`, or '' when none is defined. */
export function queryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) search.append(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** One path segment, percent-encoded so an id can never change the path it is put in. */
export function segment(id: string): string {
  if (id === '' || id === '.' || id === '..') throw new TypeError(`${JSON.stringify(id)} is not a usable id`);
  return encodeURIComponent(id);
}
