export * from './notification.config.js';
export * from './service.js';
