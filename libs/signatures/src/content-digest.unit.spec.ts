import { describe, expect, it } from '@jest/globals';
import { checkContentDigest, contentDigest } from './index.js';

// RFC 9530 §2 and RFC 9421 Appendix B.2 give these digests of the body {"hello": "world"}.
const body = new TextEncoder().encode('{"hello": "world"}');
const SHA_256 = 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:';
const SHA_512 = 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:';

describe('the Content-Digest of a body', () => {
  it('is the sha-256 member of RFC 9530', () => {
    expect(contentDigest(body)).toBe(SHA_256);
  });

  it('is defined for an empty body', () => {
    expect(contentDigest(new Uint8Array(0))).toBe('sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:');
  });
});

describe('checking a Content-Digest against its body', () => {
  it.each([
    ['match', 'the sha-256 member matches', SHA_256, body],
    ['match', 'sha-256 and sha-512 members both match', `${SHA_512}, ${SHA_256}`, body],
    ['match', 'an unknown algorithm is present beside a matching sha-256', `md5=:AAAA:, ${SHA_256}`, body],
    ['missing', 'the field is absent', undefined, body],
    ['missing', 'only sha-512 is given (sha-256 is required)', SHA_512, body],
    ['mismatch', 'the body differs', SHA_256, new TextEncoder().encode('{"hello": "World"}')],
    ['mismatch', 'a sha-512 member beside a good sha-256 does not match', `${SHA_256}, sha-512=:AAAA:`, body],
    ['malformed', 'the field does not parse', 'sha-256=X48E9', body],
    ['malformed', 'the digest is not a byte sequence', 'sha-256="X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="', body],
  ])('answers %s when %s', (expected, _when, field, given) => {
    expect(checkContentDigest(field, given)).toBe(expected);
  });
});
