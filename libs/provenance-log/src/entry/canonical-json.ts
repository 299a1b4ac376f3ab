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
 * messages), which was most of an entry's serialisation time; this writer builds none. RFC 8785 is
 * `JSON.stringify` with every object's keys sorted by UTF-16 code units (the library writes each
 * primitive and key through `JSON.stringify` too), so for what entries hold (plain objects, arrays,
 * strings, finite numbers, booleans, null) it gives the value, its objects copied in sorted key
 * order where they are not already, to the engine's own `JSON.stringify` (`inCanonicalOrder`; the
 * engine calls a `toJSON` member only when it is a function, which these never have). A value that
 * copy cannot carry (an object whose keys JavaScript enumerates out of code-unit order, i.e.
 * integer-like keys; an object of another class) is written step by step as the library does
 * (`write`); for anything else (undefined, a non-finite number, a `toJSON` method, as a Date has, a
 * sparse array, a cycle) it returns what the library returns, or throws what it throws.
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(inCanonicalOrder(value, 0));
  } catch (error) {
    if (!(error instanceof NotInCanonicalOrder || error instanceof LeftToTheLibrary)) throw error;
  }
  try {
    return write(value, 0);
  } catch (error) {
    if (error instanceof LeftToTheLibrary) return canonicalizeEx(value, { strictUndefined: true });
    throw error;
  }
}

/** A value `JSON.stringify` would not write in canonical order even with its keys sorted: left to `write`. */
class NotInCanonicalOrder extends Error {}

/** Whether `keys`, as JavaScript enumerates them, are in RFC 8785 order (UTF-16 code units, strictly increasing). */
function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}

/** Sets an own, enumerable member, also one named `__proto__` (which an assignment would take as the prototype). */
function setMember(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/**
 * `value` with every object's keys in canonical order, for `JSON.stringify`: the value itself where
 * it is in that order already, else copies of the objects and arrays on the way to the ones that are
 * not. The copies are plain objects (`setMember`): made without a prototype, as first tried, V8 keeps
 * them as slower dictionaries, and the appends were slower in three pairs of three (bench/provenance
 * README, session 13). Throws `LeftToTheLibrary` wherever `write` would, and `NotInCanonicalOrder`
 * for a value only `write` handles as the library does: an object not plain (another prototype: its
 * members are not what `JSON.stringify` writes), or whose keys, once sorted, JavaScript still
 * enumerates in another order (integer-like keys).
 */
function inCanonicalOrder(value: unknown, depth: number): unknown {
  if (value === null) return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new LeftToTheLibrary();
      return value;
    case 'object':
      break;
    default:
      throw new LeftToTheLibrary();
  }
  if (depth > MAX_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new LeftToTheLibrary();
  const prototype: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) {
    if (prototype !== Array.prototype) throw new NotInCanonicalOrder();
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new LeftToTheLibrary();
      const item: unknown = value[i];
      const ordered = inCanonicalOrder(item, depth + 1);
      if (ordered !== item && copy === undefined) copy = value.slice(0, i);
      copy?.push(ordered);
    }
    return copy ?? value;
  }
  if (prototype !== Object.prototype && prototype !== null) throw new NotInCanonicalOrder();
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  const sorted = inOrder(keys);
  if (!sorted) keys.sort();
  let copy: Record<string, unknown> | undefined = sorted ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = object[key];
    if (member === undefined) throw new LeftToTheLibrary();
    const ordered = inCanonicalOrder(member, depth + 1);
    if (ordered !== member && copy === undefined) {
      copy = {};
      for (let j = 0; j < i; j++) setMember(copy, keys[j]!, object[keys[j]!]);
    }
    if (copy !== undefined) setMember(copy, key, ordered);
  }
  if (copy !== undefined && !sorted && !inOrder(Object.keys(copy))) throw new NotInCanonicalOrder();
  return copy ?? value;
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
