export * from './intelligence-dissemination.config.js';
export * from './service.js';
