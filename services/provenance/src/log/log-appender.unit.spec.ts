import { describe, expect, it } from '@jest/globals';
import type { LoggableRecord } from '../classification/log-entry-of.js';
import { LogAppender } from './log-appender.js';

const record = (id: string): LoggableRecord => ({ kind: 'unparsed', id, type: 'unknown', problem: 'test' });

describe('the log appender', () => {
  it('writes the records handed in during a write together, in the order they came', async () => {
    const batches: string[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    const appender = new LogAppender(async (records) => {
      if (batches.length === 0) await firstWrite;
      batches.push(records.map((r) => r.id));
      return [];
    }, 2);
    const done = ['a', 'b', 'c', 'd', 'e'].map((id) => appender.append(record(id)));
    release();
    await Promise.all(done);
    expect(batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it("fails every record of a failed write, and writes the next ones afterwards", async () => {
    let calls = 0;
    const appender = new LogAppender(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database away');
      return [];
    }, 10);
    await expect(appender.append(record('a'))).rejects.toThrow('database away');
    await expect(appender.append(record('b'))).resolves.toBeUndefined();
    await appender.idle();
    expect(calls).toBe(2);
  });

  it('hands the records waiting for the next batch to prepare when a batch starts being written', async () => {
    const prepared: string[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    let writes = 0;
    const appender = new LogAppender(
      async () => {
        if (writes++ === 0) await firstWrite;
        return [];
      },
      2,
      (records) => prepared.push(records.map((r) => r.id)),
    );
    const done = ['a', 'b', 'c', 'd', 'e'].map((id) => appender.append(record(id)));
    release();
    await Promise.all(done);
    // [a] was written alone; [d, e] waited while [b, c] was written
    expect(prepared).toEqual([['d', 'e']]);
  });
});
