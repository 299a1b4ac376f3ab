export * from './request-intake.config.js';
export * from './service.js';
