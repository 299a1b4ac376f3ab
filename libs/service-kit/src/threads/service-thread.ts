import type { BaseSettings } from '@wildlife/config';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { LevelWithSilent, Logger } from 'pino';
import { databaseUrlFor, openPool } from '../database.js';
import { createKafka } from '../kafka.js';
import { createLogger } from '../logger.js';

/** What a service's worker thread needs to reach what the service reaches (plain data: it crosses to the thread). */
export interface ServiceThreadSettings {
  readonly service: string;
  readonly logLevel: LevelWithSilent;
  /** The service's own database. */
  readonly databaseUrl: string;
  /** `application_name` of the thread's PostgreSQL connections, so they can be told apart. */
  readonly applicationName: string;
  readonly brokers: readonly string[];
  readonly clientId: string;
}

/** The settings of a thread of `service` doing `purpose` ("log-publisher"): its connections are named `<service>-<purpose>`. */
export function serviceThreadSettings(service: string, settings: BaseSettings, purpose: string): ServiceThreadSettings {
  return {
    service,
    logLevel: settings.LOG_LEVEL,
    databaseUrl: databaseUrlFor(settings.DATABASE_URL, settings.DATABASE_NAME),
    applicationName: `${service}-${purpose}`,
    brokers: settings.KAFKA_BROKERS,
    clientId: settings.KAFKA_CLIENT_ID,
  };
}

/** Inside the thread: its logger (tagged with `component`), a pool of `poolSize` on the service's database, and a Kafka client. */
export function openServiceThreadResources(settings: ServiceThreadSettings, component: string, poolSize: number): { logger: Logger; pool: pg.Pool; kafka: Kafka } {
  const logger = createLogger(settings.service, settings.logLevel).child({ component, thread: 'worker' });
  const pool = openPool({ connectionString: settings.databaseUrl, poolSize, logger, applicationName: settings.applicationName });
  const kafka = createKafka({ brokers: [...settings.brokers], clientId: settings.clientId, logger });
  return { logger, pool, kafka };
}
