import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalizeEx } from 'json-canonicalize';
import { canonicalJson } from './canonical-json.js';
import { officialEntry, unparsedEntry } from './log-entry.examples.js';

const library = (value: unknown) => canonicalizeEx(value, { strictUndefined: true });

const sparse: unknown[] = [];
sparse[0] = 1;
sparse[2] = 2;

/** What the library answers: its text, or the error it throws. */
function outcome(write: (value: unknown) => string, value: unknown): { text: string } | { error: string } {
  try {
    return { text: write(value) };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('canonical JSON', () => {
  it('writes every example entry as json-canonicalize does', () => {
    for (const entry of [officialEntry, unparsedEntry]) expect(canonicalJson(entry)).toBe(library(entry));
  });

  it('writes any JSON value without a toJSON member as json-canonicalize does, byte for byte', () => {
    const text = fc.string({ unit: 'binary' });
    const key = text.filter((k) => k !== 'toJSON');
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.integer(),
        fc.constantFrom(-0, 1e21, 1e-7, 5e-324, Number.MAX_VALUE),
        text,
        fc.array(tie('json')),
        fc.dictionary(key, tie('json')),
      ),
    })).json;
    fc.assert(fc.property(value, (v) => expect(outcome(canonicalJson, v)).toEqual(outcome(library, v))), { numRuns: 2_000 });
  });

  it.each([
    ['undefined', undefined],
    ['an undefined member', { a: undefined }],
    ['a non-finite number', { a: [Number.NaN] }],
    ['a sparse array', sparse],
    ['a toJSON method', { b: 1, toJSON: () => ({ z: 1, a: 2 }), a: 2 }],
    ['a Date', { at: new Date(0) }],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
  ])('leaves %s to json-canonicalize, with its answer', (_, value) => {
    expect(outcome(canonicalJson, value)).toEqual(outcome(library, value));
  });

  it('sorts a member named toJSON like any other key, and the keys of the objects beside and inside it (RFC 8785), where the library keeps insertion order', () => {
    const data = JSON.parse('{"b":1,"toJSON":{"z":1,"y":[{"d":1,"c":2}]},"a":{"toJSON":null,"f":1,"e":2}}') as unknown;

    expect(canonicalJson(data)).toBe('{"a":{"e":2,"f":1,"toJSON":null},"b":1,"toJSON":{"y":[{"c":2,"d":1}],"z":1}}');
    expect(library(data)).toBe('{"b":1,"toJSON":{"z":1,"y":[{"d":1,"c":2}]},"a":{"toJSON":null,"f":1,"e":2}}');
  });

  class Point {
    constructor(
      readonly y: number,
      readonly x: number,
    ) {}
  }
  const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: { d: [2, { f: 3, e: 4 }], c: null } });

  it.each([
    ['integer-like keys, which JavaScript enumerates in numeric order', { '10': 'a', '9': 'b', '1': 'c', z: { '2': 1, '10': 2 } }],
    ['integer-like keys already in code-unit order', { '1': 'a', '2': 'b', a: 'c' }],
    ['a "__proto__" key (as JSON.parse makes it)', JSON.parse('{"z":1,"__proto__":{"b":2,"a":1},"a":[{"__proto__":null}]}') as unknown],
    ['an object without a prototype', nullPrototype],
    ['an unsorted object inside sorted ones', { a: { b: [{ d: 1, c: 2 }] }, b: 'x' }],
    ['an object of a class', { p: new Point(1, 2) }],
    ['a Map', { m: new Map([['a', 1]]) }],
    ['a boxed string', { s: new String('ab') }],
  ])('writes %s as json-canonicalize does', (_, value) => {
    expect(outcome(canonicalJson, value)).toEqual(outcome(library, value));
  });

  it('refuses a cycle as json-canonicalize does, and writes a shared value twice', () => {
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    expect(outcome(canonicalJson, cycle)).toEqual(outcome(library, cycle));
    const shared = { x: [1, 2] };
    expect(canonicalJson({ a: shared, b: shared })).toBe(library({ a: shared, b: shared }));
  });
});
