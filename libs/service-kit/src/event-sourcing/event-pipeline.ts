import type { INestApplicationContext } from '@nestjs/common';
import {
  contracts,
  deadLetterTopicDefinition,
  DEFAULT_PARTITIONS,
  EventSchemaViolation,
  UnknownEventType,
  type CloudEvent,
  type TopicDefinition,
} from '@wildlife/contracts';
import { eventStoreMigrations, migrate, OutboxRelay, processBatchOnce, processOnce, type EventStore, type MigrationSource } from '@wildlife/event-store';
import {
  createProducer,
  ensureTopics,
  fromKafkaMessage,
  startConsumer,
  type ConsumedMessage,
  type MessageProducer,
  type RunningConsumer,
} from '@wildlife/messaging';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { Logger } from 'pino';
import { untilDone } from '../until-done.js';
import { kafkaMessageFor } from './outbox-message.js';
import type { ReactionDefinition, ReactionHandler } from './reaction.js';
import { withRefusedDataPermanent } from './refused-data.js';

export interface EventSourcingDefinition {
  /** The service's own migrations (read models, …), applied after the event store's. */
  migrations?: MigrationSource[];
  /** Topics the service publishes to or reads (unprefixed definitions); created at start-up if missing. */
  topics: TopicDefinition[];
  reactions?: ReactionDefinition[];
}

/** Applies the event store's migrations and the service's own, in order, under an advisory lock. */
export async function migrateServiceDatabase(pool: pg.Pool, definition: EventSourcingDefinition): Promise<void> {
  await migrate(pool, [eventStoreMigrations, ...(definition.migrations ?? [])]);
}

/**
 * The moving parts behind a service's event store: the outbox relay publishing to Kafka, the topics,
 * and one consumer per reaction feeding the inbox. Started after the HTTP app is built; nothing here
 * blocks start-up on Kafka: a broker that is down delays publishing (the relay retries) and consuming
 * (kafkajs reconnects), never loses anything.
 */
export class EventPipeline {
  private producer: MessageProducer | undefined;
  private producerConnected: Promise<void> | undefined;
  private reactionsStarting: Promise<void> | undefined;
  private relay: OutboxRelay | undefined;
  private consumers: RunningConsumer[] = [];
  private topicsReady: Promise<void> | undefined;
  private consumersStopped: Promise<void> | undefined;
  /** Aborted by `stop`: ends a consumer's start-up too (a group join can wait for a dead member's session). */
  private readonly stopping = new AbortController();

  constructor(
    private readonly o: {
      service: string;
      prefix: string;
      pool: pg.Pool;
      /** The service's store: its appends wake this pipeline's relay in-process while it publishes. */
      eventStore: EventStore;
      kafka: Kafka;
      /** A client that gives up quickly, for start-up chores that are retried here anyway. */
      adminKafka: Kafka;
      logger: Logger;
      definition: EventSourcingDefinition;
      /** How long stopping a consumer waits for it (see `RunningConsumer.stop`); default 5 s. */
      consumerStopTimeoutMs?: number;
    },
  ) {}

  groupId(reaction: ReactionDefinition): string {
    return `${this.o.prefix}${this.o.service}.${reaction.name}`;
  }

  /** The dead-letter topic of one of this service's consumer groups (prefixed). */
  deadLetterTopicOf(groupName: string): string {
    return this.o.prefix + deadLetterTopicDefinition(`${this.o.service}.${groupName}`).name;
  }

  /**
   * Starts the relay now, and the reactions' consumers in the background once their topics exist
   * (a consumer group that joins late still reads from the beginning of what it never committed).
   * A consumer that cannot start (the broker unreachable past kafkajs's retries, a topic missing) is
   * tried again with backoff until it starts or the pipeline stops: never left behind while the
   * service runs on.
   */
  async start(app: INestApplicationContext): Promise<void> {
    const { pool, logger, definition } = this.o;
    this.producer = createProducer(this.o.kafka);
    this.topicsReady = this.ensureTopicsUntilDone();
    this.relay = new OutboxRelay({
      pool,
      logger: logger.child({ component: 'outbox-relay' }),
      publish: async (messages) => {
        await this.connectedProducer();
        await this.producer!.sendBatch(messages.map(kafkaMessageFor));
      },
    });
    this.o.eventStore.wakeRelayInProcess(this.relay);
    await this.relay.start();
    this.reactionsStarting = (async () => {
      for (const reaction of definition.reactions ?? []) {
        await this.topicsReady;
        const handler = app.get<ReactionHandler>(reaction.handler, { strict: false });
        const consumer = await untilDone(`starting the reaction ${reaction.name}`, () => this.startReaction(reaction, handler), {
          signal: this.stopping.signal,
          logger,
        });
        if (consumer === undefined) return;
        this.consumers.push(consumer);
      }
    })().catch((err) => logger.error({ err }, 'a reaction could not start'));
  }

  /** One connection for the relay and the dead-letter writes; a failed connect is tried again next time. */
  private connectedProducer(): Promise<void> {
    this.producerConnected ??= this.producer!.connect().catch((e) => {
      this.producerConnected = undefined;
      throw e;
    });
    return this.producerConnected;
  }

  private async startReaction(reaction: ReactionDefinition, handler: ReactionHandler): Promise<RunningConsumer> {
    const groupId = this.groupId(reaction);
    const inboxConsumer = `${this.o.service}.${reaction.name}`;
    await this.connectedProducer();
    const producer = this.producer!;
    return startConsumer({
      kafka: this.o.kafka,
      groupId,
      topics: reaction.topics.map((t) => this.o.prefix + t),
      logger: this.o.logger.child({ component: 'consumer', group: groupId }),
      signal: this.stopping.signal,
      stopTimeoutMs: this.o.consumerStopTimeoutMs,
      deadLetter: { producer, topicFor: () => this.deadLetterTopicOf(reaction.name) },
      // The partitions side by side, each in order: their inbox transactions (one WAL flush each)
      // overlap instead of queueing behind one another (bench/spine).
      partitionsConsumedConcurrently: this.partitionsOf(reaction),
      // What one fetch brought from a partition, in parts of up to 50 messages, each part in one inbox
      // transaction: one WAL flush for all of it. Any failure (a message that does not decode, an effect
      // that throws) rolls the part back and the consumer falls back to `handle` for its messages, one
      // by one, to retry or dead-letter each on its own.
      handleAll: async (consumed) => {
        const deliveries = consumed.map(decoded).map((event) => ({ event, source: event.source, messageId: event.id }));
        await processBatchOnce(this.o.pool, inboxConsumer, deliveries, async (client, fresh) => {
          if (handler.handleAll) return handler.handleAll(fresh.map((d) => d.event), client);
          for (const { event } of fresh) await handler.handle(event, client);
        });
      },
      // One by one, a reaction's data exception (SQLSTATE class 22) is permanent: the same event
      // would be refused the same way on every retry.
      handle: async (consumed) => {
        const event = decoded(consumed);
        await processOnce(this.o.pool, inboxConsumer, { source: event.source, messageId: event.id }, (client) => withRefusedDataPermanent(() => handler.handle(event, client)));
      },
    });
  }

  /** How many partitions a reaction reads: its topics' as defined here, the default for the others. */
  private partitionsOf(reaction: ReactionDefinition): number {
    const defined = new Map(this.o.definition.topics.map((t) => [t.name, t.partitions]));
    return reaction.topics.reduce((sum, topic) => sum + (defined.get(topic) ?? DEFAULT_PARTITIONS), 0);
  }

  private async ensureTopicsUntilDone(): Promise<void> {
    const { adminKafka, definition, prefix, logger } = this.o;
    const wanted = [...definition.topics, ...(definition.reactions ?? []).map((r) => deadLetterTopicDefinition(`${this.o.service}.${r.name}`))];
    await untilDone(
      'creating the topics',
      async () => {
        const admin = adminKafka.admin();
        try {
          await admin.connect();
          await ensureTopics(admin, wanted, { prefix });
        } finally {
          await admin.disconnect().catch(() => undefined);
        }
      },
      { signal: this.stopping.signal, logger },
    );
  }

  /**
   * Stops consuming: each consumer finishes the message in hand, commits what was processed and
   * leaves its group. A consumer still starting stops too, so this is bounded by the consumers' stop
   * timeout even then. Idempotent. The relay runs on (a service stops its consumers while requests
   * still drain, whose appends it publishes).
   */
  stopConsuming(): Promise<void> {
    this.consumersStopped ??= (async () => {
      this.stopping.abort();
      await this.reactionsStarting;
      await Promise.all(this.consumers.map((c) => c.stop()));
    })();
    return this.consumersStopped;
  }

  /** Stops consuming (as `stopConsuming`), then stops the relay and disconnects the producer. */
  async stop(): Promise<void> {
    await this.stopConsuming();
    await this.topicsReady?.catch(() => undefined);
    await this.relay?.stop();
    await this.producer?.disconnect().catch(() => undefined);
  }
}

/**
 * A consumed message as its contract's latest version (validated, upcast). What fails here is the
 * message's own fault (not a CloudEvent, a type no contract knows, data its contract refuses), so
 * the error is marked permanent: the message is dead-lettered. The same error classes raised later,
 * by a reaction's own code (an outgoing event that breaks its contract), are a bug to fix, not the
 * message's fault: transient, so the message is held and retried instead.
 */
function decoded({ message }: ConsumedMessage): CloudEvent<unknown> {
  try {
    return contracts.decodeEvent(fromKafkaMessage(message));
  } catch (error) {
    if (error instanceof UnknownEventType || error instanceof EventSchemaViolation) Object.assign(error, { permanent: true });
    throw error;
  }
}
