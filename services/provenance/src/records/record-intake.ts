import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { contracts } from '@wildlife/contracts';
import { createProducer, ensureTopics, startConsumer, type MessageHandler, type MessageProducer, type RunningConsumer } from '@wildlife/messaging';
import type { TrustRoots } from '@wildlife/registry';
import { KAFKA, LOGGER, TOPIC_PREFIX } from '@wildlife/service-kit';
import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { LogAppender } from '../log/log-appender.js';
import { SERVICE } from '../provenance.config.js';
import { TRUST_ROOTS } from '../provenance.tokens.js';
import { kafkaRegistryProgress } from './kafka-registry-progress.js';
import { readReceivedRecord } from './read-received-record.js';
import { deadLetterTopicOf, RECORD_FEED, RECORD_TOPICS, REGISTRY_FEED, type RecordFeed } from './record-topics.js';
import { RegistryGate } from './registry-gate.js';

const RETRY_LIMIT_MS = 5_000;

/**
 * Consumes every record topic raw (not through the kit's reactions, which would dead-letter what
 * does not decode): each message is read as a record (`readReceivedRecord` never fails), handed to
 * the log, and its offset committed only once its entry is committed. A message that is no record
 * at all is logged as rejected, so nothing is dropped and no partition stalls on it; only a failing
 * database (or a registry feed that does not keep up) holds a partition, until it answers again.
 *
 * Two consumer groups: registry records, and all other records, which wait (`RegistryGate`) until
 * the log holds every registry record published before their time.
 */
@Injectable()
export class RecordIntake implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: RunningConsumer[] = [];
  private producer: MessageProducer | undefined;
  private admin: Admin | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  /** Aborted on shutdown: ends a consumer's start-up too (a group join can wait for a dead member's session). */
  private readonly stopping = new AbortController();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPIC_PREFIX) private readonly prefix: string,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TRUST_ROOTS) private readonly trustRoots: TrustRoots | undefined,
    private readonly appender: LogAppender,
  ) {}

  onApplicationBootstrap(): void {
    if (this.trustRoots === undefined) return;
    this.starting = this.start().catch((err) => this.logger.error({ err }, 'the record consumers could not start'));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    await this.starting;
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.appender.idle();
    await this.producer?.disconnect();
    await this.admin?.disconnect().catch(() => undefined);
  }

  private groupIdOf(feed: RecordFeed): string {
    return `${this.prefix}${SERVICE.name}.${feed.name}`;
  }

  private async start(): Promise<void> {
    await this.topicsExist();
    if (this.stopped) return;
    this.admin = this.kafka.admin();
    await this.admin.connect();
    const gate = new RegistryGate({ progress: kafkaRegistryProgress(this.admin, this.groupIdOf(REGISTRY_FEED), this.prefix + REGISTRY_FEED.topics[0]!.name) });
    this.producer = createProducer(this.kafka);
    await this.producer.connect();
    await this.consume(REGISTRY_FEED, async ({ message }) => {
      const record = readReceivedRecord(message, contracts);
      if (record.kind !== 'not-a-record') await this.appender.append(record);
    });
    await this.consume(RECORD_FEED, async ({ message }) => {
      const record = readReceivedRecord(message, contracts);
      if (record.kind === 'not-a-record') return;
      if (record.kind === 'record') await gate.reached(record.time);
      await this.appender.append(record);
    });
  }

  private async consume(feed: RecordFeed, handle: MessageHandler): Promise<void> {
    if (this.stopped) return;
    this.consumers.push(
      await startConsumer({
        kafka: this.kafka,
        groupId: this.groupIdOf(feed),
        topics: feed.topics.map((topic) => this.prefix + topic.name),
        logger: this.logger.child({ component: 'record-intake', feed: feed.name }),
        signal: this.stopping.signal,
        deadLetter: { producer: this.producer!, topicFor: () => this.prefix + deadLetterTopicOf(feed).name },
        // Partitions are handled side by side so that their records share log transactions.
        partitionsConsumedConcurrently: feed.topics.reduce((sum, topic) => sum + topic.partitions, 0),
        handle,
      }),
    );
  }

  private async topicsExist(): Promise<void> {
    const wanted = [...RECORD_TOPICS, deadLetterTopicOf(REGISTRY_FEED), deadLetterTopicOf(RECORD_FEED)];
    for (let attempt = 1; !this.stopped; attempt++) {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        await ensureTopics(admin, wanted, { prefix: this.prefix });
        return;
      } catch (err) {
        this.logger.warn({ err, attempt }, 'record topics not ready yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_LIMIT_MS, 250 * attempt)));
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
  }
}
