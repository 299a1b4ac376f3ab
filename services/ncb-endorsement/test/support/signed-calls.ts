import { createSignedFetch } from '@wildlife/signatures';
import type { CastKey } from './cast.js';

export interface Answer {
  readonly status: number;
  readonly etag: string | null;
  readonly body: Record<string, unknown>;
}

export interface SignedCalls {
  get(path: string): Promise<Answer>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
}

/** Calls to the service signed (RFC 9421) with `key`, reads included. */
export function signedCalls(baseUrl: string, key: CastKey): SignedCalls {
  const send = createSignedFetch({ baseUrl, key: { keyId: key.keyId, privateKey: key.privateKey }, signReads: true });
  const answer = async (response: Response): Promise<Answer> => ({
    status: response.status,
    etag: response.headers.get('etag'),
    body: (await response.json()) as Record<string, unknown>,
  });
  return {
    get: async (path) => answer(await send(path)),
    post: async (path, body, headers = {}) => answer(await send(path, { method: 'POST', json: body, headers })),
  };
}
