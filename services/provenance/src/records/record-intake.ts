import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { contracts } from '@wildlife/contracts';
import { createProducer, ensureTopics, startConsumer, type MessageHandler, type MessageProducer, type RunningConsumer } from '@wildlife/messaging';
import type { TrustRoots } from '@wildlife/registry';
import { KAFKA, LOGGER, SETTINGS, shutdownBudget, TOPIC_PREFIX, untilDone } from '@wildlife/service-kit';
import type { Admin, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { LogAppender } from '../log/log-appender.js';
import { SERVICE, type ProvenanceConfig } from '../provenance.config.js';
import { TRUST_ROOTS } from '../provenance.tokens.js';
import { kafkaRegistryProgress } from './kafka-registry-progress.js';
import { readReceivedRecord } from './read-received-record.js';
import { deadLetterTopicOf, RECORD_FEED, RECORD_TOPICS, REGISTRY_FEED, type RecordFeed } from './record-topics.js';
import { RegistryGate } from './registry-gate.js';

/**
 * Consumes every record topic raw (not through the kit's reactions, which would dead-letter what
 * does not decode): each message is read as a record (`readReceivedRecord` never fails), handed to
 * the log, and its offset committed only once its entry is committed. A message that is no record
 * at all is logged as rejected, so nothing is dropped and no partition stalls on it; only a failing
 * database (or a registry feed that does not keep up) holds a partition, until it answers again.
 *
 * Two consumer groups: registry records, and all other records, which wait (`RegistryGate`) until
 * the log holds every registry record published before their time (or their arrival, if earlier).
 * A record timed beyond the clock skew allowed is logged at once as rejected, never waited for:
 * its time may be months away, and its partition would wait with it.
 */
@Injectable()
export class RecordIntake implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers = new Map<RecordFeed, RunningConsumer>();
  private producer: MessageProducer | undefined;
  private admin: Admin | undefined;
  private gate: RegistryGate | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;
  /** Aborted on shutdown: ends a consumer's start-up too (a group join can wait for a dead member's session). */
  private readonly stopping = new AbortController();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPIC_PREFIX) private readonly prefix: string,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TRUST_ROOTS) private readonly trustRoots: TrustRoots | undefined,
    @Inject(SETTINGS) private readonly settings: ProvenanceConfig,
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
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.stop()));
    await this.appender.idle();
    await this.producer?.disconnect();
    await this.admin?.disconnect().catch(() => undefined);
  }

  private groupIdOf(feed: RecordFeed): string {
    return `${this.prefix}${SERVICE.name}.${feed.name}`;
  }

  /**
   * Creates the topics, then connects and starts both consumers, each step tried again (with backoff)
   * until it is done or the service stops: a broker that is unreachable at start-up delays the
   * consumers, never leaves them unstarted while the service runs on. What a try got done stays done.
   */
  private async start(): Promise<void> {
    const options = { signal: this.stopping.signal, logger: this.logger };
    await untilDone('creating the record topics', () => this.ensureTopics(), options);
    await untilDone('starting the record consumers', () => this.startConsuming(), options);
  }

  private async startConsuming(): Promise<void> {
    if (this.admin === undefined) {
      const admin = this.kafka.admin();
      await admin.connect().catch(async (error: unknown) => {
        await admin.disconnect().catch(() => undefined);
        throw error;
      });
      this.admin = admin;
    }
    this.gate ??= new RegistryGate({ progress: kafkaRegistryProgress(this.admin, this.groupIdOf(REGISTRY_FEED), this.prefix + REGISTRY_FEED.topics[0]!.name) });
    const gate = this.gate;
    if (this.producer === undefined) {
      const producer = createProducer(this.kafka);
      await producer.connect();
      this.producer = producer;
    }
    await this.consume(REGISTRY_FEED, async ({ message }) => {
      const record = readReceivedRecord(message, contracts);
      if (record.kind !== 'not-a-record') await this.appender.append(record);
    });
    await this.consume(RECORD_FEED, async ({ message }) => {
      const record = readReceivedRecord(message, contracts);
      if (record.kind === 'not-a-record') return;
      if (record.kind === 'record' && gate.isTooFarAhead(record.time)) {
        await this.appender.append({ ...record, receivedBeforeItsTime: new Date().toISOString() });
        return;
      }
      if (record.kind === 'record') await gate.reached(record.time);
      await this.appender.append(record);
    });
  }

  /** Starts the feed's consumer unless it runs already (or the service is stopping). */
  private async consume(feed: RecordFeed, handle: MessageHandler): Promise<void> {
    if (this.stopped || this.consumers.has(feed)) return;
    this.consumers.set(
      feed,
      await startConsumer({
        kafka: this.kafka,
        groupId: this.groupIdOf(feed),
        topics: feed.topics.map((topic) => this.prefix + topic.name),
        logger: this.logger.child({ component: 'record-intake', feed: feed.name }),
        signal: this.stopping.signal,
        // Its stop is one part of the service's shutdown, within the shutdown timeout.
        stopTimeoutMs: shutdownBudget(this.settings.SHUTDOWN_TIMEOUT_MS).partMs,
        deadLetter: { producer: this.producer!, topicFor: () => this.prefix + deadLetterTopicOf(feed).name },
        // Partitions are handled side by side so that their records share log transactions.
        partitionsConsumedConcurrently: feed.topics.reduce((sum, topic) => sum + topic.partitions, 0),
        handle,
      }),
    );
  }

  private async ensureTopics(): Promise<void> {
    const wanted = [...RECORD_TOPICS, deadLetterTopicOf(REGISTRY_FEED), deadLetterTopicOf(RECORD_FEED)];
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      await ensureTopics(admin, wanted, { prefix: this.prefix });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}
