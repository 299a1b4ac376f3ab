import { describe, expect, it } from '@jest/globals';
import { RegistryGate, RegistryHasNotReachedTheLogYet } from './registry-gate.js';

describe('the registry gate', () => {
  it('lets a record through once the registry topic was caught up after its time', async () => {
    let calls = 0;
    const gate = new RegistryGate({ progress: async () => ++calls >= 3, marginMs: 0, pollMs: 1 });
    await gate.reached(new Date(Date.now() - 1_000).toISOString());
    expect(calls).toBe(3);
  });

  it('asks once for every record whose time an answer already covers', async () => {
    let calls = 0;
    const gate = new RegistryGate({ progress: async () => (calls++, true), marginMs: 0, pollMs: 1 });
    const earlier = new Date(Date.now() - 5_000).toISOString();
    await gate.reached(earlier);
    await Promise.all([gate.reached(earlier), gate.reached(new Date(Date.now() - 4_000).toISOString())]);
    expect(calls).toBe(1);
  });

  it('asks for the registry progress only once the record time plus the margin has passed', async () => {
    let now = 1_000;
    const asked: number[] = [];
    const gate = new RegistryGate({ progress: async () => (asked.push(now), true), now: () => (now += 10), marginMs: 50, pollMs: 1 });
    await gate.reached(new Date(1_100).toISOString());
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.min(...asked)).toBeGreaterThanOrEqual(1_150);
  });

  it('gives up for now when the registry does not catch up in time', async () => {
    const gate = new RegistryGate({ progress: async () => false, marginMs: 0, pollMs: 1, maxWaitMs: 20 });
    await expect(gate.reached(new Date().toISOString())).rejects.toThrow(RegistryHasNotReachedTheLogYet);
  });
});
