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
 * Broker errors after which a kafkajs idempotent producer's session (producer id and sequence
 * numbers) no longer matches what the broker holds, as when a broker killed mid-write restarts with
 * a shorter log. kafkajs keeps its session and sends the same sequence again, which the broker keeps
 * refusing: without a new session, the producer never delivers again (kafkajs issue #598).
 */
const LOST_SESSION_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

function lostIdempotentSession(error: unknown): boolean {
  return typeof error === 'object' && error !== null && LOST_SESSION_ERRORS.has(String((error as { type?: unknown }).type));
}

/**
 * An idempotent kafkajs producer, configured as KIP-98 requires for idempotence: acks from all
 * in-sync replicas, retries allowed, and one request in flight per connection (which also keeps
 * per-partition order across retries). A send refused because the broker lost the producer's
 * session still rejects, and the producer is replaced by a new one (a new producer id, connected
 * at the next send), so the caller's retry of the batch can succeed. What the refused batch had
 * written may then be written twice, which consumers deduplicating by event id absorb.
 */
export function createProducer(kafka: Kafka, options: ProducerOptions = {}): MessageProducer {
  const newProducer = () =>
    kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      retry: { retries: options.retries ?? 5 },
      // The Java client's murmur2 partitioner: a key lands on the same partition whichever client wrote it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  let producer = newProducer();
  let replaced = false;
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async sendBatch(messages) {
      if (messages.length === 0) return [];
      if (replaced) {
        await producer.connect();
        replaced = false;
      }
      try {
        return await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) });
      } catch (error) {
        if (lostIdempotentSession(error)) {
          const lost = producer;
          producer = newProducer();
          replaced = true;
          await lost.disconnect().catch(() => undefined);
        }
        throw error;
      }
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
