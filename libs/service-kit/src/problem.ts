import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { EventIdIsAlreadyRecorded, OutboxMessageIdIsAlreadyWritten } from '@wildlife/event-store';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** An RFC 9457 problem details object. Extension members carry machine-readable detail. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://wildlife-cybercrime.example/problems/';

/**
 * An error that is meant to reach the caller as a problem response. Domain refusals are mapped to
 * these at the HTTP edge; `code` becomes the last segment of the problem `type`.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }

  toProblem(instance?: string): ProblemDetails {
    return { type: TYPE_BASE + this.code, title: this.title, status: this.status, detail: this.detail, instance, ...this.extensions };
  }
}

/**
 * The 409 problem for a signed write whose record id, derived from its signature's (keyId, created,
 * nonce), is the id of a record already stored: two accepted requests that derived the same id. The
 * nonce store makes that impossible while its claims hold (`verifyRequest`); should one ever be lost
 * (a sweep by an instance whose clock runs more than its grace ahead, a restored database), the
 * write is refused, nothing stored, rather than answered with a 500.
 */
export function recordIdAlreadyUsedProblem(): ProblemError {
  return new ProblemError(
    409,
    'record-id-already-used',
    'Conflict',
    'A record under the id derived from this request’s signature (its key, created time and nonce) exists already; nothing was stored. Sign the request again, with a new nonce, to send it again.',
  );
}

/**
 * Turns every error escaping a handler into an RFC 9457 response; an append that met a record id
 * already stored becomes `recordIdAlreadyUsedProblem` (409); other unknown errors a bare 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problemError = toProblemError(error);
    // Deliberate problem answers are the API working; only an unexpected error is worth an error log.
    if (problemError.code === 'internal-error') this.logger.error({ err: error, url: request.url }, 'request failed');
    void sendProblem(reply, problemError, request.url);
  }
}

/**
 * Writes `problem` on `reply` as `application/problem+json`: how every problem answer goes out. No
 * cache keeps one: `Cache-Control: no-store`, unless the route set a value that says `no-store`
 * already (provenance's `private, no-store`) or the problem carries its own.
 */
export function sendProblem(reply: FastifyReply, problem: ProblemError, instance?: string): FastifyReply {
  const cacheControl = reply.getHeader('cache-control');
  if (typeof cacheControl !== 'string' || !/(^|[\s,])no-store($|[\s,])/i.test(cacheControl)) reply.header('cache-control', 'no-store');
  return reply.status(problem.status).headers(problem.headers).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem.toProblem(instance)));
}

/**
 * Fastify's `frameworkErrors`: the answers Fastify makes itself, before any route or filter (a path
 * whose percent-encoding is malformed, a path parameter over its length limit), as problems.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(reply, toProblemError(error), request.url);
}

function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof EventIdIsAlreadyRecorded || error instanceof OutboxMessageIdIsAlreadyWritten) return recordIdAlreadyUsedProblem();
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
    return new ProblemError(status, slug(HttpStatus[status] ?? 'error'), titleOf(status), detail);
  }
  const fastifyStatus = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return new ProblemError(fastifyStatus, slug(HttpStatus[fastifyStatus] ?? 'bad-request'), titleOf(fastifyStatus), (error as Error).message);
  }
  return new ProblemError(500, 'internal-error', 'Internal Server Error', 'The request could not be completed; nothing was changed by it.');
}

function slug(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

function titleOf(status: number): string {
  const name = HttpStatus[status];
  return name ? name.toLowerCase().split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') : 'Error';
}
