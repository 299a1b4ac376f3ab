export interface CallErrorOptions extends ErrorOptions {
  /** The Idempotency-Key the request was sent under, if it sent one. */
  readonly idempotencyKey?: string;
}

/**
 * A call that failed once its request may have reached the service. A creation's failure carries
 * the Idempotency-Key its request was sent under (the caller's or the one the SDK made): send the
 * creation again with `{ idempotencyKey }` and the service answers with what the first attempt
 * created, if it created anything, never a second one. Errors thrown before a request leaves (a key
 * file that cannot be read, a body JSON cannot hold) are not of this kind: nothing was sent.
 */
export abstract class WildlifeCallError extends Error {
  readonly idempotencyKey?: string;

  protected constructor(message: string, { idempotencyKey, ...options }: CallErrorOptions = {}) {
    super(message, options);
    this.idempotencyKey = idempotencyKey;
  }
}

/**
 * No answer, or no whole answer, came back: a refused or reset connection, a DNS or TLS failure, a
 * timeout. The service may still have acted on the request. `cause` is fetch's own error.
 */
export class CallGotNoAnswer extends WildlifeCallError {
  constructor(readonly method: string, readonly url: string, options: CallErrorOptions & { readonly cause: unknown }) {
    super(`${method} ${url} got no answer: ${reasonOf(options.cause)}`, options);
    this.name = 'CallGotNoAnswer';
  }
}

/**
 * The service answered with a redirect (3xx), which is never followed: it would send the same
 * signature, its nonce and any Idempotency-Key to another URL, maybe another host. Point the
 * endpoint at `location` instead, if it is a URL you trust.
 */
export class RedirectIsNotFollowed extends WildlifeCallError {
  constructor(readonly url: string, readonly status: number, readonly location: string | undefined, options?: CallErrorOptions) {
    super(
      `The ${status} answer from ${url} redirects to ${location ?? 'no Location'}; redirects are not followed, since they would resend the signature, its nonce and any Idempotency-Key elsewhere`,
      options,
    );
    this.name = 'RedirectIsNotFollowed';
  }
}

/** A 2xx answer declared as JSON whose body does not parse. */
export class ResponseBodyIsNotJson extends WildlifeCallError {
  constructor(readonly url: string, readonly status: number, options?: CallErrorOptions) {
    super(`The ${status} answer from ${url} is declared as JSON but does not parse`, options);
    this.name = 'ResponseBodyIsNotJson';
  }
}

/** fetch's "fetch failed" says little; the socket error it wraps (ECONNREFUSED, …) says what happened. */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: unknown } | null)?.cause;
  const code = (cause as { code?: unknown } | null)?.code ?? (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
