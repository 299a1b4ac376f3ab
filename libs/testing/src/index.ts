export * from './test-database.js';
export * from './test-environment.js';
export * from './topic-reader.js';
export * from './service-health.js';
export * from './wal.js';
export * from './http-connection.js';
export * from './latency-summary.js';
export * from './build-project.js';
