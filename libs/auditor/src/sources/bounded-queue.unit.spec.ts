import { describe, expect, it } from '@jest/globals';
import { BoundedQueue } from './bounded-queue.js';

describe('a bounded queue between a topic reader and the audit', () => {
  it('hands every item over in order and then the end', async () => {
    const queue = new BoundedQueue<number>(2);
    const producing = (async () => {
      for (let i = 0; i < 10; i += 3) await queue.put([i, i + 1, i + 2]);
      queue.end();
    })();
    const taken: number[] = [];
    for (let item = await queue.take(); item !== undefined; item = await queue.take()) taken.push(item);
    await producing;
    expect(taken).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('holds the producer back while the queue is over its capacity', async () => {
    const queue = new BoundedQueue<number>(2);
    let putDone = false;
    const putting = queue.put([1, 2, 3, 4]).then(() => (putDone = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(putDone).toBe(false);
    await queue.take();
    await queue.take();
    await putting;
    expect(putDone).toBe(true);
  });

  it('gives the reader what is left, then the failure', async () => {
    const queue = new BoundedQueue<string>(10);
    await queue.put(['a']);
    queue.end(new Error('broker gone'));
    expect(await queue.take()).toBe('a');
    await expect(queue.take()).rejects.toThrow('broker gone');
  });

  it('gives up waiting after the time given, losing no item that comes later', async () => {
    const queue = new BoundedQueue<number>(2);
    expect(await queue.takeWithin(10)).toEqual({ timedOut: true });
    await queue.put([7]);
    expect(await queue.takeWithin(10)).toEqual({ item: 7 });
    queue.end();
    expect(await queue.takeWithin(10)).toEqual({ ended: true });
  });
});
