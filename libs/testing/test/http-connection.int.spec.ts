import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HttpConnection, httpRequestBytes } from '@wildlife/testing';

// The benches' client against a real node:http server on a local port.
let server: Server;
let base: URL;
const seen: Array<{ method: string; url: string; headers: Record<string, unknown>; body: string }> = [];

/** Writes `text` in pieces, so the client has to put a head and a body together from several reads. */
function inPieces(response: ServerResponse, text: string): void {
  const bytes = Buffer.from(text);
  response.writeHead(201, { 'content-type': 'text/plain', 'content-length': bytes.length });
  response.write(bytes.subarray(0, 3));
  setTimeout(() => response.end(bytes.subarray(3)), 20);
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const path = new URL(request.url!, 'http://localhost').pathname;
      if (path === '/echo') return void response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
      if (path === '/pieces') return inPieces(response, 'a body sent in two writes');
      if (path === '/empty') return void response.writeHead(204).end();
      if (path === '/chunked') return void response.writeHead(200).end('no length given');
      if (path === '/hang-up') return void request.socket.destroy();
      response.writeHead(404, { 'content-length': 0 }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('a benchmark connection', () => {
  it('sends prepared requests one after another on one connection and reads each status and body', async () => {
    const connection = await HttpConnection.open(base);
    try {
      const posted = await connection.send(httpRequestBytes('POST', new URL('/echo?x=1', base), { 'content-type': 'application/json' }, Buffer.from('{"a":1}')));
      const pieced = await connection.send(httpRequestBytes('GET', new URL('/pieces', base), { 'x-signature': 'sig' }));
      const empty = await connection.send(httpRequestBytes('GET', new URL('/empty', base), {}));
      const missing = await connection.send(httpRequestBytes('GET', new URL('/nowhere', base), {}));

      expect(posted).toEqual({ status: 200, body: Buffer.from('{"a":1}') });
      expect(pieced).toEqual({ status: 201, body: Buffer.from('a body sent in two writes') });
      expect(empty).toEqual({ status: 204, body: Buffer.alloc(0) });
      expect(missing).toEqual({ status: 404, body: Buffer.alloc(0) });
      expect(seen.slice(-4).map(({ method, url }) => `${method} ${url}`)).toEqual(['POST /echo?x=1', 'GET /pieces', 'GET /empty', 'GET /nowhere']);
      expect(seen.at(-4)).toMatchObject({ headers: { host: base.host, 'content-type': 'application/json', 'content-length': '7' }, body: '{"a":1}' });
      expect(seen.at(-3)!.headers).toMatchObject({ 'x-signature': 'sig' });
      expect(seen.at(-3)!.headers).not.toHaveProperty('content-length');
    } finally {
      connection.close();
    }
  });

  it('answers error, and stays broken, for an answer without Content-Length or a connection the server closed', async () => {
    const chunked = await HttpConnection.open(base);
    const hungUp = await HttpConnection.open(base);
    try {
      expect(await chunked.send(httpRequestBytes('GET', new URL('/chunked', base), {}))).toBe('error');
      expect(await chunked.send(httpRequestBytes('GET', new URL('/echo', base), {}))).toBe('error');
      expect(await hungUp.send(httpRequestBytes('GET', new URL('/hang-up', base), {}))).toBe('error');
    } finally {
      chunked.close();
      hungUp.close();
    }
  });
});
