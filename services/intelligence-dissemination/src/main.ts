import { runService } from '@wildlife/service-kit';
import { loadIntelligenceDisseminationConfig } from './intelligence-dissemination.config.js';
import { defineIntelligenceDissemination } from './service.js';

await runService(() => defineIntelligenceDissemination(loadIntelligenceDisseminationConfig()));
