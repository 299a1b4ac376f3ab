import { describe, expect, it } from '@jest/globals';
import type { Batch, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { ConsumedMessage } from './dead-letter.js';
import { PermanentMessageError } from './message-failure.js';
import type { OutgoingMessage } from './message-producer.js';
import type { MessagingLogger } from './messaging-logger.js';
import { consumeBatch, type BatchConsumption, type MessageHandler, type MessagesHandler } from './partition-batch.js';

class ValueIsNotJson extends PermanentMessageError {}
class DatabaseIsDown extends Error {}
class SchemaRefused extends Error {}

function message(offset: number, value: string): KafkaMessage {
  return {
    key: Buffer.from(`case-${offset}`),
    value: Buffer.from(value),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
    headers: { 'ce_type': Buffer.from('t') },
  };
}

/** A partition batch whose offset resolutions, heartbeats and running state the test controls and sees. */
function partitionBatch(messages: KafkaMessage[], trail: string[]) {
  const state = { running: true };
  const payload: EachBatchPayload = {
    batch: { topic: 'cases', partition: 2, messages } as unknown as Batch,
    resolveOffset: (offset) => void trail.push(`resolve ${offset}`),
    heartbeat: async () => undefined,
    pause: () => () => undefined,
    commitOffsetsIfNecessary: async () => undefined,
    uncommittedOffsets: () => ({ topics: [] }),
    isRunning: () => state.running,
    isStale: () => false,
  };
  return { payload, state };
}

function consumption(handle: MessageHandler, overrides: Partial<BatchConsumption> = {}) {
  const deadLetters: OutgoingMessage[] = [];
  const warnings: Record<string, unknown>[] = [];
  const logger: MessagingLogger = { info: () => undefined, warn: (fields) => void warnings.push(fields), error: () => undefined };
  const options: BatchConsumption = {
    consumerGroup: 'provenance',
    handle,
    deadLetter: { producer: { sendBatch: async (m) => (deadLetters.push(...m), []) }, topic: 'dlq.provenance' },
    backoff: { initialMs: 1, maxMs: 4 },
    stopping: new AbortController().signal,
    logger,
    now: () => new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
  return { options, deadLetters, warnings };
}

const offsetOf = (consumed: ConsumedMessage) => consumed.message.offset;

describe('consuming a batch of one partition', () => {
  it('handles messages in offset order and resolves each only after its handling', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, '{}'), message(2, '{}')], trail);
    const { options } = consumption(async (consumed) => void trail.push(`handle ${offsetOf(consumed)}`));

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'resolve 0', 'handle 1', 'resolve 1', 'handle 2', 'resolve 2']);
  });

  it('dead-letters a message failing permanently, then moves on to the next', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, 'not json'), message(2, '{}')], trail);
    const { options, deadLetters } = consumption(async (consumed) => {
      if (offsetOf(consumed) === '1') throw new ValueIsNotJson('value is not JSON');
      trail.push(`handle ${offsetOf(consumed)}`);
    });

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'resolve 0', 'resolve 1', 'handle 2', 'resolve 2']);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ topic: 'dlq.provenance', key: Buffer.from('case-1'), value: Buffer.from('not json') });
    expect(deadLetters[0]!.headers).toMatchObject({ 'dlq-reason': 'ValueIsNotJson', 'dlq-original-offset': '1' });
  });

  it('treats an error of any class as permanent when it is marked so', async () => {
    const { payload } = partitionBatch([message(0, '{}')], []);
    const { options, deadLetters } = consumption(async () => {
      throw Object.assign(new SchemaRefused('data violates its schema'), { permanent: true });
    });

    await consumeBatch(payload, options);

    expect(deadLetters.map((m) => m.headers?.['dlq-reason'])).toEqual(['SchemaRefused']);
  });

  it('retries a transient failure with doubling, capped waits until it succeeds, without dead-lettering it', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, '{}')], trail);
    let failuresLeft = 4;
    const { options, deadLetters, warnings } = consumption(async (consumed) => {
      trail.push(`handle ${offsetOf(consumed)}`);
      if (offsetOf(consumed) === '0' && failuresLeft-- > 0) throw new DatabaseIsDown('connection refused');
    });

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'handle 0', 'handle 0', 'handle 0', 'handle 0', 'resolve 0', 'handle 1', 'resolve 1']);
    expect(warnings.map((w) => w.retryInMs)).toEqual([1, 2, 4, 4]);
    expect(deadLetters).toEqual([]);
  });

  it('cuts its backoff wait short when the consumer stops, leaving the failing message unresolved', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, '{}')], trail);
    const stopping = new AbortController();
    const { options } = consumption(
      async (consumed) => {
        trail.push(`handle ${offsetOf(consumed)}`);
        stopping.abort();
        throw new DatabaseIsDown('connection refused');
      },
      { stopping: stopping.signal, backoff: { initialMs: 600_000, maxMs: 600_000 } },
    );
    const started = Date.now();

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('finishes and resolves the message in progress when the consumer stops, then stops', async () => {
    const trail: string[] = [];
    const { payload, state } = partitionBatch([message(0, '{}'), message(1, '{}')], trail);
    const { options } = consumption(async (consumed) => {
      state.running = false;
      trail.push(`handle ${offsetOf(consumed)}`);
    });

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'resolve 0']);
  });

  it('resolves a permanently failing message only once its dead letter is written, retrying the write', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, 'not json')], trail);
    let writesRefused = 2;
    const { options } = consumption(
      async () => {
        throw new ValueIsNotJson('value is not JSON');
      },
      {
        deadLetter: {
          topic: 'dlq.provenance',
          producer: {
            sendBatch: async () => {
              trail.push('write dead letter');
              if (writesRefused-- > 0) throw new Error('broker not available');
              return [];
            },
          },
        },
      },
    );

    await consumeBatch(payload, options);

    expect(trail).toEqual(['write dead letter', 'write dead letter', 'write dead letter', 'resolve 0']);
  });

  it('lets a heartbeat failure (a rebalance) out, leaving the failing message unresolved', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}')], trail);
    payload.heartbeat = async () => {
      throw new Error('The group is rebalancing, so a rejoin is needed');
    };
    const { options } = consumption(async () => {
      throw new DatabaseIsDown('connection refused');
    });

    await expect(consumeBatch(payload, options)).rejects.toThrow('rebalancing');
    expect(trail).toEqual([]);
  });
});

describe('consuming a batch of one partition all at once', () => {
  const allAtOnce = (trail: string[], fail?: () => Error): MessagesHandler => async (consumed) => {
    if (fail) throw fail();
    trail.push(`handle all ${consumed.map(offsetOf).join(',')}`);
  };

  it('hands the whole batch to the batch handler, in offset order, and resolves its last offset after it', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, '{}'), message(2, '{}')], trail);
    const { options } = consumption(async (consumed) => void trail.push(`handle ${offsetOf(consumed)}`), { handleAll: allAtOnce(trail) });

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle all 0,1,2', 'resolve 2']);
  });

  it('falls back to one at a time when the batch handler fails, dead-lettering only the message that cannot be processed', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, 'not json'), message(2, '{}')], trail);
    const { options, deadLetters, warnings } = consumption(
      async (consumed) => {
        if (offsetOf(consumed) === '1') throw new ValueIsNotJson('value is not JSON');
        trail.push(`handle ${offsetOf(consumed)}`);
      },
      { handleAll: allAtOnce(trail, () => new ValueIsNotJson('value is not JSON')) },
    );

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'resolve 0', 'resolve 1', 'handle 2', 'resolve 2']);
    expect(deadLetters.map((m) => m.headers?.['dlq-original-offset'])).toEqual(['1']);
    expect(warnings[0]).toMatchObject({ firstOffset: '0', lastOffset: '2' });
  });

  it('falls back to one at a time, with its retries, when the batch handler fails transiently', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(0, '{}'), message(1, '{}')], trail);
    let failuresLeft = 1;
    const { options, deadLetters } = consumption(
      async (consumed) => {
        if (failuresLeft-- > 0) throw new DatabaseIsDown('connection refused');
        trail.push(`handle ${offsetOf(consumed)}`);
      },
      { handleAll: allAtOnce(trail, () => new DatabaseIsDown('connection refused')) },
    );

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'resolve 0', 'handle 1', 'resolve 1']);
    expect(deadLetters).toEqual([]);
  });

  it('gives the batch handler at most messagesAtOnce messages at a time, resolving after each part', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([0, 1, 2, 3, 4].map((o) => message(o, '{}')), trail);
    const { options } = consumption(async (consumed) => void trail.push(`handle ${offsetOf(consumed)}`), {
      handleAll: allAtOnce(trail),
      messagesAtOnce: 2,
    });

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle all 0,1', 'resolve 1', 'handle all 2,3', 'resolve 3', 'handle 4', 'resolve 4']);
  });

  it('falls back to one at a time for the failing part only', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([0, 1, 2, 3].map((o) => message(o, o === 1 ? 'not json' : '{}')), trail);
    const { options, deadLetters } = consumption(
      async (consumed) => {
        if (offsetOf(consumed) === '1') throw new ValueIsNotJson('value is not JSON');
        trail.push(`handle ${offsetOf(consumed)}`);
      },
      {
        handleAll: async (consumed) => {
          if (consumed.some((c) => offsetOf(c) === '1')) throw new ValueIsNotJson('value is not JSON');
          trail.push(`handle all ${consumed.map(offsetOf).join(',')}`);
        },
        messagesAtOnce: 2,
      },
    );

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 0', 'resolve 0', 'resolve 1', 'handle all 2,3', 'resolve 3']);
    expect(deadLetters.map((m) => m.headers?.['dlq-original-offset'])).toEqual(['1']);
  });

  it('handles a lone message with the one-message handler', async () => {
    const trail: string[] = [];
    const { payload } = partitionBatch([message(7, '{}')], trail);
    const { options } = consumption(async (consumed) => void trail.push(`handle ${offsetOf(consumed)}`), { handleAll: allAtOnce(trail) });

    await consumeBatch(payload, options);

    expect(trail).toEqual(['handle 7', 'resolve 7']);
  });

  it('starts nothing when the consumer is already stopping', async () => {
    const trail: string[] = [];
    const { payload, state } = partitionBatch([message(0, '{}'), message(1, '{}')], trail);
    state.running = false;
    const { options } = consumption(async (consumed) => void trail.push(`handle ${offsetOf(consumed)}`), { handleAll: allAtOnce(trail) });

    await consumeBatch(payload, options);

    expect(trail).toEqual([]);
  });
});
