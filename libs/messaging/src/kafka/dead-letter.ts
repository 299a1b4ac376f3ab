import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { OutgoingMessage } from './message-producer.js';

/** Where a consumed message came from, as handed to a message handler. */
export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

export const deadLetterHeaders = {
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  originalKey: 'dlq-original-key',
  reason: 'dlq-reason',
  detail: 'dlq-detail',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

// Enough to diagnose; a header is not the place for a multi-kilobyte stack of schema violations.
const DETAIL_LIMIT = 2_000;

export interface DeadLetterContext {
  readonly topic: string;
  readonly consumerGroup: string;
  readonly failedAt: Date;
}

/**
 * The dead letter for `consumed`: the original key, value and headers unchanged (so it can be replayed
 * as it was), plus `dlq-*` headers saying where it came from and why it failed. `dlq-original-key`
 * is absent when the message had no key.
 */
export function deadLetterMessage(consumed: ConsumedMessage, error: unknown, context: DeadLetterContext): OutgoingMessage {
  const { message } = consumed;
  const headers: IHeaders = {
    ...message.headers,
    [deadLetterHeaders.originalTopic]: consumed.topic,
    [deadLetterHeaders.originalPartition]: String(consumed.partition),
    [deadLetterHeaders.originalOffset]: message.offset,
    [deadLetterHeaders.reason]: reasonOf(error),
    [deadLetterHeaders.detail]: detailOf(error).slice(0, DETAIL_LIMIT),
    [deadLetterHeaders.consumerGroup]: context.consumerGroup,
    [deadLetterHeaders.failedAt]: context.failedAt.toISOString(),
  };
  if (message.key) headers[deadLetterHeaders.originalKey] = message.key;
  else delete headers[deadLetterHeaders.originalKey];
  return { topic: context.topic, key: message.key, value: message.value, headers };
}

/** The error's class name: `name` is often left as 'Error' by subclasses, the constructor is not. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const className = error.constructor.name;
  return className && className !== 'Error' ? className : error.name;
}

function detailOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
