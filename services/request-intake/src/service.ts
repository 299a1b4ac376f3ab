import type { ServiceDefinition } from '@wildlife/service-kit';
import { RequestIntakeModule } from './app.module.js';
import { SERVICE, type RequestIntakeConfig } from './request-intake.config.js';

export function defineRequestIntake(settings: RequestIntakeConfig): ServiceDefinition<RequestIntakeConfig> {
  return { name: SERVICE.name, settings, module: RequestIntakeModule };
}
