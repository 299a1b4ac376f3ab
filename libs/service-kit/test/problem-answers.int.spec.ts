import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Param } from '@nestjs/common';
import { readServiceSettings } from '@wildlife/config';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { MAX_ID_LENGTH } from '@wildlife/contracts';
import { EventIdIsAlreadyRecorded, OutboxMessageIdIsAlreadyWritten } from '@wildlife/event-store';
import { createServiceApp, MAX_ROUTE_PARAMETER_LENGTH, PublicRoute, type ServiceApp } from '../src/index.js';

@PublicRoute()
@Controller('t')
class ThingsController {
  @Get(':id')
  thing(@Param('id') id: string) {
    return { id };
  }

  /** An append that met an id already stored, as the event store reports it. */
  @Get('appended/:which')
  appended(@Param('which') which: string) {
    throw which === 'event' ? new EventIdIsAlreadyRecorded('support-request-r1') : new OutboxMessageIdIsAlreadyWritten('support-request-r1');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

const environment: ServiceTestEnvironment = serviceTestEnvironment('kit-problem-answers');

async function start(env: Record<string, string> = {}): Promise<{ service: ServiceApp; url: string }> {
  const settings = readServiceSettings({ name: 'kit-problems', defaultPort: 0 }, {}, { ...environment.env, ...env });
  const service = await createServiceApp({ name: 'kit-problems', settings, module: ThingsModule });
  return { service, url: await service.listen() };
}

/** An HTTP/1.1 answer read off a raw socket: its status line's code, its headers, its body. */
function answerOn(socket: Socket): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('error', reject);
    socket.once('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = connect({ host: '127.0.0.1', port });
    probe.once('connect', () => (probe.destroy(), resolve(false)));
    probe.once('error', () => resolve(true));
  });

describe('answers Fastify makes itself, outside any route', () => {
  let running: { service: ServiceApp; url: string };

  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.service.close();
    await environment.cleanup();
  });

  it.each([
    ['a malformed percent-encoding in the path', '/t/%E0%A4%A', 400, 'bad-request', /is not a valid url component/],
    ['a path parameter over its length limit', `/t/${'x'.repeat(MAX_ROUTE_PARAMETER_LENGTH + 1)}`, 414, 'uri-too-long', /exceeding the max param length/],
  ])('%s is an RFC 9457 problem', async (_case, path, status, code, detail) => {
    const answer = await fetch(`${running.url}${path}`);

    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({
      type: `https://wildlife-cybercrime.example/problems/${code}`,
      title: expect.any(String),
      status,
      detail: expect.stringMatching(detail),
      instance: path,
    });
  });

  it.each([
    ['ASCII', 'r'.repeat(MAX_ID_LENGTH)],
    // The router counts UTF-16 code units, two for each of these; the contracts count code points.
    ['outside the BMP', '\u{1F994}'.repeat(MAX_ID_LENGTH)],
    ['with reserved characters, percent-encoded', `${'r'.repeat(MAX_ID_LENGTH - 2)}/?`],
  ])('routes a path parameter as long as the longest id a contract allows (%s)', async (_case, id) => {
    const answer = await fetch(`${running.url}/t/${encodeURIComponent(id)}`);

    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ id });
  });

  it.each([['event'], ['outbox']])('answers an append whose %s id is already stored with the 409 problem record-id-already-used, not a 500', async (which) => {
    const answer = await fetch(`${running.url}/t/appended/${which}`);

    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await answer.json()).toMatchObject({ type: 'https://wildlife-cybercrime.example/problems/record-id-already-used', status: 409, instance: `/t/appended/${which}` });
  });

  it('answers a request that arrives while the service closes with a 503 problem, and closes its connection', async () => {
    // Given a service and a connection on which a request has begun (not idle: closing leaves it open).
    // The request completes only once the server refuses connections, which a loaded machine may see
    // late: a long budget keeps the drain (30 % of it) from closing the connection before that.
    const { service, url } = await start({ SHUTDOWN_TIMEOUT_MS: '60000' });
    const { port } = new URL(url);
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    await new Promise((resolve) => socket.once('connect', resolve));
    const answer = answerOn(socket);
    socket.write('GET /health/live HTTP/1.1\r\nhost: 127.0.0.1\r\n');

    // When the service closes, and only then the request is complete
    const closed = service.close();
    await waitUntil('the server takes no new connection', () => refusesConnections(Number(port)));
    socket.write('\r\n');

    // Then it is refused as a problem, and the connection is closed after it
    const { status, headers, body } = await answer;
    expect(status).toBe(503);
    expect(headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(headers.connection).toBe('close');
    expect(JSON.parse(body)).toMatchObject({ type: 'https://wildlife-cybercrime.example/problems/shutting-down', status: 503, instance: '/health/live' });
    await closed;
  });
});
