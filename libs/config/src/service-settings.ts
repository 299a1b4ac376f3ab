import { hostPortList, integer, oneOf, port, text, url } from './setting-kinds.js';
import { readSettings, type Settings, type SettingsSpec } from './settings.js';

/** Settings every service has. Each service adds its own and picks its default port. */
export function baseSettingsSpec(service: { name: string; defaultPort: number }) {
  return {
    PORT: port({ default: service.defaultPort }),
    HOST: text(/^[A-Za-z0-9.:\-[\]]+$/, 'a host name or IP address to listen on', { default: '127.0.0.1' }),
    DATABASE_URL: url(['postgres:', 'postgresql:'], { default: 'postgres://postgres@127.0.0.1:5432/postgres' }),
    DATABASE_NAME: text(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case PostgreSQL identifier', {
      default: `wildlife_${service.name.replace(/-/g, '_')}`,
    }),
    DATABASE_POOL_SIZE: integer(1, 200, { default: 10 }),
    KAFKA_BROKERS: hostPortList({ default: ['127.0.0.1:9092'] }),
    KAFKA_CLIENT_ID: text(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, underscore or dash', { default: service.name }),
    KAFKA_TOPIC_PREFIX: text(/^[a-z0-9._-]*$/, 'lower-case letters, digits, dot, underscore or dash', { default: '' }),
    LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, { default: 'info' }),
    SHUTDOWN_TIMEOUT_MS: integer(100, 120_000, { default: 10_000 }),
  };
}

export type BaseSettings = Settings<ReturnType<typeof baseSettingsSpec>>;

/** The shape every service's config has, whatever it adds. */
export interface ServiceConfig {
  readonly service: string;
  readonly settings: BaseSettings;
}

/** Reads the base settings plus `extra` for one service. Throws `InvalidSetting` on the first bad one. */
export function readServiceSettings<Extra extends SettingsSpec>(
  service: { name: string; defaultPort: number },
  extra: Extra,
  env: NodeJS.ProcessEnv,
) {
  return readSettings({ ...baseSettingsSpec(service), ...extra }, env);
}
