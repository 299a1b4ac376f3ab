import { Buffer } from 'node:buffer';
import { readKeyFile } from '../keys/key-file.io.js';
import { fieldValue } from '../message/http-request.js';
import { targetUriToSend } from '../message/target-uri.js';
import { signRequest, type SigningKey } from '../signing/sign-request.js';

export type SignedFetchOptions = {
  /**
   * Paths are resolved against it with URL rules (`new URL(path, baseUrl)`); the request is signed
   * and sent without the result's fragment or empty query (`targetUriToSend`).
   */
  readonly baseUrl: string;
  /** Default `globalThis.fetch`. */
  readonly fetch?: typeof globalThis.fetch;
  /** Sign GET and HEAD requests too (services authenticate reads this way). Default false. */
  readonly signReads?: boolean;
  /** Unix seconds for `created`; default the system clock. */
  readonly now?: () => number;
} & ({ readonly key: SigningKey } | { readonly keyFile: string });

export interface SignedRequestInit {
  /** Default GET. Upper-cased before signing and sending, as fetch would. */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised with JSON.stringify and sent as `application/json` (unless a content-type is given). */
  readonly json?: unknown;
  /** Overrides the signing decision for this one request. */
  readonly sign?: boolean;
  readonly signal?: AbortSignal;
}

export type SignedFetch = (path: string, init?: SignedRequestInit) => Promise<Response>;

/**
 * A fetch for integrators that signs each request with RFC 9421 before sending it: every request
 * other than GET and HEAD, and reads too when `signReads` is set. A JSON body is covered through
 * Content-Digest; a request without a body covers `@method` and `@target-uri` (plus content-type
 * when present). A key file is read on first use; a failed read is retried on the next call. A
 * signed request's redirect (3xx) is returned, not followed; unsigned reads follow redirects as
 * fetch does.
 */
export function createSignedFetch(options: SignedFetchOptions): SignedFetch {
  const send = options.fetch ?? globalThis.fetch;
  let key: Promise<SigningKey> | undefined = 'key' in options ? Promise.resolve(options.key) : undefined;
  const signingKey = (): Promise<SigningKey> =>
    (key ??= readKeyFile((options as { keyFile: string }).keyFile).catch((error: unknown) => {
      key = undefined;
      throw error;
    }));

  return async (path, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const url = targetUriToSend(new URL(path, options.baseUrl));
    const headers: Record<string, string> = { ...init.headers };
    let body: Buffer | undefined;
    if (init.json !== undefined) {
      const text = JSON.stringify(init.json) as string | undefined;
      if (text === undefined) throw new TypeError('The json body cannot be serialised to JSON');
      body = Buffer.from(text, 'utf8');
      if (fieldValue(headers, 'content-type') === undefined) headers['content-type'] = 'application/json';
    }
    const isRead = method === 'GET' || method === 'HEAD';
    const signed = init.sign ?? (!isRead || options.signReads === true);
    if (signed) {
      const created = options.now?.();
      Object.assign(headers, signRequest({ method, url, headers, body }, await signingKey(), { created }));
    }
    // A signed request never follows a redirect: fetch would resend the signature, its unused-once
    // nonce and the body to the Location, which could replay them where they were not meant to go
    // (and the signature names the original target, so no honest service would accept it anyway).
    // The 3xx answer is returned as it is.
    return send(url, { method, headers, body, signal: init.signal, ...(signed && { redirect: 'manual' as const }) });
  };
}
