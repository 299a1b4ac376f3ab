import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createProducer } from '@wildlife/messaging';
import { compiledWorkerScript, KAFKA, LOGGER, PG_POOL, serviceThreadSettings, SETTINGS, shutdownBudget, SupervisedThread, TOPIC_PREFIX } from '@wildlife/service-kit';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { LogKey } from '../checkpoints/log-key.js';
import { SERVICE, type ProvenanceConfig } from '../provenance.config.js';
import { LOG_KEY } from '../provenance.tokens.js';
import { LogPublisher } from './log-publisher.js';
import type { LogPublisherWorkerData } from './log-publisher-worker.js';

/**
 * Publishes the log on Kafka (`LogPublisher`: each entry on the log topic and its outcome on the
 * events topic) for as long as the service runs. Compiled, on a worker thread of its own
 * (`log-publisher-worker`, a `SupervisedThread`) with its own database connections (named
 * `provenance-log-publisher`) and Kafka producer, so that it does not share the log writer's event
 * loop; from TypeScript sources, on the service's thread with the service's pool and Kafka client.
 * The writer wakes it after each commit.
 */
@Injectable()
export class LogTopicRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private publisher: LogPublisher | SupervisedThread | undefined;

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
    const script = compiledWorkerScript('./log-publisher-worker.js', import.meta.url);
    if (script !== undefined) {
      const workerData: LogPublisherWorkerData = {
        ...serviceThreadSettings(SERVICE.name, this.settings, 'log-publisher'),
        topicPrefix: this.prefix,
        origin: this.logKey.origin,
      };
      // Its stop is one part of the service's shutdown, within the shutdown timeout.
      const stopTimeoutMs = shutdownBudget(this.settings.SHUTDOWN_TIMEOUT_MS).partMs;
      this.publisher = SupervisedThread.start({ name: 'log publisher', script, workerData, logger: this.logger, stopTimeoutMs });
      this.logger.info({ component: 'log-publisher', thread: 'worker' }, 'publishing the provenance log from a worker thread');
      return;
    }
    const inline = new LogPublisher({ pool: this.pool, producer: createProducer(this.kafka), topicPrefix: this.prefix, origin: this.logKey.origin, logger: this.logger });
    inline.start();
    this.publisher = inline;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher?.stop();
  }
}
