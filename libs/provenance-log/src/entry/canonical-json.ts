import { canonicalizeEx } from 'json-canonicalize';

/** Deeper than any entry the shape allows; past it, a cycle is the likelier reason. */
const MAX_DEPTH = 1_000;

/** A value this writer leaves to json-canonicalize, for its exact output or error. */
class LeftToTheLibrary extends Error {}

/**
 * RFC 8785 canonical JSON, as `canonicalizeEx(value, { strictUndefined: true })` of
 * json-canonicalize writes it for every JSON value but one kind: the library hands any object with
 * a non-null `toJSON` member to `JSON.stringify`, which keeps that object's keys (and those of every
 * object inside it) in insertion order. A record's data is JSON a producer chose, so a member named
 * `toJSON` (a string, an object) is an ordinary key here, sorted like any other, as RFC 8785 says;
 * leaves the library wrote for such data before session 13 are not canonical, and `parseEntry`
 * refuses them. The library builds a path string for every property it visits (for its error
 * messages), which was most of an entry's serialisation time; this writer builds none. It handles
 * what entries hold (plain objects, arrays, strings, finite numbers, booleans, null) with the
 * library's own steps (keys sorted by UTF-16 code units, each primitive and key through
 * `JSON.stringify`); for anything else (undefined, a non-finite number, a `toJSON` method, as a
 * Date has, a sparse array, a cycle) it returns what the library returns, or throws what it throws.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value, 0);
  } catch (error) {
    if (error instanceof LeftToTheLibrary) return canonicalizeEx(value, { strictUndefined: true });
    throw error;
  }
}

function write(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new LeftToTheLibrary();
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new LeftToTheLibrary();
  }
  if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new LeftToTheLibrary();
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new LeftToTheLibrary();
      if (i > 0) out += ',';
      out += write(value[i], depth + 1);
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = object[key];
    if (member === undefined) throw new LeftToTheLibrary();
    if (i > 0) out += ',';
    out += `${JSON.stringify(key)}:${write(member, depth + 1)}`;
  }
  return `${out}}`;
}
