import type { Kafka } from 'kafkajs';
import { exitProcessOnFatal, watchForFatalCrash, type OnFatal } from './consumer-crash.js';
import type { MessageProducer } from './message-producer.js';
import type { MessagingLogger } from './messaging-logger.js';
import { consumeBatch, type BatchConsumption, type MessageHandler, type MessagesHandler } from './partition-batch.js';
import { defaultRetryBackoff, type RetryBackoff } from './retry-backoff.js';

export interface ConsumerOptions {
  readonly kafka: Kafka;
  /** Used as given: the caller applies the topic prefix. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handle: MessageHandler;
  /** Optional: a fetched batch of one partition at once, all or nothing; `handle` is the fallback (see `consumeBatch`). */
  readonly handleAll?: MessagesHandler;
  readonly deadLetter: {
    /** A connected producer; the caller owns it (and disconnects it after `stop`). */
    readonly producer: Pick<MessageProducer, 'sendBatch'>;
    /** The dead-letter topic of a group, e.g. `deadLetterTopic` of `@wildlife/contracts` behind the prefix. */
    readonly topicFor: (groupId: string) => string;
  };
  readonly logger: MessagingLogger;
  /** Defaults to logging and `process.exit(1)`. */
  readonly onFatal?: OnFatal;
  /** Where a group with no committed offset starts; default true (topics are the contract, read them whole). */
  readonly fromBeginning?: boolean;
  readonly retryBackoff?: RetryBackoff;
  /** Default 30 s; the heartbeat runs at a tenth of it. The broker accepts 6 s to 30 min by default. */
  readonly sessionTimeoutMs?: number;
  /**
   * How long `stop` waits for the consumer to finish what it is doing and leave its group; default
   * 5 s, so that a service stops within its shutdown timeout. See `RunningConsumer.stop`.
   */
  readonly stopTimeoutMs?: number;
  /**
   * Aborting it stops the consumer as `RunningConsumer.stop` does, at any time, start-up included: a
   * consumer still joining its group (which waits for every member of a rebalancing group, a dead
   * one's session included) stops within `stopTimeoutMs`, and `startConsumer` then resolves with it
   * stopped. So a service can stop while a consumer is still starting.
   */
  readonly signal?: AbortSignal;
  /** Partitions handled at once (each still one message at a time, in order); default 1. */
  readonly partitionsConsumedConcurrently?: number;
  readonly now?: () => Date;
}

export interface RunningConsumer {
  /**
   * Stops fetching, lets the message in progress finish (a backoff wait is cut short and its message
   * left unresolved), commits the resolved offsets, leaves the group and disconnects. Idempotent.
   * Gives up waiting after `stopTimeoutMs` (a handler still running, or a group rebalancing, where
   * kafkajs waits for the rebalance, which waits for any dead member's session to expire): it logs a
   * warning and resolves, the consumer fetches nothing more, and what it had not committed goes to the
   * group's next member again, which deduplicates it as every redelivery.
   */
  stop(): Promise<void>;
}

/**
 * Joins `groupId`, subscribes to `topics` and processes their messages batch by batch (see
 * `consumeBatch` for the per-message guarantees). Resolves once the group is joined (or the join
 * failed for good, which `onFatal` hears of), or once stopped through `options.signal` while joining.
 * Offsets are committed every second or hundred messages, at the end of every batch, and on stop:
 * delivery is at least once, so handlers must be idempotent (the inbox does that).
 */
export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const { kafka, groupId, logger } = options;
  const stopping = new AbortController();
  const sessionTimeout = options.sessionTimeoutMs ?? 30_000;
  const deadLetterTopic = options.deadLetter.topicFor(groupId);
  const consumer = kafka.consumer({
    groupId,
    sessionTimeout,
    heartbeatInterval: Math.floor(sessionTimeout / 10),
    // kafkajs waits up to 5 s for data by default: a needless delay on every quiet partition.
    maxWaitTimeInMs: 100,
    allowAutoTopicCreation: false,
    // kafkajs restarts a consumer after a retriable crash, unless told not to: never once it is
    // stopping (a crash while it leaves its group, say), so a stopped consumer stays stopped.
    retry: { retries: 5, restartOnFailure: () => Promise.resolve(!stopping.signal.aborted) },
  });
  const consumption: BatchConsumption = {
    consumerGroup: groupId,
    handle: options.handle,
    handleAll: options.handleAll,
    deadLetter: { producer: options.deadLetter.producer, topic: deadLetterTopic },
    backoff: options.retryBackoff ?? defaultRetryBackoff,
    stopping: stopping.signal,
    logger,
    now: options.now ?? (() => new Date()),
  };
  const stopWatching = watchForFatalCrash(consumer, options.onFatal ?? exitProcessOnFatal(logger), { groupId, logger });

  // Connects, subscribes and joins the group; `run` resolves once the group is joined.
  const joined = (async () => {
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommitInterval: 1_000,
      autoCommitThreshold: 100,
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => consumeBatch(payload, consumption),
    });
  })();

  const stopTimeoutMs = options.stopTimeoutMs ?? 5_000;
  const stop = async () => {
    stopping.abort();
    // A crash while stopping is no reason to exit the process.
    stopWatching();
    // kafkajs cannot stop a consumer in the middle of its group join (the join would go on, and the
    // consumer would consume with no one to stop it): the stop waits for the join to end. It consumes
    // nothing meanwhile (`stopping`).
    const disconnected = joined.catch(() => undefined).then(() => consumer.disconnect());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(resolve, stopTimeoutMs, false).unref()));
    try {
      const stoppedInTime = await Promise.race([disconnected.then(() => true), timedOut]);
      if (!stoppedInTime) {
        logger.warn({ groupId, stopTimeoutMs }, 'consumer did not stop in time (a message in progress, its group rebalancing, or its join not over): leaving it');
        disconnected.then(
          () => logger.info({ groupId }, 'consumer stopped late'),
          (err: unknown) => logger.warn({ groupId, err }, 'consumer stopped late, with an error'),
        );
      }
    } finally {
      clearTimeout(timer);
    }
  };
  let stopped: Promise<void> | undefined;
  const running: RunningConsumer = { stop: () => (stopped ??= stop()) };
  const stopOnSignal = () => void running.stop().catch((err: unknown) => logger.warn({ groupId, err }, 'stopping the consumer failed'));
  if (options.signal?.aborted) stopOnSignal();
  else options.signal?.addEventListener('abort', stopOnSignal, { once: true });

  try {
    // A stop while starting (through the signal) ends the wait for the join: the stop is bounded,
    // the join is not.
    await Promise.race([joined, whenAborted(stopping.signal)]);
  } catch (error) {
    options.signal?.removeEventListener('abort', stopOnSignal);
    await running.stop().catch(() => undefined);
    throw error;
  }
  if (stopping.signal.aborted) {
    await running.stop();
    logger.info({ groupId }, 'consumer stopped while starting');
    return running;
  }
  logger.info({ groupId, topics: options.topics }, 'consumer started');
  return running;
}

function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
