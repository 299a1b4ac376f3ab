import { describe, expect, it } from '@jest/globals';
import { ConditionWasNotMetInTime, eventually, waitUntil } from './wait-until.js';

describe('waiting until a condition holds', () => {
  it('polls until the condition holds, then stops, and says how long that took', async () => {
    let polls = 0;
    const took = await waitUntil('the third poll', () => ++polls === 3, { timeoutMs: 1_000, pollMs: 10 });
    expect(polls).toBe(3);
    // Two sleeps of 10 ms between the three polls (a timer may fire a millisecond early).
    expect(took).toBeGreaterThanOrEqual(15);
  });

  it('resolves with the first value the probe returns other than undefined, false and 0 included', async () => {
    const answers = [undefined, undefined, { status: 'endorsed' }];
    await expect(eventually('the request is endorsed', async () => answers.shift(), { timeoutMs: 1_000, pollMs: 5 })).resolves.toEqual({ status: 'endorsed' });
    expect(answers).toEqual([]);
    await expect(eventually('a falsy value', () => false, { timeoutMs: 50, pollMs: 5 })).resolves.toBe(false);
    await expect(eventually('a zero', () => 0, { timeoutMs: 50, pollMs: 5 })).resolves.toBe(0);
  });

  it('fails after its timeout naming what it waited for, the timeout and how far things got', async () => {
    let polls = 0;
    const waiting = waitUntil('the effects exist', () => (polls++, false), { timeoutMs: 50, pollMs: 5, progress: async () => `effects ${polls}` });
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConditionWasNotMetInTime);
    expect((error as Error).name).toBe('ConditionWasNotMetInTime');
    expect((error as Error).message).toBe(`timed out after 50 ms waiting until the effects exist (effects ${polls})`);
    expect(polls).toBeGreaterThan(1);
  });

  it('says nothing of progress when it was not asked to', async () => {
    await expect(eventually('never', () => undefined, { timeoutMs: 20, pollMs: 5 })).rejects.toThrow(/^timed out after 20 ms waiting until never$/);
  });

  it('ends the wait with the error a probe throws, without polling again', async () => {
    const failure = new Error('the database is gone');
    let polls = 0;
    const probe = () => {
      polls++;
      throw failure;
    };
    await expect(waitUntil('the database answers', probe, { timeoutMs: 1_000, pollMs: 5 })).rejects.toBe(failure);
    await expect(eventually('the database answers', async () => Promise.reject(failure), { timeoutMs: 1_000, pollMs: 5 })).rejects.toBe(failure);
    expect(polls).toBe(1);
  });
});
