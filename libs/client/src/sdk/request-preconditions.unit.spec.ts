import { describe, expect, it } from '@jest/globals';
import { idempotencyKeyOrNew, ifMatch, queryString, segment } from './request-preconditions.js';

describe('If-Match from a version', () => {
  it('quotes a bare version as a strong entity tag', () => {
    expect(ifMatch(7)).toBe('"7"');
    expect(ifMatch('7')).toBe('"7"');
  });

  it('sends an ETag read back from a response unchanged', () => {
    expect(ifMatch('"7"')).toBe('"7"');
  });

  it('refuses a weak entity tag, which the services’ strong comparison never matches', () => {
    expect(() => ifMatch('W/"7"')).toThrow(new TypeError('W/"7" is a weak entity tag, which the services never match: send the version, or the strong ETag they answered'));
  });

  it('refuses a version that cannot be an entity tag', () => {
    expect(() => ifMatch('7"')).toThrow(TypeError);
    expect(() => ifMatch('"7"8"')).toThrow(TypeError);
    expect(() => ifMatch('"7 "')).toThrow(TypeError);
    expect(() => ifMatch('')).toThrow(TypeError);
  });
});

describe('the Idempotency-Key of a creation', () => {
  it('is the caller’s when given, a fresh UUID otherwise', () => {
    expect(idempotencyKeyOrNew('retry-42')).toBe('retry-42');
    const [first, second] = [idempotencyKeyOrNew(undefined), idempotencyKeyOrNew(undefined)];
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first).not.toBe(second);
  });
});

describe('query strings and path segments', () => {
  it('leaves out undefined parameters and encodes the rest', () => {
    expect(queryString({ status: 'endorsed', cursor: undefined, limit: 20 })).toBe('?status=endorsed&limit=20');
    expect(queryString({ cursor: 'a&b=c' })).toBe('?cursor=a%26b%3Dc');
    expect(queryString({ cursor: undefined })).toBe('');
  });

  it('keeps an id from escaping its path segment', () => {
    expect(segment('../registry/agencies')).toBe('..%2Fregistry%2Fagencies');
    expect(() => segment('..')).toThrow(TypeError);
  });
});
