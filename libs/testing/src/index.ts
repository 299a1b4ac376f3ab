export * from './test-database.js';
export * from './test-environment.js';
