import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ProblemError, sendProblem } from './problem.js';
import { settlesWithin } from './shutdown.js';

/** What a request that arrives while the service closes is answered. */
const shuttingDown = new ProblemError(503, 'shutting-down', 'Service Unavailable', 'The service is shutting down: send the request again, to another instance or once it is back.');

/**
 * The HTTP side of a service's shutdown. From `begin()` on, every response says `Connection: close`,
 * so a keep-alive connection ends with the request it carries instead of holding the server's close
 * for its idle timeout (72 s in Fastify), and a request that arrives (on a connection already open)
 * is answered 503 as a problem: Fastify's own 503 while closing, a plain JSON body, is turned off
 * (`return503OnClosing: false` where the adapter is made). `drain` bounds the wait for the requests
 * in flight.
 */
export class HttpClosing {
  private closing = false;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly logger: Logger,
  ) {
    const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', async (request, reply) => {
      // Returning the reply tells Fastify the answer is made: no route runs.
      if (this.closing) return sendProblem(reply, shuttingDown, request.url);
    });
    fastify.addHook('onSend', async (_request, reply, payload) => {
      if (this.closing) void reply.header('connection', 'close');
      return payload;
    });
  }

  begin(): void {
    this.closing = true;
  }

  /**
   * Waits up to `withinMs` for `closed` (the app's close, which waits for the requests in flight),
   * then closes every connection still open (their requests get no answer) and waits for `closed`.
   */
  async drain(closed: Promise<void>, withinMs: number): Promise<void> {
    if (!(await settlesWithin(withinMs, closed))) {
      this.logger.warn({ withinMs }, `requests still in flight after ${withinMs} ms: closing their connections`);
      this.app.getHttpServer().closeAllConnections();
    }
    await closed;
  }
}
