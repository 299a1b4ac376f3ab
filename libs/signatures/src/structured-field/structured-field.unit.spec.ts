import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  ByteSequence,
  Decimal,
  StructuredFieldIsMalformed,
  StructuredFieldIsUnserialisable,
  Token,
  item,
  innerList,
  parseDictionary,
  parseItemOrInnerList,
  serialiseDictionary,
  type BareItem,
  type Dictionary,
} from '../index.js';

describe('parsing a structured-field dictionary', () => {
  it('reads a Signature-Input: an inner list of strings with integer and string parameters', () => {
    const parsed = parseDictionary('sig1=("@method" "@target-uri");created=1618884473;keyid="k 1"');
    expect(parsed.get('sig1')).toEqual(
      innerList([item('@method'), item('@target-uri')], new Map<string, BareItem>([['created', 1618884473], ['keyid', 'k 1']])),
    );
  });

  it('reads every bare item type, bare keys as true, and spaces around members', () => {
    const parsed = parseDictionary('  a=1, b=-2.5, c="q\\"\\\\", d=tok/en:x, e=:AQID:, f=?0, g;p=*t, h=()  ');
    expect([...parsed.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(parsed.get('a')).toEqual(item(1));
    expect(parsed.get('b')).toEqual(item(new Decimal(-2.5)));
    expect(parsed.get('c')).toEqual(item('q"\\'));
    expect(parsed.get('d')).toEqual(item(new Token('tok/en:x')));
    expect(parsed.get('e')).toEqual(item(new ByteSequence(Uint8Array.from([1, 2, 3]))));
    expect(parsed.get('f')).toEqual(item(false));
    expect(parsed.get('g')).toEqual(item(true, new Map([['p', new Token('*t')]])));
    expect(parsed.get('h')).toEqual(innerList([]));
  });

  it('keeps the first position and the last value of a repeated key', () => {
    const parsed = parseDictionary('a=1, b=2, a=3');
    expect([...parsed.entries()]).toEqual([['a', item(3)], ['b', item(2)]]);
  });

  it.each([
    ['an unclosed inner list', 'a=("x"'],
    ['an upper-case key', 'A=1'],
    ['a trailing comma', 'a=1,'],
    ['members without a comma', 'a=1 b=2'],
    ['a control character in a string', 'a="\u0001"'],
    ['an unknown escape', 'a="\\n"'],
    ['an unclosed string', 'a="abc'],
    ['an integer of 16 digits', 'a=1234567890123456'],
    ['a decimal with 4 fractional digits', 'a=1.2345'],
    ['a decimal ending in a dot', 'a=1.'],
    ['a boolean other than ?0 or ?1', 'a=?2'],
    ['base64 without its padding', 'a=:AQI:'],
    ['base64 with stray bits', 'a=:AQJ=:'],
    ['base64url in a byte sequence', 'a=:-_8=:'],
    ['an unclosed byte sequence', 'a=:AQID'],
    ['a missing item after =', 'a='],
    ['items without a space in an inner list', 'a=("x""y")'],
    ['a non-ASCII character', 'a=é'],
  ])('refuses %s', (_what, text) => {
    expect(() => parseDictionary(text)).toThrow(StructuredFieldIsMalformed);
  });

  it('throws nothing but StructuredFieldIsMalformed, whatever the input', () => {
    const alphabet = fc.constantFrom(...'a=(" );:,?*-.0123456789AQ+/\\\tz'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (text) => {
        try {
          parseDictionary(text);
        } catch (error) {
          expect(error).toBeInstanceOf(StructuredFieldIsMalformed);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('serialising a structured-field dictionary', () => {
  const key = fc.stringMatching(/^[a-z*][a-z0-9_\-.*]{0,6}$/);
  const bareItem: fc.Arbitrary<BareItem> = fc.oneof(
    fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
    fc.integer({ min: -99_999, max: 99_999 }).map((n) => new Decimal(n / 1000)),
    fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
    fc.stringMatching(/^[A-Za-z*][A-Za-z0-9:/!#$%&'*+\-.^_`|~]{0,8}$/).map((t) => new Token(t)),
    fc.uint8Array({ maxLength: 24 }).map((b) => new ByteSequence(b)),
    fc.boolean(),
  );
  const params = fc.uniqueArray(fc.tuple(key, bareItem), { maxLength: 3, selector: ([k]) => k }).map((entries) => new Map(entries));
  const anItem = fc.tuple(bareItem, params).map(([v, p]) => item(v, p));
  const member = fc.oneof(anItem, fc.tuple(fc.array(anItem, { maxLength: 3 }), params).map(([items, p]) => innerList(items, p)));
  const dictionary = fc.uniqueArray(fc.tuple(key, member), { maxLength: 4, selector: ([k]) => k }).map((e) => new Map(e) as Dictionary);

  it('writes what parses back to the same dictionary', () => {
    fc.assert(
      fc.property(dictionary, (d) => {
        expect(parseDictionary(serialiseDictionary(d))).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a parsed canonical field back unchanged', () => {
    const field = 'sig1=("@method" "content-digest");created=1;keyid="a\\"b";alg="ed25519", sig2=:AQID:;x, ok';
    expect(serialiseDictionary(parseDictionary(field))).toBe(field);
  });

  it.each([
    ['a key outside the grammar', new Map([['Key', item(1)]])],
    ['a string with a line break', new Map([['k', item('a\nb')]])],
    ['an integer of 16 digits', new Map([['k', item(1_000_000_000_000_000)]])],
    ['a token outside the grammar', new Map([['k', item(new Token('a b'))]])],
  ])('refuses %s', (_what, d) => {
    expect(() => serialiseDictionary(d as Dictionary)).toThrow(StructuredFieldIsUnserialisable);
  });
});

describe('parsing a single item or inner list', () => {
  it('reads a stored Signature-Input member', () => {
    expect(parseItemOrInnerList('("@method");created=1')).toEqual(innerList([item('@method')], new Map([['created', 1]])));
  });

  it('refuses trailing characters', () => {
    expect(() => parseItemOrInnerList('("@method") x')).toThrow(StructuredFieldIsMalformed);
  });
});
