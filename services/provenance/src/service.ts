import type { ServiceDefinition } from '@wildlife/service-kit';
import { ProvenanceModule } from './app.module.js';
import { SERVICE, type ProvenanceConfig } from './provenance.config.js';

export function defineProvenance(settings: ProvenanceConfig): ServiceDefinition<ProvenanceConfig> {
  return { name: SERVICE.name, settings, module: ProvenanceModule };
}
