import { runService } from '@wildlife/service-kit';
import { loadProvenanceConfig } from './provenance.config.js';
import { defineProvenance } from './service.js';

await runService(() => defineProvenance(loadProvenanceConfig()));
