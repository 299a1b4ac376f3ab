export * from './cloudevents/index.js';
export * from './kafka/index.js';
