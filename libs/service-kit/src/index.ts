export * from './database.js';
export * from './kafka.js';
export * from './logger.js';
export * from './problem.js';
export * from './readiness.js';
export * from './run-service.js';
export * from './service-app.js';
export * from './tokens.js';
