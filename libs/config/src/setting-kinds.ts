import type { Setting } from './settings.js';

interface Options<T> {
  default?: T;
  optional?: boolean;
}

function setting<T>(kind: string, expected: string, parse: (raw: string) => T | undefined, o: Options<T> = {}): Setting<T> {
  return { kind, expected, parse, defaultValue: o.default, optional: o.optional };
}

/** A TCP port, 0 to 65535 (0 = any free port). */
export const port = (o?: Options<number>) =>
  setting('port', 'an integer port from 0 to 65535', (raw) => {
    const n = Number(raw);
    return /^\d+$/.test(raw) && n <= 65535 ? n : undefined;
  }, o);

export const integer = (min: number, max: number, o?: Options<number>) =>
  setting('integer', `an integer from ${min} to ${max}`, (raw) => {
    const n = Number(raw);
    return /^-?\d+$/.test(raw) && n >= min && n <= max ? n : undefined;
  }, o);

/** A URL with one of the given protocols, e.g. `postgres:`. */
export const url = (protocols: string[], o?: Options<string>) =>
  setting('url', `a URL with scheme ${protocols.map((p) => p.replace(/:$/, '')).join(' or ')}`, (raw) => {
    try {
      return protocols.includes(new URL(raw).protocol) ? raw : undefined;
    } catch {
      return undefined;
    }
  }, o);

/** Comma-separated `host:port` pairs, e.g. Kafka bootstrap brokers. */
export const hostPortList = (o?: Options<string[]>) =>
  setting('host-port-list', 'comma-separated host:port pairs, e.g. 127.0.0.1:9092', (raw) => {
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
    const ok = items.length > 0 && items.every((i) => /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(i) && Number(i.split(':').pop()) <= 65535);
    return ok ? items : undefined;
  }, o);

export const oneOf = <T extends string>(values: readonly T[], o?: Options<T>) =>
  setting('one-of', `one of ${values.join(', ')}`, (raw) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined, o);

/** A plain string matching `pattern`. */
export const text = (pattern: RegExp, expected: string, o?: Options<string>) =>
  setting('text', expected, (raw) => (pattern.test(raw) ? raw : undefined), o);

export const boolean = (o?: Options<boolean>) =>
  setting('boolean', 'true or false', (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined), o);

/** One public origin of a service: its scheme (`https:`) and its host as URL writes it (lower case, no default port). */
export interface PublicOrigin {
  readonly protocol: 'http:' | 'https:';
  readonly host: string;
}

/**
 * Comma-separated origins, `http(s)://host[:port]`, e.g. `https://intake.example.org`: nothing
 * after the authority (a lone `/` aside), no user info.
 */
export const originList = (o?: Options<readonly PublicOrigin[]>) =>
  setting('origin-list', 'comma-separated origins such as https://intake.example.org (scheme http or https, host, optional port; no path)', (raw) => {
    const origins: PublicOrigin[] = [];
    for (const item of raw.split(',').map((s) => s.trim())) {
      let url: URL;
      try {
        url = new URL(item);
      } catch {
        return undefined;
      }
      const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '' && !/[?#]$/.test(item);
      if (!bare || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.host === '') return undefined;
      origins.push({ protocol: url.protocol, host: url.host });
    }
    return origins;
  }, o);
