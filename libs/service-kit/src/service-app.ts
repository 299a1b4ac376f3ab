import 'reflect-metadata';
import { type DynamicModule, Global, Module, type Type } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { BaseSettings } from '@wildlife/config';
import { EventStore } from '@wildlife/event-store';
import { EventPipeline, migrateServiceDatabase, type EventSourcingDefinition } from './event-sourcing/event-pipeline.js';
import { serveApiDocs } from './api-docs.js';
import { HealthController } from './health.controller.js';
import { createKafka } from './kafka.js';
import { createLogger, PinoNestLogger } from './logger.js';
import { databaseUrlFor, openServiceDatabase } from './database.js';
import { HttpClosing } from './http-closing.js';
import { ProblemFilter } from './problem.js';
import { acceptJsonBodiesOnly, serviceHttpAdapter } from './http-adapter.js';
import { KafkaCheck, PostgresCheck } from './readiness.js';
import { runShutdownSteps, shutdownBudget } from './shutdown.js';
import { createValidationPipe } from './validation.js';
import { NonceStore } from './signed-requests/nonce-store.js';
import type { PrincipalDirectory } from './signed-requests/principal-directory.js';
import { SignedRequestGuard } from './signed-requests/signed-request.guard.js';
import { RegistryProjection } from './registry/registry-projection.reaction.js';
import { openServiceRegistry, withRegistryProjection, type ServiceRegistry } from './registry/service-registry.js';
import {
  EVENT_PIPELINE,
  EVENT_STORE,
  KAFKA,
  LOGGER,
  NONCE_STORE,
  PG_POOL,
  PRINCIPAL_DIRECTORY,
  READINESS_CHECKS,
  REGISTRY_DIRECTORY,
  SETTINGS,
  TOPIC_PREFIX,
} from './tokens.js';

export interface ServiceDefinition<S extends BaseSettings> {
  /** The service's name: logs, Kafka client id, default database. */
  name: string;
  settings: S;
  /** The service's own module; it can inject SETTINGS, PG_POOL, KAFKA and LOGGER. */
  module: Type | DynamicModule;
  /** Largest request body accepted, in bytes (413 above; the OpenAPI document says so on every route with a body). */
  bodyLimitBytes?: number;
  /** One paragraph for the OpenAPI document. */
  description?: string;
  /** The service's event store, outbox relay, topics and reactions. */
  eventSourcing?: EventSourcingDefinition;
  /**
   * Where signed requests find their keys instead of the service's registry projection (tests with
   * in-memory principals). Without one, the registry: trust roots from TRUST_ROOTS_FILE plus the facts
   * consumed from wildlife.registry.events.
   */
  principals?: PrincipalDirectory;
}

const kitMigrations = { namespace: 'service-kit', directory: new URL('../migrations/', import.meta.url) };

export interface ServiceApp {
  readonly app: NestFastifyApplication;
  readonly logger: Logger;
  readonly pool: pg.Pool;
  readonly kafka: Kafka;
  readonly eventStore: EventStore;
  readonly pipeline: EventPipeline;
  /** The service's projection of the principal registry (followed once listening). */
  readonly registry: ServiceRegistry;
  /** Listens on the configured host and port (0 = any free port) and returns the base URL. */
  listen(): Promise<string>;
  /**
   * Stops within SHUTDOWN_TIMEOUT_MS as `shutdownBudget` shares it out: stops taking requests and
   * starts stopping the consumers (which commit what they processed); gives requests in flight their
   * share, then closes their connections; lets the modules shut down; stops the relay, the registry
   * follower, the Kafka probe, and closes the pool. Each step runs even if one before it failed or
   * overran (`runShutdownSteps`); rejects afterwards, naming those, if any did.
   */
  close(): Promise<void>;
}

class ServiceRootModule {}

/**
 * Builds a service: its database (created if missing), its Kafka client, health endpoints, RFC 9457
 * errors and JSON logs (on `options.logger` if given), around the service's own module. Nothing
 * listens until `listen()`.
 */
export async function createServiceApp<S extends BaseSettings>(definition: ServiceDefinition<S>, options: { logger?: Logger } = {}): Promise<ServiceApp> {
  const { settings, name } = definition;
  const logger = options.logger ?? createLogger(name, settings.LOG_LEVEL);
  const pool = await openServiceDatabase({
    serverUrl: settings.DATABASE_URL,
    database: settings.DATABASE_NAME,
    poolSize: settings.DATABASE_POOL_SIZE,
    logger,
    applicationName: name,
  });
  const eventSourcing = withRegistryProjection(definition.eventSourcing ?? { topics: [] });
  let registry: ServiceRegistry;
  try {
    await migrateServiceDatabase(pool, { ...eventSourcing, migrations: [kitMigrations, ...(eventSourcing.migrations ?? [])] });
    registry = await openServiceRegistry({ pool, trustRootsFile: settings.TRUST_ROOTS_FILE, logger });
  } catch (e) {
    await pool.end();
    throw e;
  }
  const kafka = createKafka({ brokers: settings.KAFKA_BROKERS, clientId: settings.KAFKA_CLIENT_ID, logger });
  const eventStore = new EventStore(pool);
  const adminKafka = createKafka({ brokers: settings.KAFKA_BROKERS, clientId: `${settings.KAFKA_CLIENT_ID}-admin`, logger, retries: 1 });
  const budget = shutdownBudget(settings.SHUTDOWN_TIMEOUT_MS);
  const pipeline = new EventPipeline({ service: name, prefix: settings.KAFKA_TOPIC_PREFIX, pool, eventStore, kafka, adminKafka, logger, definition: eventSourcing, consumerStopTimeoutMs: budget.partMs });
  const nonces = new NonceStore({ connectionString: databaseUrlFor(settings.DATABASE_URL, settings.DATABASE_NAME), applicationName: name });
  const kafkaCheck = new KafkaCheck({ brokers: settings.KAFKA_BROKERS, clientId: settings.KAFKA_CLIENT_ID });
  const postgresCheck = new PostgresCheck({ connectionString: databaseUrlFor(settings.DATABASE_URL, settings.DATABASE_NAME), applicationName: name });

  @Global()
  @Module({})
  class ServiceKitModule {}
  const kit: DynamicModule = {
    module: ServiceKitModule,
    controllers: [HealthController],
    providers: [
      { provide: SETTINGS, useValue: settings },
      { provide: PG_POOL, useValue: pool },
      { provide: KAFKA, useValue: kafka },
      { provide: LOGGER, useValue: logger },
      { provide: READINESS_CHECKS, useValue: [postgresCheck, kafkaCheck] },
      { provide: EVENT_STORE, useValue: eventStore },
      { provide: EVENT_PIPELINE, useValue: pipeline },
      { provide: TOPIC_PREFIX, useValue: settings.KAFKA_TOPIC_PREFIX },
      { provide: NONCE_STORE, useValue: nonces },
      { provide: PRINCIPAL_DIRECTORY, useValue: definition.principals ?? registry.directory },
      { provide: REGISTRY_DIRECTORY, useValue: registry.directory },
      { provide: APP_GUARD, useClass: SignedRequestGuard },
      RegistryProjection,
    ],
    exports: [
      SETTINGS,
      PG_POOL,
      KAFKA,
      LOGGER,
      READINESS_CHECKS,
      EVENT_STORE,
      EVENT_PIPELINE,
      TOPIC_PREFIX,
      NONCE_STORE,
      PRINCIPAL_DIRECTORY,
      REGISTRY_DIRECTORY,
    ],
  };

  const bodyLimitBytes = definition.bodyLimitBytes ?? 1_048_576;
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      { module: ServiceRootModule, imports: [kit, definition.module] },
      serviceHttpAdapter(bodyLimitBytes),
      { logger: new PinoNestLogger(logger), abortOnError: false, rawBody: true, bodyParser: false },
    );
    acceptJsonBodiesOnly(app);
  } catch (e) {
    await pool.end();
    throw e;
  }
  app.useGlobalFilters(new ProblemFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  serveApiDocs(app, { name, description: definition.description, bodyLimitBytes });
  const http = new HttpClosing(app, logger);

  let closing: Promise<void> | undefined;
  let nonceSweep: NodeJS.Timeout | undefined;
  return {
    app,
    logger,
    pool,
    kafka,
    eventStore,
    pipeline,
    registry,
    async listen() {
      registry.follower.start();
      await app.listen({ port: settings.PORT, host: settings.HOST });
      await pipeline.start(app);
      nonceSweep ??= setInterval(() => void nonces.sweep(new Date()).catch((err) => logger.warn({ err }, 'nonce sweep failed')), 60_000).unref();
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : settings.PORT;
      const host = settings.HOST.includes(':') ? `[${settings.HOST}]` : settings.HOST;
      return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
    },
    close() {
      closing ??= (async () => {
        clearInterval(nonceSweep);
        http.begin();
        // Consumers stop beside the drain: what they processed is committed whatever the requests do.
        pipeline.stopConsuming().catch(() => undefined);
        const appClosed = app.close();
        const step = (what: string, run: () => Promise<void>, withinMs = budget.partMs) => ({ name: what, run, withinMs });
        await runShutdownSteps(
          [
            step('closing the HTTP server and the modules', () => http.drain(appClosed, budget.httpDrainMs), budget.httpDrainMs + budget.partMs),
            step('stopping the event pipeline', () => pipeline.stop(), budget.partMs + budget.settleMs),
            step('stopping the registry follower', () => registry.follower.stop()),
            step('closing the readiness probes', () => Promise.all([kafkaCheck.close(), postgresCheck.close()]).then(() => undefined)),
            step('closing the nonce store', () => nonces.close()),
            step('closing the database pool', () => pool.end()),
          ],
          logger,
        );
      })();
      return closing;
    },
  };
}
