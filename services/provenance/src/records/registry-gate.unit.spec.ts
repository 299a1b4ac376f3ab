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
    await gate.reached(new Date(980).toISOString());
    expect(asked.length).toBeGreaterThan(0);
    expect(Math.min(...asked)).toBeGreaterThanOrEqual(1_030);
  });

  it('gives up for now when the registry does not catch up in time', async () => {
    const gate = new RegistryGate({ progress: async () => false, marginMs: 0, pollMs: 1, maxWaitMs: 20 });
    await expect(gate.reached(new Date().toISOString())).rejects.toThrow(RegistryHasNotReachedTheLogYet);
  });
});

describe('the registry gate and records timed ahead of its clock', () => {
  it('tells a record timed beyond the allowed skew apart, to be rejected rather than waited for', () => {
    const now = Date.parse('2025-03-01T10:00:00.000Z');
    const gate = new RegistryGate({ progress: async () => true, now: () => now, maxAheadMs: 60_000 });
    expect(gate.isTooFarAhead(new Date(now + 60_001).toISOString())).toBe(true);
    expect(gate.isTooFarAhead(new Date(now + 60_000).toISOString())).toBe(false);
  });

  it('lets a record timed ahead within the skew through once the registry caught up with now, not with its time', async () => {
    let now = 1_000_000;
    const asked: number[] = [];
    const gate = new RegistryGate({ progress: async () => (asked.push(now), true), now: () => (now += 10), marginMs: 50, pollMs: 1 });
    await gate.reached(new Date(now + 50_000).toISOString());
    expect(Math.max(...asked)).toBeLessThan(1_000_000 + 1_000);
  });
});
