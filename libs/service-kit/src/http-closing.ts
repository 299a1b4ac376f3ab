import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { settlesWithin } from './shutdown.js';

/**
 * The HTTP side of a service's shutdown. From `begin()` on, every response says `Connection: close`,
 * so a keep-alive connection ends with the request it carries instead of holding the server's close
 * for its idle timeout (72 s in Fastify). `drain` bounds the wait for the requests in flight.
 */
export class HttpClosing {
  private closing = false;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly logger: Logger,
  ) {
    const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
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
