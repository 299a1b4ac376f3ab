import { applyDecorators, type CallHandler, type ExecutionContext, Header, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';

/**
 * For an answer that moves (the latest checkpoint) or holds record contents (a record's
 * provenance): kept by no cache. Requests are signed with `Signature`, not `Authorization`, so a
 * shared cache would not hold these back by default (RFC 9111 §3.5).
 */
export const MOVING_ANSWER = 'private, no-store';

/**
 * For an answer that never changes once given (entries, and proofs between given sizes: a tree of a
 * size is the same tree forever): a private cache (the auditor's) may keep it, a shared one may not.
 */
export const IMMUTABLE_ANSWER = 'private, max-age=31536000, immutable';

class CacheControlOnSuccess implements NestInterceptor {
  constructor(private readonly value: string) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(tap(() => void context.switchToHttp().getResponse<FastifyReply>().header('cache-control', this.value)));
  }
}

/**
 * `Cache-Control: <value>` on the route's successful answers only, and `private, no-store` on its
 * refusals (400, 403, 404, 503: they may change as the log grows). `@Header` alone would set the
 * value before the handler runs, on refusals too: a 400 for a range beyond today's log kept a year.
 */
export function CacheableAnswer(value: string): MethodDecorator {
  return applyDecorators(Header('cache-control', MOVING_ANSWER), UseInterceptors(new CacheControlOnSuccess(value)));
}
