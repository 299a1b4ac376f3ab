import { describe, expect, it } from '@jest/globals';
import { InvalidSetting, readServiceSettings, readSettings, hostPortList, port } from './index.js';

const service = { name: 'request-intake', defaultPort: 3001 };

describe('reading service settings', () => {
  it('gives the documented defaults when nothing is set', () => {
    const s = readServiceSettings(service, {}, {});
    expect(s.PORT).toBe(3001);
    expect(s.DATABASE_NAME).toBe('wildlife_request_intake');
    expect(s.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(s.LOG_LEVEL).toBe('info');
  });

  it('parses set values into their types', () => {
    const s = readServiceSettings(service, {}, { PORT: '4000', KAFKA_BROKERS: 'a:1, b:2', LOG_LEVEL: 'debug' });
    expect(s).toMatchObject({ PORT: 4000, KAFKA_BROKERS: ['a:1', 'b:2'], LOG_LEVEL: 'debug' });
  });

  it.each([
    ['PORT', 'abc', /PORT="abc" is not valid \(expected an integer port/],
    ['PORT', '70000', /PORT="70000"/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL="mysql:\/\/x" is not valid \(expected a URL with scheme postgres or postgresql\)/],
    ['KAFKA_BROKERS', 'localhost', /KAFKA_BROKERS="localhost" is not valid \(expected comma-separated host:port/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud" is not valid \(expected one of fatal/],
    ['SHUTDOWN_TIMEOUT_MS', '5', /SHUTDOWN_TIMEOUT_MS="5"/],
    ['PUBLIC_ORIGINS', 'intake.example.org', /PUBLIC_ORIGINS="intake.example.org" is not valid \(expected comma-separated origins/],
    ['PUBLIC_ORIGINS', 'https://intake.example.org/v1', /PUBLIC_ORIGINS=/],
    ['PUBLIC_ORIGINS', 'ftp://intake.example.org', /PUBLIC_ORIGINS=/],
    ['PUBLIC_ORIGINS', 'https://ncb@intake.example.org', /PUBLIC_ORIGINS=/],
    ['PUBLIC_ORIGINS', 'https://intake.example.org?', /PUBLIC_ORIGINS=/],
    ['PUBLIC_ORIGINS', 'https://intake.example.org,', /PUBLIC_ORIGINS=/],
  ])('refuses %s=%s with one line naming the setting', (variable, value, message) => {
    const read = () => readServiceSettings(service, {}, { [variable]: value });
    expect(read).toThrow(InvalidSetting);
    expect(read).toThrow(message);
    try {
      read();
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
      expect((e as InvalidSetting).variable).toBe(variable);
    }
  });

  it('reads public origins as scheme and host, as URL writes them; none by default', () => {
    expect(readServiceSettings(service, {}, {}).PUBLIC_ORIGINS).toBeUndefined();
    expect(readServiceSettings(service, {}, { PUBLIC_ORIGINS: 'https://Intake.Example.org:443/, http://10.0.0.5:3001' }).PUBLIC_ORIGINS).toEqual([
      { protocol: 'https:', host: 'intake.example.org' },
      { protocol: 'http:', host: '10.0.0.5:3001' },
    ]);
  });

  it('names a required setting that is missing', () => {
    expect(() => readSettings({ SIGNING_KEY: port() }, {})).toThrow('Invalid configuration: SIGNING_KEY is required');
  });

  it('treats an empty value as unset', () => {
    expect(readSettings({ B: hostPortList({ default: ['x:1'] }) }, { B: '  ' }).B).toEqual(['x:1']);
  });
});
