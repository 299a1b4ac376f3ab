import { describe, expect, it } from '@jest/globals';
import { WakeSignal } from './wake-signal.js';

describe('the relay wake-up signal', () => {
  it('ends a wait as soon as it is woken', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const waiting = signal.wait(10_000);
    signal.wake();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a wake-up that came while nobody waited, once', async () => {
    const signal = new WakeSignal();
    signal.wake();
    signal.wake();
    const started = Date.now();
    await signal.wait(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const second = await Promise.race([signal.wait(30).then(() => 'timed out'), Promise.resolve('pending')]);
    expect(second).toBe('pending');
  });

  it('ends a wait after its timeout when nobody wakes it', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    await signal.wait(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
