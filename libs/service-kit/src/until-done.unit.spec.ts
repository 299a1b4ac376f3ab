import { describe, expect, it, jest } from '@jest/globals';
import { startUpRetryDelayMs, untilDone } from './until-done.js';

const logger = () => ({ warn: jest.fn() });
const noWait = () => 0;

describe('a start-up chore tried until it is done', () => {
  it('retries a failing attempt, logging each failure, and resolves to the first success', async () => {
    const log = logger();
    let calls = 0;
    const attempt = async () => {
      calls += 1;
      if (calls < 3) throw new Error(`broker unreachable (${calls})`);
      return 'started';
    };

    const result = await untilDone('the consumer', attempt, { signal: new AbortController().signal, logger: log, delayMs: noWait });

    expect(result).toBe('started');
    expect(calls).toBe(3);
    expect(log.warn.mock.calls.map(([fields, message]) => [(fields as { attempt: number }).attempt, message])).toEqual([
      [1, 'the consumer not done yet; retrying'],
      [2, 'the consumer not done yet; retrying'],
    ]);
  });

  it('waits longer after each failure, up to 5 s, by default', () => {
    expect([1, 2, 3, 19, 20, 21, 100].map(startUpRetryDelayMs)).toEqual([250, 500, 750, 4_750, 5_000, 5_000, 5_000]);
  });

  it('gives up, resolving to undefined, once aborted: during a wait, or before any try', async () => {
    const stop = new AbortController();
    const attempt = jest.fn(async () => {
      throw new Error('down');
    });

    const trying = untilDone('the consumer', attempt, { signal: stop.signal, logger: logger(), delayMs: () => 60_000 });
    await new Promise((resolve) => setImmediate(resolve));
    stop.abort();

    await expect(trying).resolves.toBeUndefined();
    expect(attempt).toHaveBeenCalledTimes(1);
    await expect(untilDone('the consumer', attempt, { signal: stop.signal, logger: logger() })).resolves.toBeUndefined();
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
