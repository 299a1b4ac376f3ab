import { Partitioners, type IHeaders, type Kafka, type RecordMetadata, type TopicMessages } from 'kafkajs';

export interface OutgoingMessage {
  readonly topic: string;
  /** The case id: messages with one key stay in order on one partition. */
  readonly key: string | Buffer | null;
  /** null is a tombstone (only ever forwarded, for a dead letter of one). */
  readonly value: Buffer | null;
  readonly headers?: IHeaders;
  /** A partition chosen by the writer instead of by the key (e.g. a topic that must replay in one order). */
  readonly partition?: number;
}

export interface MessageProducer {
  connect(): Promise<void>;
  /** Closes the connections, so the process can exit; safe to call twice or without `connect`. */
  disconnect(): Promise<void>;
  /**
   * Sends `messages` in one produce round (grouped by topic, order kept within each topic) and
   * resolves once the broker acknowledged every one of them on all in-sync replicas (acks = -1).
   * Rejects when any of them could not be written; the caller retries the whole batch, and the
   * idempotent producer plus consumers deduplicating by event id make that retry harmless.
   */
  sendBatch(messages: readonly OutgoingMessage[]): Promise<RecordMetadata[]>;
}

export interface ProducerOptions {
  /**
   * Retries inside kafkajs before `sendBatch` rejects. kafkajs retries an idempotent producer forever
   * by default (and warns when limited); a bounded number lets the outbox relay see the failure,
   * back off and report it, and lets shutdown finish while the broker is away.
   */
  readonly retries?: number;
}

/**
 * An idempotent kafkajs producer, configured as KIP-98 requires for idempotence: acks from all
 * in-sync replicas, retries allowed, and one request in flight per connection (which also keeps
 * per-partition order across retries).
 */
export function createProducer(kafka: Kafka, options: ProducerOptions = {}): MessageProducer {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    retry: { retries: options.retries ?? 5 },
    // The Java client's murmur2 partitioner: a key lands on the same partition whichever client wrote it.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async sendBatch(messages) {
      if (messages.length === 0) return [];
      return producer.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) });
    },
  };
}

function groupByTopic(messages: readonly OutgoingMessage[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const { topic, key, value, headers, partition } of messages) {
    let group = byTopic.get(topic);
    if (!group) {
      group = { topic, messages: [] };
      byTopic.set(topic, group);
    }
    group.messages.push(partition === undefined ? { key, value, headers } : { key, value, headers, partition });
  }
  return [...byTopic.values()];
}
