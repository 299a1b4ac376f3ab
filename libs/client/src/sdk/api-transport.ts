import type { SignedFetch } from '@wildlife/signatures';
import { problemOf, WildlifeApiError } from './wildlife-api-error.js';

/** A 2xx answer declared as JSON whose body does not parse. */
export class ResponseBodyIsNotJson extends Error {
  constructor(readonly url: string, readonly status: number) {
    super(`The ${status} answer from ${url} is declared as JSON but does not parse`);
    this.name = 'ResponseBodyIsNotJson';
  }
}

export interface ApiCall {
  readonly method: 'GET' | 'POST';
  /** Absolute URL. */
  readonly url: string;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends one signed call and returns what the service answered. */
export type ApiTransport = <T>(call: ApiCall) => Promise<T>;

const ACCEPT = 'application/json, application/problem+json;q=0.9, text/plain;q=0.5';

/**
 * Every call goes through `signedFetch` (so it is signed, reads included, when that fetch signs
 * reads). A 2xx answer resolves to its parsed JSON, to its text when it is not JSON, and to undefined
 * when it has no body. Any other status rejects with `WildlifeApiError`; network failures reject with
 * fetch's own error.
 */
export function createApiTransport(signedFetch: SignedFetch): ApiTransport {
  return async <T>(call: ApiCall): Promise<T> => {
    const response = await signedFetch(call.url, {
      method: call.method,
      headers: { accept: ACCEPT, ...call.headers },
      json: call.json,
    });
    const text = await response.text();
    if (!response.ok) throw new WildlifeApiError(problemOf(response.status, response.statusText, text));
    if (text === '') return undefined as T;
    if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ResponseBodyIsNotJson(call.url, response.status);
    }
  };
}
