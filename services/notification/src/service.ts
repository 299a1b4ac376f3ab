import type { ServiceDefinition } from '@wildlife/service-kit';
import { NotificationModule } from './app.module.js';
import { SERVICE, type NotificationConfig } from './notification.config.js';

export function defineNotification(settings: NotificationConfig): ServiceDefinition<NotificationConfig> {
  return { name: SERVICE.name, settings, module: NotificationModule };
}
