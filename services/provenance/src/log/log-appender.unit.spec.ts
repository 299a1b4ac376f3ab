import { describe, expect, it } from '@jest/globals';
import type { LoggableRecord } from '../classification/log-entry-of.js';
import { LogAppender } from './log-appender.js';

const record = (id: string): LoggableRecord => ({ kind: 'unparsed', id, type: 'unknown', problem: 'test' });

/** A write that stays open until released, as a slow transaction does. */
function gate(): { readonly opened: Promise<void>; readonly open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('the log appender', () => {
  it('hands two writes over at a time and writes the records handed in meanwhile together, in the order they came', async () => {
    const batches: string[][] = [];
    const first = gate();
    const appender = new LogAppender(async (records) => {
      batches.push(records.map((r) => r.id));
      if (batches.length <= 2) await first.opened;
      return [];
    }, 2);
    const done = ['a', 'b', 'c', 'd', 'e'].map((id) => appender.append(record(id)));
    expect(batches).toEqual([['a'], ['b']]);
    first.open();
    await Promise.all(done);
    expect(batches).toEqual([['a'], ['b'], ['c', 'd'], ['e']]);
  });

  it('fails every record of a failed write, and writes the next ones afterwards', async () => {
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

  it('settles each record with its own write only', async () => {
    const first = gate();
    const appender = new LogAppender(async (records) => {
      if (records[0]!.id === 'a') {
        await first.opened;
        throw new Error('database away');
      }
      return [];
    }, 1);
    const a = appender.append(record('a'));
    await expect(appender.append(record('b'))).resolves.toBeUndefined();
    first.open();
    await expect(a).rejects.toThrow('database away');
  });

  it('hands the records waiting for the next batch to prepare when a batch is handed over', async () => {
    const prepared: string[][] = [];
    const first = gate();
    let writes = 0;
    const appender = new LogAppender(
      async () => {
        if (writes++ < 2) await first.opened;
        return [];
      },
      2,
      (records) => prepared.push(records.map((r) => r.id)),
    );
    const done = ['a', 'b', 'c', 'd', 'e'].map((id) => appender.append(record(id)));
    first.open();
    await Promise.all(done);
    // [a] and [b] were handed over alone; [e] waited while [c, d] was handed over
    expect(prepared).toEqual([['e']]);
  });

  it('is idle once nothing waits and nothing is being written', async () => {
    const first = gate();
    const appender = new LogAppender(async () => {
      await first.opened;
      return [];
    }, 10);
    const done = appender.append(record('a'));
    let idle = false;
    const idled = appender.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    first.open();
    await Promise.all([done, idled]);
    expect(idle).toBe(true);
  });
});
