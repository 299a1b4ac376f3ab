import { WildlifeCallError, type CallErrorOptions } from './wildlife-call.errors.js';

/** One invalid field of a refused request body, as the services list them. */
export interface ProblemFieldError {
  /** JSON Pointer (RFC 6901) into the request body, e.g. `/platforms/0/countryOfOperation`. */
  readonly pointer?: string;
  readonly reason?: string;
  readonly [member: string]: unknown;
}

/** An RFC 9457 problem details object, with any extension members the service added. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly ProblemFieldError[];
  readonly [extension: string]: unknown;
}

/**
 * A service answered with a status outside 2xx. Carries the problem details it sent; an answer that
 * was not problem+json (a proxy's HTML page, say) is described as an `about:blank` problem with the
 * HTTP status text as title and the start of the body as detail, so callers handle one shape. A
 * creation's refusal carries the Idempotency-Key it was sent under (see `WildlifeCallError`).
 */
export class WildlifeApiError extends WildlifeCallError {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly ProblemFieldError[];

  constructor(readonly problem: ProblemDetails, options?: CallErrorOptions) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''} (${problem.type})`, options);
    this.name = 'WildlifeApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.errors = problem.errors;
  }
}

const DETAIL_EXCERPT_LENGTH = 200;

/**
 * The problem a non-2xx answer describes. Missing or mistyped members fall back to RFC 9457's
 * defaults (`type` about:blank, `title` the status text); `status` is always the HTTP status, even when
 * the body claims another, because that is the one the client acted on.
 */
export function problemOf(status: number, statusText: string, bodyText: string): ProblemDetails {
  const parsed = parseJsonObject(bodyText);
  if (parsed === undefined) {
    const excerpt = bodyText.trim().slice(0, DETAIL_EXCERPT_LENGTH);
    return { type: 'about:blank', title: statusText || `HTTP ${status}`, status, ...(excerpt ? { detail: excerpt } : {}) };
  }
  const { type, title, detail, instance, errors } = parsed;
  return {
    ...parsed,
    type: typeof type === 'string' && type !== '' ? type : 'about:blank',
    title: typeof title === 'string' && title !== '' ? title : statusText || `HTTP ${status}`,
    status,
    detail: typeof detail === 'string' ? detail : undefined,
    instance: typeof instance === 'string' ? instance : undefined,
    errors: Array.isArray(errors) ? (errors.filter(isObject) as ProblemFieldError[]) : undefined,
  };
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
