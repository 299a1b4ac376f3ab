import { describe, expect, it } from '@jest/globals';
import type { Kafka, Producer, ProducerBatch, ProducerConfig } from 'kafkajs';
import { createProducer } from './message-producer.js';

/** A kafkajs client whose producer records its configuration and every sendBatch call. */
function recordingKafka(sendBatch: (batch: ProducerBatch) => Promise<[]> = async () => []) {
  const configs: ProducerConfig[] = [];
  const batches: ProducerBatch[] = [];
  const kafka = {
    producer: (config: ProducerConfig) => {
      configs.push(config);
      return {
        sendBatch: (batch: ProducerBatch) => (batches.push(batch), sendBatch(batch)),
      } as unknown as Producer;
    },
  } as unknown as Kafka;
  return { kafka, configs, batches };
}

describe('the message producer', () => {
  it('is idempotent: one request in flight, retries allowed', () => {
    const { kafka, configs } = recordingKafka();

    createProducer(kafka);

    expect(configs).toHaveLength(1);
    expect(configs[0]).toMatchObject({ idempotent: true, maxInFlightRequests: 1 });
    expect(configs[0]!.retry?.retries).toBeGreaterThan(0);
  });

  it('sends messages of several topics in one call, grouped by topic, in their order, on a chosen partition if given, acked by all replicas', async () => {
    const { kafka, batches } = recordingKafka();
    const producer = createProducer(kafka);
    const value = (text: string) => Buffer.from(text);

    await producer.sendBatch([
      { topic: 'a', key: 'case-1', value: value('1'), headers: { ce_id: 'e1' } },
      { topic: 'b', key: 'case-2', value: value('2') },
      { topic: 'a', key: 'case-1', value: value('3') },
      { topic: 'b', key: '7', value: value('4'), partition: 0 },
    ]);

    expect(batches).toEqual([
      {
        acks: -1,
        topicMessages: [
          {
            topic: 'a',
            messages: [
              { key: 'case-1', value: value('1'), headers: { ce_id: 'e1' } },
              { key: 'case-1', value: value('3'), headers: undefined },
            ],
          },
          {
            topic: 'b',
            messages: [
              { key: 'case-2', value: value('2'), headers: undefined },
              { key: '7', value: value('4'), headers: undefined, partition: 0 },
            ],
          },
        ],
      },
    ]);
  });

  it('rejects when the broker does not take the batch, so the caller retries it', async () => {
    const { kafka } = recordingKafka(async () => {
      throw new Error('The producer is disconnected');
    });

    await expect(createProducer(kafka).sendBatch([{ topic: 'a', key: null, value: Buffer.from('x') }])).rejects.toThrow('disconnected');
  });

  it('sends nothing for an empty batch', async () => {
    const { kafka, batches } = recordingKafka();

    await expect(createProducer(kafka).sendBatch([])).resolves.toEqual([]);
    expect(batches).toEqual([]);
  });

  describe('when the broker has lost the idempotent session', () => {
    /** A kafkajs client whose producers record what is done with them; `refuse(n)` says what the nth one's sends throw. */
    function sessionKafka(refuse: (producer: number) => unknown) {
      const log: string[] = [];
      let made = 0;
      const kafka = {
        producer: () => {
          const n = ++made;
          return {
            connect: async () => void log.push(`connect ${n}`),
            disconnect: async () => void log.push(`disconnect ${n}`),
            sendBatch: async () => {
              log.push(`send ${n}`);
              const error = refuse(n);
              if (error !== undefined) throw error;
              return [];
            },
          } as unknown as Producer;
        },
      } as unknown as Kafka;
      return { kafka, log };
    }
    const batch = [{ topic: 'a', key: 'case-1', value: Buffer.from('1') }];

    it.each(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH'])(
      'rejects the send refused with %s, then sends the retry from a new producer, connected first',
      async (type) => {
        const refused = Object.assign(new Error('refused by the broker'), { type });
        const { kafka, log } = sessionKafka((n) => (n === 1 ? refused : undefined));
        const producer = createProducer(kafka);
        await producer.connect();

        await expect(producer.sendBatch(batch)).rejects.toBe(refused);
        await producer.sendBatch(batch);
        await producer.disconnect();

        expect(log).toEqual(['connect 1', 'send 1', 'disconnect 1', 'connect 2', 'send 2', 'disconnect 2']);
      },
    );

    it('keeps its producer after any other refusal', async () => {
      const refused = Object.assign(new Error('no leader'), { type: 'LEADER_NOT_AVAILABLE' });
      const { kafka, log } = sessionKafka(() => refused);
      const producer = createProducer(kafka);

      await expect(producer.sendBatch(batch)).rejects.toBe(refused);
      await expect(producer.sendBatch(batch)).rejects.toBe(refused);

      expect(log).toEqual(['send 1', 'send 1']);
    });
  });
});
