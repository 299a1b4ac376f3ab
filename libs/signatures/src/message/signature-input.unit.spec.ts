import { describe, expect, it } from '@jest/globals';
import { parseItemOrInnerList, readSignatureInput, SignatureInputIsMalformed, writeSignatureInput } from '../index.js';

const read = (text: string) => readSignatureInput(parseItemOrInnerList(text));

describe('reading a Signature-Input member', () => {
  it('gives the covered components, the known parameters and the canonical serialisation', () => {
    const input = read('("@method" "content-digest");created=10;expires=20;keyid="k";alg="ed25519";nonce="n";tag="t";other=?1');
    expect(input.components).toEqual(['@method', 'content-digest']);
    expect(input.parameters).toEqual({ created: 10, expires: 20, keyid: 'k', alg: 'ed25519', nonce: 'n', tag: 't' });
    expect(input.serialised).toBe('("@method" "content-digest");created=10;expires=20;keyid="k";alg="ed25519";nonce="n";tag="t";other');
  });

  it.each([
    ['a single item instead of an inner list', '"@method";created=1'],
    ['a component that is a token', '(content-type)'],
    ['a component with parameters', '("content-type";sf)'],
    ['an upper-case field name', '("Content-Type")'],
    ['an unsupported derived component', '("@status")'],
    ['a component covered twice', '("@method" "@method")'],
    ['created that is not an integer', '("@method");created="1"'],
    ['keyid that is not a string', '("@method");keyid=k'],
    ['nonce that is a byte sequence', '("@method");nonce=:AQID:'],
  ])('refuses %s', (_what, text) => {
    expect(() => read(text)).toThrow(SignatureInputIsMalformed);
  });
});

describe('writing a Signature-Input member', () => {
  it('writes parameters in the order created, expires, keyid, alg, nonce, tag and omits absent ones', () => {
    const input = writeSignatureInput(['@method'], { nonce: 'n', alg: 'ed25519', keyid: 'k', created: 5 });
    expect(input.serialised).toBe('("@method");created=5;keyid="k";alg="ed25519";nonce="n"');
  });
});
