import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyRequest } from '@wildlife/signatures';

export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** The principal whose signature verified, or the verification failure code. */
  readonly signedBy?: string;
  readonly refusal?: string;
}

export type Route = (request: SeenRequest) => { status: number; body?: unknown; headers?: Record<string, string> };

export interface VerifyingService {
  readonly origin: string;
  readonly seen: SeenRequest[];
  /** Registers a principal's key, as an NCB would from the `wildlife pubkey` line. */
  register(keyId: string, principalId: string, publicKey: KeyObject): void;
  close(): Promise<void>;
}

const PROBLEM = { 'content-type': 'application/problem+json' };

/**
 * A stand-in for the services on 127.0.0.1: rebuilds each request's target URI from its own origin,
 * verifies its RFC 9421 signature (refusing unsigned or unknown-key requests with a 401 problem, as
 * the services do), then answers from `route`.
 */
export async function startVerifyingService(route: Route): Promise<VerifyingService> {
  const keys = new Map<string, { principalId: string; publicKey: KeyObject }>();
  const nonces = new Set<string>();
  const seen: SeenRequest[] = [];
  let origin = '';

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const verdict = await verifyRequest(
      { method: request.method ?? '', url: `${origin}${request.url ?? ''}`, headers: request.headers, body: body.byteLength > 0 ? body : undefined },
      {
        now: Math.floor(Date.now() / 1000),
        resolveKey: async (keyId) => keys.get(keyId),
        claimNonce: async (keyId, nonce) => !nonces.has(`${keyId} ${nonce}`) && nonces.add(`${keyId} ${nonce}`).size > 0,
      },
    );
    const base = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: body.toString('utf8') };
    const entry: SeenRequest = verdict.ok ? { ...base, signedBy: verdict.key.principalId } : { ...base, refusal: verdict.code };
    seen.push(entry);
    const { status, body: payload, headers } = verdict.ok
      ? route(entry)
      : { status: 401, body: { type: 'https://wildlife.example/problems/signature-refused', title: 'Unauthorized', status: 401, detail: verdict.code }, headers: PROBLEM };
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(payload === undefined ? undefined : JSON.stringify(payload));
  };

  const server: Server = createServer((request, response) => void answer(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    register: (keyId, principalId, publicKey) => void keys.set(keyId, { principalId, publicKey }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export { PROBLEM as PROBLEM_HEADERS };
