import { Controller, Get, Inject, ParseIntPipe, Query } from '@nestjs/common';
import { LOGGER, PublicRoute } from '@wildlife/service-kit';
import type { Logger } from 'pino';

/**
 * A request a test can keep in flight: `GET /held?ms=N` answers after N milliseconds (as a slow query
 * or a slow downstream call would), so that a test can stop the service while it runs. It logs
 * `holding a request` (at info) once it has the request.
 */
@PublicRoute()
@Controller('held')
export class HeldRequestController {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  @Get()
  async hold(@Query('ms', ParseIntPipe) ms: number): Promise<{ heldMs: number }> {
    this.logger.info({ ms }, 'holding a request');
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { heldMs: ms };
  }
}
