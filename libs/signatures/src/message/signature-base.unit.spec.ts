import { describe, expect, it } from '@jest/globals';
import { buildSignatureBase, CoveredComponentIsUnavailable, fieldValue } from '../index.js';

const PARAMS = '("x");created=1';

function valuesOf(url: string, components: string[], headers = {}) {
  return buildSignatureBase({ method: 'PATCH', url, headers }, components, PARAMS).componentValues;
}

describe('building a signature base', () => {
  it('writes one quoted line per component in covered order, then @signature-params, with no trailing newline', () => {
    const base = buildSignatureBase(
      { method: 'POST', url: 'https://a.example/p', headers: { 'X-Case': 'c-1' } },
      ['x-case', '@method'],
      '("x-case" "@method");created=1',
    );
    expect(base.text).toBe('"x-case": c-1\n"@method": POST\n"@signature-params": ("x-case" "@method");created=1');
    expect(base.bytes.toString('utf8')).toBe(base.text);
  });

  it('derives the URL components of RFC 9421 §2.2', () => {
    const values = valuesOf('https://API.Example.org:443/cases/a%20b?x=1&y=%20', [
      '@method',
      '@target-uri',
      '@authority',
      '@scheme',
      '@path',
      '@query',
      '@request-target',
    ]);
    expect({ ...values }).toEqual({
      '@method': 'PATCH',
      '@target-uri': 'https://API.Example.org:443/cases/a%20b?x=1&y=%20',
      '@authority': 'api.example.org',
      '@scheme': 'https',
      '@path': '/cases/a%20b',
      '@query': '?x=1&y=%20',
      '@request-target': '/cases/a%20b?x=1&y=%20',
    });
  });

  it('keeps a non-default port in @authority and gives "?" for an absent query', () => {
    expect({ ...valuesOf('http://h.example:8080/x', ['@authority', '@query']) }).toEqual({ '@authority': 'h.example:8080', '@query': '?' });
  });

  it('matches header names in any case, trims values and joins repeated fields with ", "', () => {
    const headers = { 'X-Tag': [' a ', 'b'], 'x-tag': 'c ', Accept: 'json' };
    expect(fieldValue(headers, 'x-tag')).toBe('a, b, c');
    expect(valuesOf('https://h.example/', ['x-tag'], headers)['x-tag']).toBe('a, b, c');
  });

  it('strips only SP and HTAB around a value (RFC 9421 §2.1), keeping NBSP, VT, FF and other spaces that are part of it', () => {
    const headers = { 'x-key': '\t \u00a0k\u000b\u000c\u2003 \t', 'idempotency-key': ' \u00a0abc' };

    expect(fieldValue(headers, 'x-key')).toBe('\u00a0k\u000b\u000c\u2003');
    expect(valuesOf('https://h.example/', ['idempotency-key'], headers)['idempotency-key']).toBe('\u00a0abc');
  });

  it.each([
    ['a covered header is absent', 'https://h.example/', ['x-absent'], {}],
    ['a header value holds a line break', 'https://h.example/', ['x-bad'], { 'x-bad': 'a\r\n"@method": GET' }],
    ['the URL is relative', '/cases', ['@target-uri'], {}],
    ['the URL is relative and @path is covered', '/cases', ['@path'], {}],
    ['a derived component is unsupported', 'https://h.example/', ['@status'], {}],
  ])('refuses when %s', (_when, url, components, headers) => {
    expect(() => valuesOf(url, components, headers)).toThrow(CoveredComponentIsUnavailable);
  });
});
