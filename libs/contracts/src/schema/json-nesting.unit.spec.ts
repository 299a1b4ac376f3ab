import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_NESTING, tooDeeplyNestedAt } from './json-nesting.js';

const arrays = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('how deep a JSON value nests', () => {
  it('allows 64 arrays and objects inside one another', () => {
    expect(MAX_JSON_NESTING).toBe(64);
    expect(tooDeeplyNestedAt(arrays(64))).toBeUndefined();
    expect(tooDeeplyNestedAt({ a: { b: arrays(62) } })).toBeUndefined();
    expect(tooDeeplyNestedAt('text')).toBeUndefined();
    expect(tooDeeplyNestedAt(null)).toBeUndefined();
  });

  it('names the first array or object nested deeper, in document order', () => {
    expect(tooDeeplyNestedAt(arrays(65))).toBe(`${'/0'.repeat(64)}`);
    expect(tooDeeplyNestedAt({ ok: arrays(63), 'a/b': [1, arrays(64)], later: arrays(80) })).toBe(`/a~1b/1${'/0'.repeat(62)}`);
    expect(tooDeeplyNestedAt({ a: { b: 1 } }, 1)).toBe('/a');
  });

  it('walks a value 100,000 deep without overflowing the stack', () => {
    expect(tooDeeplyNestedAt(arrays(100_000))).toBe(`${'/0'.repeat(64)}`);
    expect(tooDeeplyNestedAt(JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`))).toBe(`${'/a'.repeat(64)}`);
  });
});
