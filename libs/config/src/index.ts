export * from './settings.js';
export * from './setting-kinds.js';
export * from './service-settings.js';
