import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitUntil } from '@wildlife/testing';
import { startConsumer, type ConsumerOptions, type RunningConsumer } from '../src/index.js';
import { messagingHarness, recordingLogger, text, type MessagingHarness } from './messaging-harness.js';

describe('stopping a consumer', () => {
  let harness: MessagingHarness;
  const running: RunningConsumer[] = [];
  // A crash kafkajs does not restart from would exit the test process: kept here, and shown, instead.
  const fatalCrashes: { groupId: string; error: Error }[] = [];

  beforeAll(async () => {
    harness = await messagingHarness('graceful-stop');
  });
  afterAll(async () => {
    for (const consumer of running) await consumer.stop();
    await harness.close();
    expect(fatalCrashes).toEqual([]);
  });

  /** A one-partition topic holding `ids` (key case-1), and the options of a consumer group reading it. */
  async function aGroupReading(name: string, ids: readonly string[]) {
    const topic = `${harness.prefix}${name}`;
    const groupId = harness.group(name);
    await harness.createTopics([{ name: topic, partitions: 1, retentionMs: 3_600_000 }]);
    await harness.producer.sendBatch(ids.map((id) => ({ topic, key: 'case-1', value: Buffer.from(id) })));
    const options = (handle: ConsumerOptions['handle'], more: Partial<ConsumerOptions> = {}): ConsumerOptions => ({
      kafka: harness.kafka,
      groupId,
      topics: [topic],
      handle,
      deadLetter: { producer: harness.producer, topicFor: harness.deadLetterTopic },
      logger: recordingLogger(),
      onFatal: (error) => void fatalCrashes.push({ groupId, error }),
      ...more,
    });
    return { topic, groupId, options };
  }

  /**
   * A handler that records each message's text, and whose handling of `stuckAt` does not end until
   * `release()`; `started()` tells whether that handling has begun.
   */
  function aHandlerStuckAt(stuckAt: string) {
    const handled: string[] = [];
    let started = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handle: ConsumerOptions['handle'] = async ({ message }) => {
      const id = text(message.value)!;
      if (id === stuckAt) {
        started = true;
        await released;
      }
      handled.push(id);
    };
    return { handle, handled, started: () => started, release };
  }

  /** When a consumer's stop gave up, its kafkajs client finishes in the background: waits for that, so nothing of it outlives the test. */
  async function afterALateStop(logger: ReturnType<typeof recordingLogger>, what: string): Promise<void> {
    if (!logger.lines.some((line) => line.message.startsWith('consumer did not stop in time'))) return;
    await waitUntil(what, () => logger.lines.some((line) => line.message.startsWith('consumer stopped late')), { timeoutMs: 60_000 });
  }

  it('finishes the message in progress, commits it, and a new member of the group resumes right after it', async () => {
    const { topic, groupId, options } = await aGroupReading('cases', ['m0', 'm1', 'm2', 'm3', 'm4']);

    // Given a consumer in the middle of handling m2
    const firstProcessed: string[] = [];
    let releaseM2!: () => void;
    const m2Released = new Promise<void>((resolve) => (releaseM2 = resolve));
    let m2Started = false;
    const first = await startConsumer(
      options(async ({ message }) => {
        const id = text(message.value)!;
        if (id === 'm2') {
          m2Started = true;
          await m2Released;
        }
        firstProcessed.push(id);
      }),
    );
    running.push(first);
    await waitUntil('m2 is in progress', () => m2Started);

    // When it is stopped, and m2 completes after the stop began
    const stopped = first.stop();
    releaseM2();
    await stopped;

    // Then m2 was finished but nothing after it started, and the group's offset is right after m2
    expect(firstProcessed).toEqual(['m0', 'm1', 'm2']);
    expect(await harness.committedOffset(groupId, topic)).toBe(3);

    // And a new consumer of the group starts at m3
    const secondProcessed: string[] = [];
    running.push(await startConsumer(options(async ({ message }) => void secondProcessed.push(text(message.value)!))));
    await waitUntil('the rest of the partition is processed', () => secondProcessed.length >= 2);
    expect(secondProcessed).toEqual(['m3', 'm4']);
  });

  it('gives up waiting after its stop timeout, says so, and leaves what it had not finished to the next member', async () => {
    const { groupId, options: groupOptions } = await aGroupReading('stuck', ['s0', 's1', 's2']);
    const logger = recordingLogger();
    const options = (handle: ConsumerOptions['handle']) => groupOptions(handle, { logger, stopTimeoutMs: 1_000 });

    // Given a consumer whose handling of s1 does not end (until the test is over)
    const stuck = aHandlerStuckAt('s1');
    const first = await startConsumer(options(stuck.handle));
    await waitUntil('s1 is in progress', stuck.started);

    // When it is stopped
    const began = performance.now();
    await first.stop();

    // Then the stop gave up after about its timeout and said why
    expect(performance.now() - began).toBeLessThan(5_000);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: expect.stringContaining('did not stop in time'), fields: expect.objectContaining({ groupId, stopTimeoutMs: 1_000 }) }),
    );
    expect(stuck.handled).toEqual(['s0']);

    // And the group's next member, once the stuck one's session is over, handles s1 and what follows
    const secondProcessed: string[] = [];
    running.push(await startConsumer(options(async ({ message }) => void secondProcessed.push(text(message.value)!))));
    try {
      await waitUntil('the next member has processed s1 and s2', () => secondProcessed.includes('s2'), { timeoutMs: 60_000 });
      // s0 too, when the first had not committed it yet
      expect(secondProcessed.filter((id) => id !== 's0')).toEqual(['s1', 's2']);
    } finally {
      // The first one's kafkajs client finishes its stop once its handler returns
      stuck.release();
      await afterALateStop(logger, 'the first consumer has stopped');
    }
  }, 90_000);

  it('stops within its stop timeout while it still waits to join its group, and handles nothing', async () => {
    const { groupId, options: groupOptions } = await aGroupReading('joining', ['j0', 'j1', 'j2']);

    // Given a member of the group stuck in j1: its group cannot rebalance until its session (6 s) is over
    const firstLogger = recordingLogger();
    const stuck = aHandlerStuckAt('j1');
    const first = await startConsumer(groupOptions(stuck.handle, { logger: firstLogger, sessionTimeoutMs: 6_000, stopTimeoutMs: 1_000 }));
    await waitUntil('j1 is in progress', stuck.started);

    // And a second consumer of the group, waiting to join it
    const logger = recordingLogger();
    const secondHandled: string[] = [];
    const stopping = new AbortController();
    let settled = false;
    const second = startConsumer(
      groupOptions(async ({ message }) => void secondHandled.push(text(message.value)!), { logger, signal: stopping.signal, stopTimeoutMs: 1_000 }),
    ).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(settled).toBe(false);

    // When it is stopped through its signal
    const began = performance.now();
    stopping.abort();
    const stopped = await second;

    // Then start-up ended within about the stop timeout, said why, and nothing was handled
    expect(performance.now() - began).toBeLessThan(4_000);
    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'consumer stopped while starting', fields: expect.objectContaining({ groupId }) }));
    await stopped.stop(); // already stopped: resolves at once
    try {
      // And once the stuck member's session is over and the join ends, the stopped consumer leaves
      // the group without having handled anything
      await waitUntil('the second consumer has left', () => logger.lines.some((line) => line.message.startsWith('consumer stopped late')), { timeoutMs: 60_000 });
      expect(secondHandled).toEqual([]);
    } finally {
      stuck.release();
      await first.stop();
      await afterALateStop(firstLogger, 'the first consumer has stopped');
    }
  }, 90_000);

  it('started with a signal already aborted, stops at once and handles nothing', async () => {
    const { groupId, options } = await aGroupReading('aborted', ['a0', 'a1']);
    const logger = recordingLogger();
    const handled: string[] = [];

    const consumer = await startConsumer(
      options(async ({ message }) => void handled.push(text(message.value)!), { logger, signal: AbortSignal.abort(), stopTimeoutMs: 1_000 }),
    );
    await consumer.stop();

    expect(logger.lines).toContainEqual(expect.objectContaining({ message: 'consumer stopped while starting', fields: expect.objectContaining({ groupId }) }));
    // Whatever kafkajs still does in the background (its join, then leaving the group), it hands nothing over
    await afterALateStop(logger, 'the consumer has left');
    expect(handled).toEqual([]);
    expect(await harness.committedOffset(groupId, harness.prefix + 'aborted')).toBe(-1);
  }, 90_000);
});
