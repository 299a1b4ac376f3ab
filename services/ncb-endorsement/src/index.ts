export * from './ncb-endorsement.config.js';
export * from './service.js';
