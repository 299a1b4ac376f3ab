import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { IsIn, IsString, Length } from 'class-validator';
import { defineRequestIntake, loadRequestIntakeConfig, RequestIntakeModule } from '@wildlife/request-intake';
import { createServiceApp, PublicRoute, type PrincipalDirectory, type ServiceApp } from '@wildlife/service-kit';

// The service under load, in this process: request intake as it runs in production, plus one
// bench-only route that shows what the same HTTP server costs without signatures or a database.

class EchoBody {
  @IsString()
  @Length(1, 200)
  caseSummary!: string;

  @IsIn(['routine', 'urgent', 'critical'])
  urgency!: string;
}

@Controller('bench')
class BenchEchoController {
  /** The baseline: routing, JSON parsing and the same global validation pipe; nothing else. */
  @Post('echo')
  @PublicRoute()
  @HttpCode(202)
  echo(@Body() body: EchoBody): { urgency: string } {
    return { urgency: body.urgency };
  }
}

@Module({ imports: [RequestIntakeModule], controllers: [BenchEchoController] })
class IntakeBenchModule {}

export async function startBenchServer(env: NodeJS.ProcessEnv, principals: PrincipalDirectory): Promise<{ service: ServiceApp; url: string }> {
  const definition = defineRequestIntake(loadRequestIntakeConfig(env), { principals });
  const service = await createServiceApp({ ...definition, module: IntakeBenchModule });
  return { service, url: await service.listen() };
}
