import { describe, expect, it } from '@jest/globals';
import { isUnstorableText, unstorableTextIn } from './unstorable-text.js';

describe('text no record can store', () => {
  it('is a U+0000 or half of a surrogate pair, not a whole pair', () => {
    expect(isUnstorableText('a\u0000b')).toBe(true);
    expect(isUnstorableText('rhino \uD83E')).toBe(true);
    expect(isUnstorableText('\uDD8F rhino')).toBe(true);
    expect(isUnstorableText('rhino 🦏')).toBe(false);
  });

  it('is found in every string and member name of a value, in document order, by JSON Pointer', () => {
    const value = { a: ['ok', '\u0000'], 'b/\u0000': { hidden: '\u0000' }, '': '\uD83E', c: { 'd~': ['x', { e: '\u0000' }] } };

    expect(unstorableTextIn(value)).toEqual([
      { pointer: '/a/1', inName: false },
      { pointer: '/b~1\u0000', inName: true },
      { pointer: '/', inName: false },
      { pointer: '/c/d~0/1/e', inName: false },
    ]);
    expect(unstorableTextIn('\u0000')).toEqual([{ pointer: '', inName: false }]);
    expect(unstorableTextIn({ fine: ['text', 1, null, true] })).toEqual([]);
  });

  it('is searched for in a value 100,000 deep without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}"\\u0000"${']'.repeat(100_000)}`) as unknown;

    expect(unstorableTextIn(deep)).toEqual([{ pointer: '/0'.repeat(100_000), inName: false }]);
  });
});
