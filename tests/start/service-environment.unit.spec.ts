import { describe, expect, it } from '@jest/globals';
import { castDatabaseName, perServiceSettingsIn, SERVICES, serviceEnvironment } from '../../scripts/service-environment.mjs';

const infra = { kafkaBrokers: '127.0.0.1:9092', databaseUrl: 'postgres://postgres@127.0.0.1:5432/postgres' };

describe('the environment npm start gives each service', () => {
  it('gives each service its own port and database, whatever PORT and DATABASE_NAME the shell exports', () => {
    const parentEnv = { PORT: '8080', DATABASE_NAME: 'shared', KAFKA_CLIENT_ID: 'everyone', PUBLIC_ORIGINS: 'https://intake.example.org', PATH: '/usr/bin' };

    const envs = SERVICES.map(([name, port]) =>
      serviceEnvironment({ parentEnv, ...infra, port, databaseName: castDatabaseName(name, 'cast1'), trustRootsFile: '/dev/trust-roots.json' }),
    );

    expect(envs.map((env) => env.PORT)).toEqual(['3001', '3002', '3003', '3004', '3005']);
    expect(new Set(envs.map((env) => env.DATABASE_NAME)).size).toBe(5);
    expect(envs[0]).toMatchObject({ DATABASE_NAME: 'wildlife_request_intake_cast1', TRUST_ROOTS_FILE: '/dev/trust-roots.json', PATH: '/usr/bin' });
    // No client id handed down: each service takes its own name.
    for (const env of envs) expect(env.KAFKA_CLIENT_ID).toBeUndefined();
    // Nor one service's public origins for all five.
    for (const env of envs) expect(env.PUBLIC_ORIGINS).toBeUndefined();
  });

  it("leaves a service without the cast on its default database, not the shell's DATABASE_NAME", () => {
    const env = serviceEnvironment({ parentEnv: { DATABASE_NAME: 'shared' }, ...infra, port: 3003 });

    expect(env.DATABASE_NAME).toBeUndefined();
    expect(env.TRUST_ROOTS_FILE).toBeUndefined();
    expect(env.PORT).toBe('3003');
  });

  it("passes on the shell's global settings, and the broker and server the infrastructure found", () => {
    const parentEnv = { LOG_LEVEL: 'debug', SHUTDOWN_TIMEOUT_MS: '20000', KAFKA_BROKERS: 'kafka.internal:9092', TRUST_ROOTS_FILE: '/etc/wildlife/roots.json' };

    // The infrastructure found the broker KAFKA_BROKERS names, as ensureInfrastructure does.
    const env = serviceEnvironment({ parentEnv, kafkaBrokers: 'kafka.internal:9092', databaseUrl: infra.databaseUrl, port: 3001 });

    expect(env).toMatchObject({ ...parentEnv, DATABASE_URL: infra.databaseUrl, PORT: '3001' });
  });

  it('names the per-service settings it leaves out of the shell', () => {
    expect(perServiceSettingsIn({ PORT: '8080', LOG_LEVEL: 'debug', DATABASE_NAME: 'x' })).toEqual(['PORT', 'DATABASE_NAME']);
    expect(perServiceSettingsIn({ LOG_LEVEL: 'debug' })).toEqual([]);
  });
});
