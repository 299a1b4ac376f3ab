import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createProducer } from '@wildlife/messaging';
import { databaseUrlFor, KAFKA, LOGGER, PG_POOL, SETTINGS, TOPIC_PREFIX } from '@wildlife/service-kit';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { LogKey } from '../checkpoints/log-key.js';
import { SERVICE, type ProvenanceConfig } from '../provenance.config.js';
import { LOG_KEY } from '../provenance.tokens.js';
import { LogPublisher } from './log-publisher.js';
import { LogPublisherThread } from './log-publisher-thread.js';

/**
 * Publishes the log on Kafka (`LogPublisher`: each entry on the log topic and its outcome on the
 * events topic) for as long as the service runs. Deployed (compiled), on a worker thread of its own
 * with its own database connections and Kafka producer (`LogPublisherThread`); from TypeScript
 * sources, on the service's thread with the service's pool and Kafka client. The writer wakes it
 * after each commit.
 */
@Injectable()
export class LogTopicRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private publisher: LogPublisher | LogPublisherThread | undefined;

  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPIC_PREFIX) private readonly prefix: string,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(LOG_KEY) private readonly logKey: LogKey,
    @Inject(SETTINGS) private readonly settings: ProvenanceConfig,
  ) {}

  /** New entries were committed: publish them now rather than at the next poll. */
  wake(): void {
    this.publisher?.wake();
  }

  onApplicationBootstrap(): void {
    const { settings } = this;
    this.publisher = LogPublisherThread.start(
      {
        service: SERVICE.name,
        logLevel: settings.LOG_LEVEL,
        databaseUrl: databaseUrlFor(settings.DATABASE_URL, settings.DATABASE_NAME),
        applicationName: `${SERVICE.name}-log-publisher`,
        brokers: settings.KAFKA_BROKERS,
        clientId: settings.KAFKA_CLIENT_ID,
        topicPrefix: this.prefix,
        origin: this.logKey.origin,
      },
      this.logger,
    );
    if (this.publisher === undefined) {
      const inline = new LogPublisher({ pool: this.pool, producer: createProducer(this.kafka), topicPrefix: this.prefix, origin: this.logKey.origin, logger: this.logger });
      inline.start();
      this.publisher = inline;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.stop();
  }
}
