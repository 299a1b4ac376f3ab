import { describe, expect, it } from '@jest/globals';
import { LogOrderQueue } from './log-order-queue.js';

describe('a queue in log order', () => {
  it('gives items back oldest first, across its compactions, and says how many it holds', () => {
    const queue = new LogOrderQueue<{ n: number }>();
    const taken: number[] = [];
    for (let n = 0; n < 5_000; n += 1) {
      queue.push({ n });
      // Keep about 300 in it, so the spent front is dropped several times on the way.
      if (queue.length > 300) taken.push(queue.shift()!.n);
    }

    expect(taken).toEqual(Array.from({ length: 4_700 }, (_, n) => n));
    expect(queue.length).toBe(300);
    expect(queue.peek()).toEqual({ n: 4_700 });
  });

  it('answers undefined when empty, and takes new items after that', () => {
    const queue = new LogOrderQueue<{ n: number }>();
    expect([queue.peek(), queue.shift(), queue.length]).toEqual([undefined, undefined, 0]);

    queue.push({ n: 1 });

    expect(queue.shift()).toEqual({ n: 1 });
    expect([queue.peek(), queue.length]).toEqual([undefined, 0]);
  });
});
