import { randomUUID } from 'node:crypto';

/** A resource version as the services hand it out: in the body's `version` and, quoted, in the ETag. */
export type ResourceVersion = number | string;

/**
 * The If-Match value for `version`: a bare version becomes the strong entity tag `"<version>"`; a
 * value that already is an entity tag (an ETag read back from a response) is sent unchanged.
 */
export function ifMatch(version: ResourceVersion): string {
  const text = String(version);
  if (/^(W\/)?".*"$/.test(text)) return text;
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
