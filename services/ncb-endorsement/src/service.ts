import type { ServiceDefinition } from '@wildlife/service-kit';
import { NcbEndorsementModule } from './app.module.js';
import { SERVICE, type NcbEndorsementConfig } from './ncb-endorsement.config.js';

export function defineNcbEndorsement(settings: NcbEndorsementConfig): ServiceDefinition<NcbEndorsementConfig> {
  return { name: SERVICE.name, settings, module: NcbEndorsementModule };
}
