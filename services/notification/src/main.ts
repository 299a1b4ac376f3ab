import { runService } from '@wildlife/service-kit';
import { loadNotificationConfig } from './notification.config.js';
import { defineNotification } from './service.js';

await runService(() => defineNotification(loadNotificationConfig()));
