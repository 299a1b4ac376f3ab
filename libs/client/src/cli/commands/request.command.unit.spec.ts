import { describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair, serialiseKeyFile } from '@wildlife/signatures';
import { inMemoryCliIo } from '../../../test/support/in-memory-cli-io.js';
import { signatureChecker } from '../../../test/support/signature-check.js';
import { main } from '../main.js';

const { privateKey, publicKey } = generateSigningKeyPair();
const keyFile = serialiseKeyFile({ keyId: 'ncb-tz-1', principalId: 'ncb-tz', privateKey });
const endorse = 'https://endorsement.example/v1/support-requests/r-1/endorse';

/** A service that answers 200 with what it saw, or 401 when the signature does not verify. */
function verifyingService() {
  const verify = signatureChecker('ncb-tz-1', publicKey, 'ncb-tz');
  return async (request: Request) => {
    const body = new Uint8Array(await request.arrayBuffer());
    const verdict = await verify({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
    return verdict.ok
      ? Response.json({ signedBy: verdict.key.principalId, ifMatch: request.headers.get('if-match') })
      : Response.json({ type: 'https://wildlife.example/problems/signature-invalid', title: 'Unauthorized', status: 401, detail: verdict.code }, { status: 401 });
  };
}

describe('wildlife request', () => {
  it('sends a signed request with its headers and prints the status line and the answer', async () => {
    const io = inMemoryCliIo({ stdin: '{"note":"checked"}', files: { 'k.json': keyFile }, answer: verifyingService() });

    const status = await main(['request', 'POST', endorse, '--key', 'k.json', '--body', '-', '--header', 'If-Match: "3"'], io);

    expect(status).toBe(0);
    expect(io.out()).toBe(`200 OK\n${JSON.stringify({ signedBy: 'ncb-tz', ifMatch: '"3"' }, null, 2)}\n`);
    expect(io.sent[0]).toMatchObject({ method: 'POST', url: endorse, body: '{"note":"checked"}' });
    expect(io.sent[0]!.headers['content-type']).toBe('application/json');
    expect(io.err()).toBe('');
  });

  it('prints the problem of an answer outside 2xx and fails', async () => {
    const problem = {
      type: 'https://wildlife.example/problems/version-mismatch',
      title: 'Precondition Failed',
      status: 412,
      detail: 'The request is at version 4, not 3.',
    };
    const io = inMemoryCliIo({
      files: { 'k.json': keyFile },
      answer: () => new Response(JSON.stringify(problem), { status: 412, statusText: 'Precondition Failed', headers: { 'content-type': 'application/problem+json' } }),
    });

    const status = await main(['request', 'POST', endorse, '--key', 'k.json', '-H', 'if-match: "3"'], io);

    expect(status).toBe(1);
    expect(io.out()).toBe(`412 Precondition Failed\n${JSON.stringify(problem, null, 2)}\n`);
    expect(io.err()).toBe(
      'wildlife: 412 Precondition Failed: The request is at version 4, not 3. (https://wildlife.example/problems/version-mismatch)\n',
    );
  });

  it('fails in one line even when the problem it prints spans several', async () => {
    const page = '<html>\n  <body>\n    <h1>502 Bad Gateway</h1>\n  </body>\n</html>\n';
    const io = inMemoryCliIo({ files: { 'k.json': keyFile }, answer: () => new Response(page, { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }) });

    expect(await main(['request', 'GET', endorse, '--key', 'k.json'], io)).toBe(1);
    expect(io.out()).toBe(`502 Bad Gateway\n${page}`);
    expect(io.err()).toBe('wildlife: 502 Bad Gateway: <html> <body> <h1>502 Bad Gateway</h1> </body> </html> (about:blank)\n');
  });

  it('fails in one line when the service cannot be reached', async () => {
    const io = inMemoryCliIo({ files: { 'k.json': keyFile } });

    expect(await main(['request', 'GET', 'http://127.0.0.1:9/v1/log/checkpoint', '--key', 'k.json'], io)).toBe(1);
    expect(io.err()).toBe('wildlife: cannot reach http://127.0.0.1:9/v1/log/checkpoint: connection refused\n');
    expect(io.out()).toBe('');
  });

  it('refuses to send anything without a key', async () => {
    const io = inMemoryCliIo({ answer: verifyingService() });

    expect(await main(['request', 'GET', endorse], io)).toBe(2);
    expect(io.sent).toHaveLength(0);
  });

  it('refuses a URL with user info, which a signed request never sends, and sends nothing', async () => {
    const io = inMemoryCliIo({ files: { 'k.json': keyFile }, answer: verifyingService() });

    expect(await main(['request', 'GET', 'https://officer:secret@endorsement.example/v1/permits/p-1', '--key', 'k.json'], io)).toBe(2);
    expect(io.err()).toMatch(/^wildlife: request: "https:\/\/officer:secret@endorsement\.example\/v1\/permits\/p-1" carries user info/);
    expect(io.sent).toHaveLength(0);
  });
});
