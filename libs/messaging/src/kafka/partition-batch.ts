import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import { deadLetterMessage, type ConsumedMessage } from './dead-letter.js';
import { failureKindOf } from './message-failure.js';
import type { MessageProducer } from './message-producer.js';
import type { MessagingLogger } from './messaging-logger.js';
import { nextBackoff, waitUnlessAborted, type RetryBackoff } from './retry-backoff.js';

/** Processes one message. Resolving means its effects are done (or were already done: handlers are idempotent). */
export type MessageHandler = (consumed: ConsumedMessage) => Promise<void>;

/**
 * Processes several messages of one partition, in offset order, all or nothing: resolving means every
 * one's effects are done; throwing must mean none's are (e.g. one database transaction for all).
 */
export type MessagesHandler = (consumed: readonly ConsumedMessage[]) => Promise<void>;

export interface BatchConsumption {
  readonly consumerGroup: string;
  readonly handle: MessageHandler;
  /**
   * The fast path: a fetched batch handled at once. When it throws, for whatever reason, the same
   * messages go through `handle` one at a time, which retries, dead-letters and resolves each on its own.
   */
  readonly handleAll?: MessagesHandler;
  /** The most messages `handleAll` is given at once (default DEFAULT_MESSAGES_AT_ONCE). */
  readonly messagesAtOnce?: number;
  readonly deadLetter: { readonly producer: Pick<MessageProducer, 'sendBatch'>; readonly topic: string };
  readonly backoff: RetryBackoff;
  /** Aborted when the consumer is asked to stop: cuts a backoff wait short. */
  readonly stopping: AbortSignal;
  readonly logger: MessagingLogger;
  readonly now: () => Date;
}

type Attempt<T> = { readonly settled: true; readonly value: T } | { readonly settled: false };

/** The most messages `handleAll` is given at once, unless the consumption says otherwise. */
export const DEFAULT_MESSAGES_AT_ONCE = 50;

/**
 * The `eachBatch` body: the messages of one partition, in offset order, in parts of at most
 * `messagesAtOnce` — each part all at once through `handleAll` when there is one and it succeeds, else
 * one message at a time through `handle`. Parts keep each transaction, and what a failure makes the
 * consumer redo, bounded, and let offsets be resolved (and committed) as the batch goes.
 * Guarantees: an offset is resolved only once its message was handled, or dead-lettered after a
 * permanent failure (the dead letter acknowledged by the broker); a transient failure is retried with
 * backoff, heartbeating, for as long as it takes, and never skipped; when the consumer stops (or the
 * partition is sought or taken away) the part or message in progress is finished but nothing after it
 * starts, and an unsettled message stays unresolved so the group re-reads it. Heartbeat errors (a
 * rebalance) propagate for kafkajs to rejoin.
 */
export async function consumeBatch(payload: EachBatchPayload, consumption: BatchConsumption): Promise<void> {
  const { messages } = payload.batch;
  const partSize = consumption.handleAll ? Math.max(1, consumption.messagesAtOnce ?? DEFAULT_MESSAGES_AT_ONCE) : 1;
  for (let start = 0; start < messages.length; start += partSize) {
    if (!mayContinue(payload, consumption)) return;
    const part = messages.slice(start, start + partSize);
    if (await consumeAllAtOnce(part, payload, consumption)) continue;
    for (const message of part) {
      if (!mayContinue(payload, consumption)) return;
      const consumed: ConsumedMessage = { topic: payload.batch.topic, partition: payload.batch.partition, message };
      if (!(await settle(consumed, payload, consumption))) return;
      await resolveThrough(message.offset, payload);
    }
  }
}

/** Marks everything up to `offset` done, commits when kafkajs's thresholds say so, and heartbeats. */
async function resolveThrough(offset: string, payload: EachBatchPayload): Promise<void> {
  payload.resolveOffset(offset);
  await payload.commitOffsetsIfNecessary();
  await payload.heartbeat();
}

/** True when `handleAll` took the whole part; false (nothing resolved) when it is absent, pointless or failed. */
async function consumeAllAtOnce(messages: KafkaMessage[], payload: EachBatchPayload, consumption: BatchConsumption): Promise<boolean> {
  const { topic, partition } = payload.batch;
  if (!consumption.handleAll || messages.length < 2) return false;
  const lastOffset = messages.at(-1)!.offset;
  try {
    await consumption.handleAll(messages.map((message) => ({ topic, partition, message })));
  } catch (error) {
    consumption.logger.warn(
      { topic, partition, firstOffset: messages[0]!.offset, lastOffset, err: error },
      'handling messages at once failed: handling them one at a time',
    );
    return false;
  }
  await resolveThrough(lastOffset, payload);
  return true;
}

async function settle(consumed: ConsumedMessage, payload: EachBatchPayload, consumption: BatchConsumption): Promise<boolean> {
  const handled = await retryTransientFailures('handling', consumed, payload, consumption, async () => {
    try {
      await consumption.handle(consumed);
      return undefined;
    } catch (error) {
      if (failureKindOf(error) === 'permanent') return { permanent: error };
      throw error;
    }
  });
  if (!handled.settled) return false;
  if (!handled.value) return true;

  const { permanent } = handled.value;
  const deadLetter = deadLetterMessage(consumed, permanent, {
    topic: consumption.deadLetter.topic,
    consumerGroup: consumption.consumerGroup,
    failedAt: consumption.now(),
  });
  consumption.logger.warn(
    { ...whereFrom(consumed), err: permanent, deadLetterTopic: consumption.deadLetter.topic },
    'message can never be processed: dead-lettering it',
  );
  const parked = await retryTransientFailures('dead-lettering', consumed, payload, consumption, () =>
    consumption.deadLetter.producer.sendBatch([deadLetter]),
  );
  return parked.settled;
}

async function retryTransientFailures<T>(
  what: string,
  consumed: ConsumedMessage,
  payload: EachBatchPayload,
  consumption: BatchConsumption,
  attempt: () => Promise<T>,
): Promise<Attempt<T>> {
  let waitMs = consumption.backoff.initialMs;
  for (let attempts = 1; ; attempts += 1) {
    try {
      return { settled: true, value: await attempt() };
    } catch (error) {
      consumption.logger.warn(
        { ...whereFrom(consumed), err: error, attempts, retryInMs: waitMs },
        `${what} a message failed transiently: retrying`,
      );
    }
    await waitUnlessAborted(waitMs, consumption.stopping);
    if (!mayContinue(payload, consumption)) return { settled: false };
    await payload.heartbeat();
    waitMs = nextBackoff(waitMs, consumption.backoff);
  }
}

function mayContinue(payload: EachBatchPayload, consumption: BatchConsumption): boolean {
  return !consumption.stopping.aborted && payload.isRunning() && !payload.isStale();
}

function whereFrom({ topic, partition, message }: ConsumedMessage) {
  return { topic, partition, offset: message.offset };
}
