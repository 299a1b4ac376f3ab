import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostPortList, integer, oneOf, originList, port, text, url } from './setting-kinds.js';
import { readSettings, type Setting, type Settings, type SettingsSpec } from './settings.js';

/**
 * Where `npm start` generates the development fixture's trust roots: `.local/dev-principals/` at the
 * repository root, found from this file's place (src/ under jest, dist/ at run time: both two folders
 * below the root's libs/), so it does not depend on the working directory.
 */
export const DEFAULT_TRUST_ROOTS_FILE = fileURLToPath(new URL('../../../.local/dev-principals/trust-roots.json', import.meta.url));

/** A file path; a relative one is resolved against the working directory when the settings are read. */
const filePath = (o: { default: string }): Setting<string> => ({
  kind: 'file-path',
  expected: 'a file path, absolute or relative to the working directory',
  defaultValue: o.default,
  parse: (raw) => resolve(raw),
});

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
    // The NCB and GS keys trusted from deployment (version-1 trust-roots JSON, see @wildlife/registry).
    TRUST_ROOTS_FILE: filePath({ default: DEFAULT_TRUST_ROOTS_FILE }),
    // The origins clients reach this service at: a signed request naming another Host is refused
    // (421), and its target URI takes the origin's scheme (a TLS-terminating proxy in front). Unset:
    // any well-formed Host, with the scheme of the connection (local development).
    PUBLIC_ORIGINS: originList({ optional: true }),
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
