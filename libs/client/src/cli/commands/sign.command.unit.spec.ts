import { describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair, serialiseKeyFile } from '@wildlife/signatures';
import { inMemoryCliIo } from '../../../test/support/in-memory-cli-io.js';
import { signatureChecker } from '../../../test/support/signature-check.js';
import { main } from '../main.js';

const { privateKey, publicKey } = generateSigningKeyPair();
const keyFile = serialiseKeyFile({ keyId: 'agency-tz-1', principalId: 'agency-tz', privateKey });
const url = 'https://intake.example/v1/support-requests';
const body = '{"caseSummary":"Ivory sold on a marketplace"}';

function headersPrinted(output: string): Record<string, string> {
  return Object.fromEntries(
    output
      .trimEnd()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

describe('wildlife sign', () => {
  it('prints header fields that make a body read from stdin verify', async () => {
    const io = inMemoryCliIo({ stdin: body, files: { 'k.json': keyFile } });

    const status = await main(['sign', 'post', url, '--key', 'k.json', '--body', '-'], io);

    expect(status).toBe(0);
    const headers = headersPrinted(io.out());
    expect(Object.keys(headers)).toEqual(['content-type', 'content-digest', 'signature-input', 'signature']);
    expect(headers['content-type']).toBe('application/json');
    const verify = signatureChecker('agency-tz-1', publicKey);
    const verdict = await verify({ method: 'POST', url, headers, body: new TextEncoder().encode(body) });
    expect(verdict.ok).toBe(true);
  });

  it('signs a body read from a file, which then cannot be swapped for another', async () => {
    const io = inMemoryCliIo({ files: { 'k.json': keyFile, 'request.json': body } });

    expect(await main(['sign', 'POST', url, '--key', 'k.json', '--body', 'request.json'], io)).toBe(0);

    const verify = signatureChecker('agency-tz-1', publicKey);
    const swapped = await verify({ method: 'POST', url, headers: headersPrinted(io.out()), body: new TextEncoder().encode('{"caseSummary":"x"}') });
    expect(swapped).toMatchObject({ ok: false, code: 'digest_mismatch' });
  });

  it('signs a read without a body and covers the content-type given by --header', async () => {
    const read = inMemoryCliIo({ files: { 'k.json': keyFile } });
    const typed = inMemoryCliIo({ stdin: body, files: { 'k.json': keyFile } });

    expect(await main(['sign', 'GET', `${url}/r-1`, '--key', 'k.json'], read)).toBe(0);
    expect(await main(['sign', 'POST', url, '-k', 'k.json', '-d', '-', '-H', 'Content-Type: application/merge-patch+json'], typed)).toBe(0);

    expect(Object.keys(headersPrinted(read.out()))).toEqual(['signature-input', 'signature']);
    expect(await signatureChecker('agency-tz-1', publicKey)({ method: 'GET', url: `${url}/r-1`, headers: headersPrinted(read.out()) })).toMatchObject({ ok: true });
    const typedHeaders = headersPrinted(typed.out());
    expect(typedHeaders['content-type']).toBeUndefined();
    expect(typedHeaders['signature-input']).toContain('"content-type"');
  });

  it('refuses a relative URL, a method that is not a token, a malformed header and a body on GET', async () => {
    const attempts = [
      ['sign', 'POST', '/v1/support-requests', '--key', 'k.json'],
      ['sign', 'PO ST', url, '--key', 'k.json'],
      ['sign', 'POST', url, '--key', 'k.json', '--header', 'no colon'],
      ['sign', 'GET', url, '--key', 'k.json', '--body', '-'],
      ['sign', 'POST', url],
    ];
    for (const argv of attempts) {
      const io = inMemoryCliIo({ files: { 'k.json': keyFile } });
      expect(await main(argv, io)).toBe(2);
      expect(io.err().split('\n')).toHaveLength(2);
      expect(io.out()).toBe('');
    }
  });

  it.each([
    ['an upper-case host', 'http://Intake.Example:3001/v1/support-requests', 'http://intake.example:3001/v1/support-requests'],
    ['an apostrophe in the query', "https://intake.example/v1/support-requests?cursor=it's", 'https://intake.example/v1/support-requests?cursor=it%27s'],
    ['the default port', 'https://intake.example:443/v1/support-requests', 'https://intake.example/v1/support-requests'],
    ['no path', 'https://intake.example', 'https://intake.example/'],
    // Never sent, so never signed: the target URI has no fragment (RFC 9110 §7.1).
    ['a fragment', 'https://intake.example/v1/support-requests?cursor=c1#top', 'https://intake.example/v1/support-requests?cursor=c1'],
    // fetch drops a lone "?" and curl keeps it: only the URL without one is sent alike by both.
    ['an empty query', 'https://intake.example/v1/support-requests?', 'https://intake.example/v1/support-requests'],
  ])('refuses a URL it would sign in another form (%s), naming that form in one line', async (_case, given, normalised) => {
    const io = inMemoryCliIo({ files: { 'k.json': keyFile } });

    expect(await main(['sign', 'GET', given, '--key', 'k.json'], io)).toBe(2);

    expect(io.err()).toBe(`wildlife: sign: the URL would be signed as ${normalised}, not as given; give it in that form, the one the request must be sent with (see wildlife --help)\n`);
    expect(io.out()).toBe('');
  });

  it('prints headers that verify for the URL in the form it is given, once that is the normalised one', async () => {
    const given = 'http://intake.example:3001/v1/support-requests?cursor=it%27s';
    const io = inMemoryCliIo({ files: { 'k.json': keyFile } });

    expect(await main(['sign', 'GET', given, '--key', 'k.json'], io)).toBe(0);

    expect(await signatureChecker('agency-tz-1', publicKey)({ method: 'GET', url: given, headers: headersPrinted(io.out()) })).toMatchObject({ ok: true });
  });

  it('fails in one line when the body file cannot be read', async () => {
    const io = inMemoryCliIo({ files: { 'k.json': keyFile } });

    expect(await main(['sign', 'POST', url, '--key', 'k.json', '--body', 'absent.json'], io)).toBe(1);
    expect(io.err()).toBe('wildlife: cannot read the body from absent.json: no such file\n');
  });
});
