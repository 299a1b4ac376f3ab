import { randomUUID, createPrivateKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { signRequest } from '@wildlife/signatures';
import { HttpConnection, httpRequestBytes, latencySummary, type HttpAnswer, type LatencySummary } from '@wildlife/testing';

// The load generator, in a worker thread of its own so that it never shares an event loop with the
// server. It shares the machine's cores with the server, so it is kept cheap: every request is
// signed and serialised to its bytes before a phase starts (each submission with its own nonce and
// Idempotency-Key), and a phase only writes those bytes to keep-alive connections and reads each
// answer's status and Content-Length bytes (HttpConnection), so it measures the server, not the
// client.

export interface LoadClientData {
  readonly url: string;
  readonly keyId: string;
  readonly privateKeyPem: string;
  readonly submissionBody: string;
  readonly echoBody: string;
}

export type Target = 'intake' | 'echo';

export type LoadCommand =
  | { readonly kind: 'closed'; readonly target: Target; readonly concurrency: number; readonly durationMs: number; readonly maxRequests: number }
  | { readonly kind: 'open'; readonly target: Target; readonly ratePerSecond: number; readonly durationMs: number };

export interface LoadResult {
  readonly sent: number;
  /** Responses by status code; `error` counts requests that got none. */
  readonly statuses: Record<string, number>;
  readonly elapsedMs: number;
  /** 2xx answers per second over the phase. */
  readonly acceptedPerSecond: number;
  /** For the open loop, measured from when each request was due, so a late client is no excuse. */
  readonly latency: LatencySummary;
}

const OPEN_LOOP_MAX_CONNECTIONS = 256;

const data = workerData as LoadClientData;
const base = new URL(data.url);
const privateKey = createPrivateKey(data.privateKeyPem);

const statusOf = (answer: HttpAnswer) => (answer === 'error' ? 'error' : answer.status);

function prepare(target: Target, count: number): Buffer[] {
  if (target === 'echo') {
    const echo = httpRequestBytes('POST', new URL('/bench/echo', base), { 'content-type': 'application/json' }, Buffer.from(data.echoBody));
    return Array.from({ length: count }, () => echo);
  }
  const body = Buffer.from(data.submissionBody);
  const url = new URL('/v1/support-requests', base);
  return Array.from({ length: count }, () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    const signature = signRequest({ method: 'POST', url: url.href, headers, body }, { keyId: data.keyId, privateKey });
    return httpRequestBytes('POST', url, { ...headers, ...signature }, body);
  });
}

/** As fast as `concurrency` connections allow, until the time is up or the prepared requests run out. */
async function closedLoop(command: Extract<LoadCommand, { kind: 'closed' }>): Promise<LoadResult> {
  const prepared = prepare(command.target, command.maxRequests);
  const connections = await Promise.all(Array.from({ length: command.concurrency }, () => HttpConnection.open(base)));
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + command.durationMs;
  const drive = async (connection: HttpConnection) => {
    while (performance.now() < deadline && next < prepared.length) {
      const item = prepared[next++]!;
      const sentAt = performance.now();
      const status = statusOf(await connection.send(item));
      latencies.push(performance.now() - sentAt);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(connections.map(drive));
  const elapsedMs = performance.now() - started;
  for (const connection of connections) connection.close();
  return resultOf(next, statuses, elapsedMs, latencies);
}

/** Requests at a fixed arrival rate, whatever the server's pace; latency counts from when each was due. */
async function openLoop(command: Extract<LoadCommand, { kind: 'open' }>): Promise<LoadResult> {
  const total = Math.floor((command.ratePerSecond * command.durationMs) / 1000);
  const prepared = prepare(command.target, total);
  // Connections are opened before the clock starts, as many as the closed loop keeps busy; more are
  // opened (up to a bound) only when all are waiting for an answer.
  const idle = await Promise.all(Array.from({ length: 32 }, () => HttpConnection.open(base)));
  const all = [...idle];
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const intervalMs = 1000 / command.ratePerSecond;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let next = 0;
  const sendDue = async (item: Buffer, dueAt: number) => {
    let connection = idle.pop();
    if (connection === undefined && all.length < OPEN_LOOP_MAX_CONNECTIONS) {
      connection = await HttpConnection.open(base);
      all.push(connection);
    }
    while (connection === undefined) {
      await new Promise((resolve) => setImmediate(resolve));
      connection = idle.pop();
    }
    const status = statusOf(await connection.send(item));
    latencies.push(performance.now() - dueAt);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === 'error') all.splice(all.indexOf(connection), 1);
    else idle.push(connection);
  };
  await new Promise<void>((done) => {
    const dispatch = () => {
      const now = performance.now();
      while (next < total && started + next * intervalMs <= now) {
        inFlight.push(sendDue(prepared[next]!, started + next * intervalMs));
        next += 1;
      }
      if (next < total) setTimeout(dispatch, Math.max(0, started + next * intervalMs - performance.now()));
      else done();
    };
    dispatch();
  });
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - started;
  for (const connection of all) connection.close();
  return resultOf(total, statuses, elapsedMs, latencies);
}

function resultOf(sent: number, statuses: Record<string, number>, elapsedMs: number, latencies: number[]): LoadResult {
  const accepted = Object.entries(statuses).reduce((sum, [status, count]) => (status.startsWith('2') ? sum + count : sum), 0);
  return { sent, statuses, elapsedMs: Math.round(elapsedMs), acceptedPerSecond: Math.round((accepted * 1000) / elapsedMs), latency: latencySummary(latencies) };
}

parentPort!.on('message', (command: LoadCommand) => {
  void (command.kind === 'closed' ? closedLoop(command) : openLoop(command)).then((result) => parentPort!.postMessage(result));
});
