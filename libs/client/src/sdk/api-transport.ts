import type { SignedFetch } from '@wildlife/signatures';
import { problemOf, WildlifeApiError } from './wildlife-api-error.js';
import { CallGotNoAnswer, RedirectIsNotFollowed, ResponseBodyIsNotJson } from './wildlife-call.errors.js';

export interface ApiCall {
  readonly method: 'GET' | 'POST';
  /** Absolute URL. */
  readonly url: string;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as Idempotency-Key; every error of the call then carries it. */
  readonly idempotencyKey?: string;
}

/** Sends one signed call and returns what the service answered. */
export type ApiTransport = <T>(call: ApiCall) => Promise<T>;

const ACCEPT = 'application/json, application/problem+json;q=0.9, text/plain;q=0.5';

/**
 * Every call goes through `signedFetch` (so it is signed, reads included, when that fetch signs
 * reads), which must send through `fetchForCalls`. A 2xx answer resolves to its parsed JSON, to its
 * text when it is not JSON, and to undefined when it has no body. A redirect rejects with
 * `RedirectIsNotFollowed`, any other status with `WildlifeApiError`; no answer, or a body cut off,
 * with `CallGotNoAnswer`. Each of these carries the call's Idempotency-Key.
 */
export function createApiTransport(signedFetch: SignedFetch): ApiTransport {
  return async <T>(call: ApiCall): Promise<T> => {
    const { idempotencyKey } = call;
    const response = await signedFetch(call.url, {
      method: call.method,
      headers: { accept: ACCEPT, ...call.headers, ...(idempotencyKey !== undefined && { 'idempotency-key': idempotencyKey }) },
      json: call.json,
    });
    if (isRedirect(response)) {
      await response.body?.cancel().catch(() => undefined);
      throw new RedirectIsNotFollowed(call.url, response.status, response.headers.get('location') ?? undefined, { idempotencyKey });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new CallGotNoAnswer(call.method, call.url, { idempotencyKey, cause: error });
    }
    if (!response.ok) throw new WildlifeApiError(problemOf(response.status, response.statusText, text), { idempotencyKey });
    if (text === '') return undefined as T;
    if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ResponseBodyIsNotJson(call.url, response.status, { idempotencyKey });
    }
  };
}

/** A 3xx answer as fetch returns it with `redirect: 'manual'` (browsers hide it as an opaque redirect). */
export function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * The fetch signed calls go out through (`fetch`, or the global one at the time of the call). It
 * never follows a redirect: that would resend the signature, nonce and Idempotency-Key to another
 * URL, so the transport turns the 3xx into an error instead. A request that gets no answer (a refused or reset connection, a DNS or TLS failure, a timeout)
 * rejects with `CallGotNoAnswer`, fetch's error as its cause, carrying the Idempotency-Key the
 * request was sent under.
 */
export function fetchForCalls(fetch?: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    try {
      return await (fetch ?? globalThis.fetch)(input, { ...init, redirect: 'manual' });
    } catch (error) {
      const url = input instanceof Request ? input.url : String(input);
      const idempotencyKey = new Headers(init?.headers).get('idempotency-key') ?? undefined;
      throw new CallGotNoAnswer(init?.method ?? 'GET', url, { idempotencyKey, cause: error });
    }
  };
}
