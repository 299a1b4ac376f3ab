import { randomUUID, createPrivateKey } from 'node:crypto';
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { signRequest } from '@wildlife/signatures';
import { latencySummaryOf, type LatencySummary } from './latency-summary.js';

// The load generator, in a worker thread of its own so that it never shares an event loop with the
// server. Every submission is signed before a phase starts (each with its own nonce and
// Idempotency-Key), so the phase measures the server, not the client's signing.

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
  readonly latencyMs: LatencySummary;
}

interface Prepared {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

const data = workerData as LoadClientData;
const base = new URL(data.url);
const privateKey = createPrivateKey(data.privateKeyPem);

function prepare(target: Target, count: number): Prepared[] {
  if (target === 'echo') {
    const body = Buffer.from(data.echoBody);
    const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };
    return Array.from({ length: count }, () => ({ path: '/bench/echo', headers, body }));
  }
  const body = Buffer.from(data.submissionBody);
  const url = new URL('/v1/support-requests', base).href;
  return Array.from({ length: count }, () => {
    const headers = { 'content-type': 'application/json', 'idempotency-key': randomUUID() };
    const signature = signRequest({ method: 'POST', url, headers, body }, { keyId: data.keyId, privateKey });
    return { path: '/v1/support-requests', headers: { ...headers, ...signature, 'content-length': String(body.length) }, body };
  });
}

function send(agent: Agent, prepared: Prepared): Promise<number | 'error'> {
  return new Promise((resolve) => {
    const outgoing = request({ host: base.hostname, port: base.port, method: 'POST', path: prepared.path, headers: prepared.headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 'error'));
      response.on('error', () => resolve('error'));
    });
    outgoing.on('error', () => resolve('error'));
    outgoing.end(prepared.body);
  });
}

/** As fast as `concurrency` connections allow, until the time is up or the prepared requests run out. */
async function closedLoop(command: Extract<LoadCommand, { kind: 'closed' }>): Promise<LoadResult> {
  const prepared = prepare(command.target, command.maxRequests);
  const agent = new Agent({ keepAlive: true, maxSockets: command.concurrency });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + command.durationMs;
  const connection = async () => {
    while (performance.now() < deadline && next < prepared.length) {
      const item = prepared[next++]!;
      const sentAt = performance.now();
      const status = await send(agent, item);
      latencies.push(performance.now() - sentAt);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: command.concurrency }, connection));
  agent.destroy();
  return resultOf(next, statuses, performance.now() - started, latencies);
}

/** Requests at a fixed arrival rate, whatever the server's pace; latency counts from when each was due. */
async function openLoop(command: Extract<LoadCommand, { kind: 'open' }>): Promise<LoadResult> {
  const total = Math.floor((command.ratePerSecond * command.durationMs) / 1000);
  const prepared = prepare(command.target, total);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const intervalMs = 1000 / command.ratePerSecond;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let next = 0;
  await new Promise<void>((done) => {
    const dispatch = () => {
      const now = performance.now();
      while (next < total && started + next * intervalMs <= now) {
        const dueAt = started + next * intervalMs;
        const item = prepared[next++]!;
        inFlight.push(
          send(agent, item).then((status) => {
            latencies.push(performance.now() - dueAt);
            statuses[status] = (statuses[status] ?? 0) + 1;
          }),
        );
      }
      if (next < total) setTimeout(dispatch, Math.max(0, started + next * intervalMs - performance.now()));
      else done();
    };
    dispatch();
  });
  await Promise.all(inFlight);
  agent.destroy();
  return resultOf(total, statuses, performance.now() - started, latencies);
}

function resultOf(sent: number, statuses: Record<string, number>, elapsedMs: number, latencies: number[]): LoadResult {
  const accepted = Object.entries(statuses).reduce((sum, [status, count]) => (status.startsWith('2') ? sum + count : sum), 0);
  return { sent, statuses, elapsedMs: Math.round(elapsedMs), acceptedPerSecond: Math.round((accepted * 1000) / elapsedMs), latencyMs: latencySummaryOf(latencies) };
}

parentPort!.on('message', (command: LoadCommand) => {
  void (command.kind === 'closed' ? closedLoop(command) : openLoop(command)).then((result) => parentPort!.postMessage(result));
});
