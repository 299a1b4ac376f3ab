import { readServiceSettings } from '@wildlife/config';

export const SERVICE = { name: 'notification', defaultPort: 3005 } as const;

/** The one reader of process.env in this service: typed, validated, fails at boot naming the bad setting. */
export function loadNotificationConfig(env: NodeJS.ProcessEnv = process.env) {
  return readServiceSettings(SERVICE, {}, env);
}

export type NotificationConfig = ReturnType<typeof loadNotificationConfig>;
