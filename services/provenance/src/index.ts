export * from './provenance.config.js';
export * from './service.js';
