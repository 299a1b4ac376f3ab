import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiResponse } from '@nestjs/swagger';
import { ProblemError } from './problem.js';
import { ProblemResponse } from './problem.response.js';
import { PublicRoute } from './signed-requests/signed-request.guard.js';
import { READINESS_CHECKS } from './tokens.js';
import type { ReadinessCheck } from './readiness.js';

/**
 * Liveness says the process serves requests; readiness says its PostgreSQL and Kafka answer now (not
 * that its consumers have joined their groups, which can take a dead member's session).
 * A dependency that is down gives 503 with the list of dependencies and which are down.
 */
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('live')
  live() {
    return { status: 'up' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Every dependency answers: `dependencies` lists each' })
  @ApiResponse({ status: 503, type: ProblemResponse, description: 'A dependency is down (`dependency-down`): `dependencies` lists each, and which are down' })
  async ready() {
    const dependencies = await Promise.all(this.checks.map((c) => c.check()));
    const down = dependencies.filter((d) => !d.up);
    if (down.length > 0) {
      throw new ProblemError(503, 'dependency-down', 'Service Unavailable', `Not ready: ${down.map((d) => `${d.name} is down (${d.detail})`).join('; ')}`, {
        dependencies,
      });
    }
    return { status: 'up', dependencies };
  }
}
