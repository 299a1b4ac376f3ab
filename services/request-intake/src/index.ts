export * from './request-intake.config.js';
export * from './service.js';
export { RequestIntakeModule } from './app.module.js';
export { rebuildReadModels, type RebuiltReadModels } from './support-requests/read-model/rebuild-read-models.js';
