import { runService } from '@wildlife/service-kit';
import { loadNcbEndorsementConfig } from './ncb-endorsement.config.js';
import { defineNcbEndorsement } from './service.js';

await runService(() => defineNcbEndorsement(loadNcbEndorsementConfig()));
