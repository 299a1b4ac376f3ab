import { runService } from '@wildlife/service-kit';
import { loadRequestIntakeConfig } from './request-intake.config.js';
import { defineRequestIntake } from './service.js';

await runService(() => defineRequestIntake(loadRequestIntakeConfig()));
