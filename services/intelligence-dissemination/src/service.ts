import type { ServiceDefinition } from '@wildlife/service-kit';
import { IntelligenceDisseminationModule } from './app.module.js';
import { SERVICE, type IntelligenceDisseminationConfig } from './intelligence-dissemination.config.js';

export function defineIntelligenceDissemination(settings: IntelligenceDisseminationConfig): ServiceDefinition<IntelligenceDisseminationConfig> {
  return { name: SERVICE.name, settings, module: IntelligenceDisseminationModule };
}
